/**
 * Astro's content collections. Where each collection's files live comes from
 * the layout table in src/schemas/collections.ts, which the content checker
 * also reads, so the site and the checker see exactly the same files with
 * exactly the same schemas.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { globPattern, placeFile, type CollectionName } from './schemas/collections.ts';
import { evaluationSchema } from './schemas/evaluation.ts';
import { noticeSchema } from './schemas/notice.ts';
import { pledgeSchema } from './schemas/pledge.ts';
import { screenSchema } from './schemas/screen.ts';
import { postSchema } from './schemas/post.ts';
import { procedureSchema } from './schemas/procedure.ts';
import { siteSchema } from './schemas/site.ts';
import { staffSchema } from './schemas/staff.ts';
import { unitSchema } from './schemas/unit.ts';
import { contentFolderInUse } from './lib/build-signals.ts';
import { resolveContentDir } from './lib/content/folder.ts';
import { imagePath } from './schemas/context.ts';

// Schemas that hold images are called with Astro's `image()` so that the
// photo fields are typed as image metadata in pages.
// The Siliang integration has chosen the content folder before Astro loads
// this file (src/lib/build-signals.ts); the fallback, for a loader that did
// not run it, makes the same choice from the environment.
const base = pathToFileURL(`${contentFolderInUse() ?? resolveContentDir(undefined, process.cwd())}/`);

function loader(name: CollectionName) {
  return glob({
    base,
    // The checker does not look in node_modules folders (src/lib/content/files.ts), so neither may the site.
    pattern: [globPattern(name), '!**/node_modules/**'],
    // The checker's rule: `unit/slug` for a unit's items, so that two units
    // may each have a procedure called `guahao`.
    generateId: ({ entry }) => placeFile(entry)?.id ?? entry,
  });
}

export const collections = {
  site: defineCollection({ loader: loader('site'), schema: ({ image }) => siteSchema({ image }) }),
  units: defineCollection({ loader: loader('units'), schema: ({ image }) => unitSchema({ image }) }),
  procedures: defineCollection({ loader: loader('procedures'), schema: procedureSchema }),
  // Staff photos stay plain paths: the photo step (src/integration/photos.ts)
  // makes their files outside the bundler, which Astro's image() would
  // import, at about 1 MB of memory each, into every build.
  staff: defineCollection({ loader: loader('staff'), schema: staffSchema({ image: imagePath }) }),
  posts: defineCollection({ loader: loader('posts'), schema: postSchema }),
  pledges: defineCollection({ loader: loader('pledges'), schema: pledgeSchema }),
  evaluations: defineCollection({ loader: loader('evaluations'), schema: evaluationSchema }),
  notices: defineCollection({ loader: loader('notices'), schema: noticeSchema }),
  screens: defineCollection({ loader: loader('screens'), schema: ({ image }) => screenSchema({ image }) }),
};
