/**
 * Where each kind of content lives in a content folder, and which schema it
 * follows. Astro's loaders (src/content.config.ts) and the content checker
 * (src/lib/content/check.ts) both read this table, so they always agree on
 * which files exist and what their ids are.
 *
 *   site.yaml
 *   units/<unit>/unit.yaml
 *   units/<unit>/procedures/<procedure>.md   (or .mdx)
 *   units/<unit>/staff/<person>.yaml         (photo beside it)
 *   units/<unit>/posts/<post>.yaml
 *   units/<unit>/pledges/<pledge>.yaml
 *   units/<unit>/evaluations/<period>.yaml
 *   notices/<notice>.md
 *   screens/<screen>.yaml                    (hall display screens)
 */
import type { z } from 'astro/zod';
import type { SchemaContext } from './context.ts';
import { evaluationSchema } from './evaluation.ts';
import { noticeSchema } from './notice.ts';
import { pledgeSchema } from './pledge.ts';
import { screenSchema } from './screen.ts';
import { postSchema } from './post.ts';
import { procedureSchema } from './procedure.ts';
import { siteSchema } from './site.ts';
import { staffSchema } from './staff.ts';
import { unitSchema } from './unit.ts';

export type SourceFormat = 'yaml' | 'markdown';

export interface CollectionLayout {
  /** Chinese name of the content type, for messages. */
  title: string;
  /** Folder of the entries, relative to the content folder; `*` stands for a unit's folder. */
  dir: string;
  /** Fixed file name (without extension) when the collection holds one file per folder. */
  name?: string;
  extensions: readonly string[];
  format: SourceFormat;
  schema: (context: SchemaContext) => z.ZodType;
}

const YAML = ['yaml', 'yml'] as const;
const MARKDOWN = ['md', 'mdx'] as const;

/**
 * The table, for pictures read as `I`: the Zod type a schema's `image()`
 * gives, Astro's image metadata in the site and a checked path in the
 * checker. A function of `I` because TypeScript gives a generic schema its
 * picture type only where the schema is named, never through a mapped type
 * over the table; `CollectionTable<I>` is how the site's collections
 * (src/content.config.ts) and the checker's entries (src/lib/content/entry.ts)
 * take exact types from this one list. At run time the rows are the same
 * whatever `I` is.
 */
function collectionTable<I extends z.ZodType>() {
  return {
    site: { title: '网站设置', dir: '', name: 'site', extensions: YAML, format: 'yaml', schema: siteSchema<I> },
    units: { title: '窗口单位', dir: 'units/*', name: 'unit', extensions: YAML, format: 'yaml', schema: unitSchema<I> },
    procedures: { title: '办事指南', dir: 'units/*/procedures', extensions: MARKDOWN, format: 'markdown', schema: procedureSchema<I> },
    staff: { title: '工作人员', dir: 'units/*/staff', extensions: YAML, format: 'yaml', schema: staffSchema<I> },
    posts: { title: '岗位职责', dir: 'units/*/posts', extensions: YAML, format: 'yaml', schema: postSchema },
    pledges: { title: '服务承诺', dir: 'units/*/pledges', extensions: YAML, format: 'yaml', schema: pledgeSchema },
    evaluations: { title: '评价结果', dir: 'units/*/evaluations', extensions: YAML, format: 'yaml', schema: evaluationSchema },
    notices: { title: '公告', dir: 'notices', extensions: MARKDOWN, format: 'markdown', schema: noticeSchema },
    screens: { title: '显示屏', dir: 'screens', extensions: YAML, format: 'yaml', schema: screenSchema<I> },
  } as const;
}

export type CollectionTable<I extends z.ZodType> = ReturnType<typeof collectionTable<I>>;

export const COLLECTIONS = collectionTable<z.ZodType>() satisfies Record<string, CollectionLayout>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** Collection `C`'s schema with pictures read as `I`. */
export type CollectionSchema<C extends CollectionName, I extends z.ZodType> = ReturnType<CollectionTable<I>[C]['schema']>;

/** What collection `C`'s schema outputs with pictures read as `I`. */
export type CollectionData<C extends CollectionName, I extends z.ZodType> = z.output<CollectionSchema<C, I>>;

/**
 * Collection `name`'s schema, with pictures and files read as `context`
 * says, typed by what it outputs for that collection and that reader.
 */
export function collectionSchema<C extends CollectionName, I extends z.ZodType>(name: C, context: SchemaContext<I>): z.ZodType<CollectionData<C, I>> {
  // The one cast: `COLLECTIONS` is the table read with any picture type, and
  // TypeScript can follow neither a generic name to its row nor the row to `I`.
  const schema = COLLECTIONS[name].schema as unknown as (context: SchemaContext<I>) => z.ZodType<CollectionData<C, I>>;
  return schema(context);
}

/** The glob pattern Astro's loader uses for a collection, relative to the content folder. */
export function globPattern(name: CollectionName): string {
  const c: CollectionLayout = COLLECTIONS[name];
  const file = `${c.name ?? '*'}.{${c.extensions.join(',')}}`;
  return c.dir === '' ? file : `${c.dir}/${file}`;
}

/** Where a content file sits in the layout. */
export interface Placement {
  collection: CollectionName;
  /** Unique within the collection: `unit/slug` for a unit's items, `slug` otherwise. */
  id: string;
  /** The unit folder, for a unit and its items. */
  unit?: string;
  /** The last part of the id: the file name without extension, or the unit folder. */
  slug: string;
}

/**
 * Says which collection a file belongs to, given its path relative to the
 * content folder with forward slashes; `undefined` for files that are not
 * content entries (photos, forms, stray files).
 */
export function placeFile(relPath: string): Placement | undefined {
  const parts = relPath.split('/');
  const file = parts.at(-1) ?? '';
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const stem = file.slice(0, dot);
  const ext = file.slice(dot + 1);
  for (const collection of COLLECTION_NAMES) {
    const c: CollectionLayout = COLLECTIONS[collection];
    if (!c.extensions.includes(ext)) continue;
    const dirParts = c.dir === '' ? [] : c.dir.split('/');
    if (parts.length !== dirParts.length + 1) continue;
    if (c.name !== undefined && c.name !== stem) continue;
    let unit: string | undefined;
    const matches = dirParts.every((part, i) => {
      if (part !== '*') return part === parts[i];
      unit = parts[i];
      return true;
    });
    if (!matches) continue;
    if (collection === 'site') return { collection, id: 'site', slug: 'site' };
    if (collection === 'units') return { collection, id: unit as string, unit: unit as string, slug: unit as string };
    if (unit !== undefined) return { collection, id: `${unit}/${stem}`, unit, slug: stem };
    return { collection, id: stem, slug: stem };
  }
  return undefined;
}
