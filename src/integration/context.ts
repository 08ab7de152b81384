import type { PrintSelection } from '#lib/print/selection.ts';

/**
 * What the integration tells pages about the current build
 * (virtual:siliang/context): everything pages derive from the build's
 * options and the content folder's site.yaml, worked out once in
 * astro:config:setup. Pages read nothing from the environment.
 */
export interface BuildContext {
  /** Absolute path of the content folder being built. */
  contentDir: string;
  /** Absolute path of the project root. */
  root: string;
  /** Today in the organisation's time zone, YYYY-MM-DD: decides publicity periods and overdue pledges. */
  today: string;
  /** When the build ran (or the fixed clock), ISO 8601. */
  builtAt: string;
  timezone: string;
  /** Base path the site is served under, `/` or like `/gongkai/`. */
  base: string;
  /** Which units' print sheets are rendered: `all`, `none` or a list (src/lib/print/selection.ts). */
  print: PrintSelection;
  /** The staff photos' manifest written by the photo step (./photos.ts). */
  photoManifest: string;
  /** The folder of processed staff photos, for photos made on demand (./photos.ts). */
  photoCache: string;
  /** Indexed pages above which the search index is split into groups (src/lib/search/groups.ts). */
  searchSplit: number;
  /** Units above which the home page lists kinds, each with a directory page (src/lib/directory.ts). */
  homeCards: number;
  /** For the open web (privacy tiers apply) or for the printer (`npm run posters`: every sheet shows everything). */
  audience: 'web' | 'print';
}
