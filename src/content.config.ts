/**
 * Astro's content collections. Where each collection's files live comes from
 * the layout table in src/schemas/collections.ts, which the content checker
 * also reads, so the site and the checker see exactly the same files with
 * exactly the same schemas.
 */
import { defineCollection, type ImageFunction } from 'astro:content';
import type { CollectionConfig } from 'astro/content/config';
import { glob, type Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { pathToFileURL } from 'node:url';
import { COLLECTION_NAMES, collectionSchema, globPattern, placeFile, type CollectionName, type CollectionSchema } from '#schemas/collections.ts';
import { contentFolderInUse } from '#lib/build-signals.ts';
import { resolveContentDir } from '#lib/content/folder.ts';
import { imagePath } from '#schemas/context.ts';

// The Siliang integration has chosen the content folder before Astro loads
// this file (src/lib/build-signals.ts); the fallback, for a loader that did
// not run it, makes the same choice from the environment.
const base = pathToFileURL(`${contentFolderInUse() ?? resolveContentDir(undefined, process.cwd())}/`);

/**
 * An organisation may have no staff, evaluations or hall screens yet: the
 * glob loader's English "No files found matching …" for an empty collection
 * is dropped, every other message of the loader passes through. (Pages read
 * such a collection through src/data/collections.ts, which skips Astro's
 * "does not exist or is empty" in the same way.)
 */
function quietWhenEmpty(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => {
      const logger = Object.create(context.logger) as typeof context.logger;
      logger.warn = (message: string) => {
        if (!message.startsWith('No files found matching')) context.logger.warn(message);
      };
      return loader.load({ ...context, logger });
    },
  };
}

function loader(name: CollectionName) {
  return quietWhenEmpty(
    glob({
      base,
      // The checker does not look in node_modules folders (src/lib/content/files.ts), so neither may the site.
      pattern: [globPattern(name), '!**/node_modules/**'],
      // The checker's rule: `unit/slug` for a unit's items, so that two units
      // may each have a procedure called `guahao`.
      generateId: ({ entry }) => placeFile(entry)?.id ?? entry,
    }),
  );
}

// Schemas that hold images are called with Astro's `image()` so that the
// photo fields are typed as image metadata in pages. Staff photos stay plain
// paths: the photo step (src/integration/photos.ts) makes their files outside
// the bundler, which Astro's image() would import, at about 1 MB of memory
// each, into every build.
const PLAIN_PATHS = ['staff'] as const satisfies readonly CollectionName[];
const plainPaths: ReadonlySet<CollectionName> = new Set(PLAIN_PATHS);

/** A collection's schema as the site reads it, pictures as Astro's image metadata or as plain paths. */
type SiteSchema<C extends CollectionName> = CollectionSchema<C, C extends (typeof PLAIN_PATHS)[number] ? ReturnType<typeof imagePath> : ReturnType<ImageFunction>>;

function collection(name: CollectionName) {
  return defineCollection<z.ZodType>({
    loader: loader(name),
    schema: plainPaths.has(name) ? collectionSchema(name, { image: imagePath }) : ({ image }) => collectionSchema(name, { image }),
  });
}

// One collection per row of the table (src/schemas/collections.ts). Built
// with Object.fromEntries, which forgets which schema goes with which name,
// so the type says it again, from the same table, for the pages.
export const collections = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, collection(name)])) as {
  [C in CollectionName]: CollectionConfig<SiteSchema<C>, Loader>;
};
