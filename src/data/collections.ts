/**
 * Astro's getCollection for pages, without its English warning for a
 * collection with no files: an organisation may have no staff, no
 * evaluations or no screens yet, and a build should not print
 * `[WARN] [content] The collection "staff" does not exist or is empty` for
 * that. Build time only.
 */
import { getCollection } from 'astro:content';
import context from 'virtual:siliang/context';
import { listFiles } from '#lib/content/files.ts';
import { placeFile, type CollectionName } from '#schemas/collections.ts';

let present: Set<CollectionName> | undefined;

/** The collections with at least one file, seen as the checker and Astro's loaders see the folder (following links inside it). */
function presentCollections(): Set<CollectionName> {
  present ??= new Set(
    listFiles(context.contentDir)
      .map((file) => placeFile(file)?.collection)
      .filter((c): c is CollectionName => c !== undefined),
  );
  return present;
}

/** Every entry of `name`; an empty list, quietly, when the content folder has none. */
export async function collectionEntries<C extends CollectionName>(name: C): Promise<Awaited<ReturnType<typeof getCollection<C>>>> {
  if (!presentCollections().has(name)) return [];
  return getCollection(name);
}
