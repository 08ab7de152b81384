/**
 * The site's addresses. They are printed as QR codes on posters and must
 * keep working for years, so they are built here and nowhere else.
 * Every function returns a path below the base path, ending in `/`.
 */

export const paths = {
  home: () => '',
  notices: () => 'notices/',
  search: () => 'search/',
  /** The directory of one kind of unit, on a site too large to list every unit on its home page. */
  kind: (kind: string) => `kinds/${kind}/`,
  printIndex: () => 'print/',
  print: (unit: string, format: string, ...rest: string[]) => `print/units/${unit}/${[format, ...rest].join('/')}/`,
  person: (unit: string, slug: string) => `units/${unit}/staff/${slug}/`,
  notice: (id: string) => `notices/${id}/`,
  unit: (unit: string) => `units/${unit}/`,
  procedures: (unit: string) => `units/${unit}/procedures/`,
  procedure: (unit: string, slug: string) => `units/${unit}/procedures/${slug}/`,
  staff: (unit: string) => `units/${unit}/staff/`,
  duties: (unit: string) => `units/${unit}/duties/`,
  pledges: (unit: string) => `units/${unit}/pledges/`,
  evaluations: (unit: string) => `units/${unit}/evaluations/`,
  /** A downloadable file (blank form, sample) kept in the unit's folder, by its path inside that folder. */
  attachment: (unit: string, pathInUnit: string) => `units/${unit}/files/${pathInUnit.split('/').map(encodeURIComponent).join('/')}`,
  /** The list of hall screens, for the technicians who set them up; also the scope of the screens' service worker. */
  kiosks: () => 'kiosk/',
  /** A hall screen's page, opened full screen on the screen's browser. */
  kiosk: (screen: string) => `kiosk/${screen}/`,
  /** The small file a screen reads every few minutes to learn of a new build. */
  kioskVersion: (screen: string) => `kiosk/${screen}/${KIOSK_VERSION_FILE}`,
  /** The screens' service worker, which keeps a copy for a reload offline. */
  kioskWorker: () => 'kiosk/sw.js',
  searchIndex: (group?: string) => searchIndexPath(group),
  favicon: () => 'favicon.svg',
  sitemap: () => 'sitemap-index.xml',
  /** The statements every footer links to, and the open data page (src/lib/open-data/catalogue.ts has the data files). */
  accessibility: () => 'accessibility/',
  privacyNote: () => 'privacy/',
  openData: () => 'data/',
} as const;

/**
 * The name of a screen's version file. The service worker never keeps a
 * copy of it (a screen must learn of new builds), and knows it by this name.
 */
export const KIOSK_VERSION_FILE = 'version.json';

/**
 * The folder of a search index: `pagefind/` for the shared (or only) index,
 * `pagefind/<group>/` for a group of units (src/lib/search/groups.ts).
 * A function of its own, not only in `paths`, so that the search page's
 * script imports this one function and not the whole table.
 */
export function searchIndexPath(group?: string): string {
  return group ? `pagefind/${group}/` : 'pagefind/';
}

/**
 * Where an attachment written as `./forms/x.pdf` in a unit's item file sits
 * inside the unit's folder: `procedures/forms/x.pdf`. `file` is the item's
 * path relative to the content folder (units/<unit>/procedures/<p>.md).
 * `undefined` when the reference leaves the unit's folder, since the file's
 * address is built from its place in that folder (the checker refuses such
 * references).
 */
export function attachmentPathInUnit(file: string, reference: string): string | undefined {
  const parts = file.split('/').slice(2, -1);
  for (const seg of reference.split('/')) {
    if (seg === '.' || seg === '') continue;
    if (seg !== '..') parts.push(seg);
    else if (parts.pop() === undefined) return undefined;
  }
  return parts.join('/');
}

/** Joins the base path (`/` or `/gongkai/`) and a site path. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/, '')}`;
}

/** The public absolute address of a site path, for QR codes and print. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path.replace(/^\/+/, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}
