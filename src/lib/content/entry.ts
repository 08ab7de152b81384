/**
 * What the content checker (./check.ts) hands to the rules that look at the
 * folder as a whole (./references.ts, ./rules, src/lib/privacy,
 * src/lib/markdown): the checked entries, and the context the rules run in.
 *
 * An entry is a union keyed by `collection`, typed from the collections table
 * (src/schemas/collections.ts): after `entry.collection === 'pledges'`,
 * `entry.data` is a pledge as its schema outputs it, with no cast, and a
 * collection added to the table joins the union by itself. A module of its
 * own so that the rules need not import the checker that runs them.
 */
import type { z } from 'astro/zod';
import type { CollectionData, CollectionName, Placement } from '#schemas/collections.ts';
import type { HolidayCalendar } from '../holidays.ts';
import type { Problem } from './problem.ts';
import type { SourceFile } from './source.ts';

/**
 * A collection's data as the checker's schema outputs it: pictures and
 * files are the paths written in the content (checked to exist), not image
 * metadata as in the site's pages.
 */
export type CheckedData<C extends CollectionName> = CollectionData<C, z.ZodString>;

/** Where an entry's file is and what it says, whatever its collection. */
interface EntryFile extends Omit<Placement, 'collection'> {
  /** Path relative to the content folder. */
  file: string;
  /** The Markdown body, for procedures and notices. */
  body?: string;
  source: SourceFile;
}

/**
 * A checked entry of collection `C`; of any collection, a union told apart by
 * `collection`. Written as a mapped type over `C` itself so that TypeScript
 * can build one for a generic `C` (check.ts) as well as narrow the union.
 */
export type EntryOf<C extends CollectionName> = { [K in C]: EntryFile & { collection: K; data: CheckedData<K> } }[C];

/** A content file that passed its own schema, with its validated data. */
export type CheckedEntry = EntryOf<CollectionName>;

/**
 * True for an entry of collection `collection`, narrowing it: for `filter`
 * and `find`, whose callbacks do not narrow by themselves. Takes any union
 * keyed by `collection`, such as completeness.ts's entries without sources.
 */
export function isEntryOf<C extends CollectionName>(collection: C) {
  return <E extends { collection: CollectionName }>(entry: E): entry is Extract<E, { collection: C }> => entry.collection === collection;
}

/** What every rule gets besides the entries. */
export interface RuleContext {
  /** The content folder, absolute. */
  contentDir: string;
  /** Today in the organisation's time zone, YYYY-MM-DD. */
  today: string;
  /** site.yaml as its schema outputs it, when it is valid. */
  site?: CheckedData<'site'>;
  /**
   * The data of files that failed their own schema, as read (by path
   * relative to the content folder): a rule whose question such a file can
   * still answer reads it here, so that one error does not hide another,
   * independent one until the first is fixed.
   */
  rejected?: ReadonlyMap<string, unknown>;
  /** When a file last changed (YYYY-MM-DD); the freshness rules ask Git once when this is not given. */
  lastChanged?: (relPath: string) => string | undefined;
  /**
   * The working-day calendar: the shipped holiday arrangements with the
   * folder's holidays.yaml on top (./holidays-file.ts); the shipped years
   * alone when not given.
   */
  holidays?: HolidayCalendar;
  /** The folder's holidays.yaml (or .yml), relative to it, when it has one. */
  holidaysFile?: string;
  /** Whether that file has errors of its own (reported already, so the rules say nothing more about it). */
  holidaysFileFailed?: boolean;
  /** `print` when checking for the printer's build (npm run posters), which shows what the web's privacy tiers hide; otherwise the website. */
  audience?: 'web' | 'print';
}

/** A rule over the whole folder: reports, never throws. */
export type Rule = (entries: readonly CheckedEntry[], ctx: RuleContext) => Problem[];
