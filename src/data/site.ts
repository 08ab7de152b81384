/**
 * The organisation as pages see it: Astro's collections assembled by
 * src/lib/model.ts, once per build.
 */
import type { ImageMetadata } from 'astro';
import { getEntry } from 'astro:content';
import context from 'virtual:siliang/context';
import { relative, resolve, sep } from 'node:path';
import { lastChangedDates } from '#lib/content/updated.ts';
import { collectionEntries } from './collections.ts';
import { buildModel, type Entry, type SiteModel } from '#lib/model.ts';
import { contentErrorsFound } from '#lib/build-signals.ts';
import { siteForWeb } from '#lib/privacy/tiers.ts';

type Image = ImageMetadata;
export type Site = SiteModel<Image>;
export type Unit = Site['units'][number];

function relativeFile(filePath: string | undefined, id: string): string {
  if (!filePath) return id;
  return relative(context.contentDir, resolve(context.root, filePath)).split(sep).join('/');
}

async function entries<C extends 'units' | 'procedures' | 'staff' | 'posts' | 'pledges' | 'evaluations' | 'notices'>(name: C) {
  const list = await collectionEntries(name);
  return list.map((e) => ({ id: e.id, data: e.data, file: relativeFile(e.filePath, e.id) })) as Array<Entry<(typeof list)[number]['data']>>;
}

let cached: Promise<Site> | undefined;
let cachedForWeb: Promise<Site> | undefined;

/**
 * Loads and assembles everything as this build's pages may show it: on the
 * open web, each unit's staff under its privacy tier (src/lib/privacy/tiers.ts);
 * for the printer, everything. Pages share one result per build.
 */
export function loadSite(): Promise<Site> {
  if (context.audience === 'print') return loadWholeSite();
  cachedForWeb ??= loadWholeSite().then(siteForWeb);
  return cachedForWeb;
}

/**
 * Everything, whatever the privacy tiers: only for what never reaches a page
 * as such, like the version codes of printed sheets, which must be computed
 * from what the sheets print.
 */
export function loadWholeSite(): Promise<Site> {
  // A large site's check runs beside the build (src/node/build.ts); once it
  // has found an error, pages stop rendering and its report is shown instead.
  if (contentErrorsFound()) {
    return Promise.reject(new Error('内容检查发现错误，已停止生成页面'));
  }
  cached ??= assemble();
  return cached;
}

async function assemble(): Promise<Site> {
  const siteEntry = await getEntry('site', 'site');
  if (!siteEntry) throw new Error('site.yaml is missing (the content checker should have said so)');
  const dateOf = lastChangedDates(context.contentDir, context.timezone);
  return buildModel<Image>(
    {
      site: siteEntry.data,
      siteFile: relativeFile(siteEntry.filePath, 'site.yaml'),
      units: await entries('units'),
      procedures: await entries('procedures'),
      staff: await entries('staff'),
      posts: await entries('posts'),
      pledges: await entries('pledges'),
      evaluations: await entries('evaluations'),
      notices: await entries('notices'),
    },
    context.today,
    dateOf,
  );
}

const unitsById = new WeakMap<Site, Map<string, Unit>>();

/** The unit with this id, if there is one. A lookup, not a search: 91,000 pages each searching 3,500 units cost 2 s. */
export function unitById(site: Site, id: string): Unit | undefined {
  let byId = unitsById.get(site);
  if (!byId) {
    byId = new Map(site.units.map((u) => [u.id, u]));
    unitsById.set(site, byId);
  }
  return byId.get(id);
}

/** The unit with this id; throws when a page asks for one that does not exist (a bug, not bad content). */
export async function loadUnit(id: string): Promise<{ site: Site; unit: Unit }> {
  const site = await loadSite();
  const unit = unitById(site, id);
  if (!unit) throw new Error(`unknown unit ${id}`);
  return { site, unit };
}

/** getStaticPaths for pages that exist once per unit. */
export async function unitStaticPaths(): Promise<Array<{ params: { unit: string } }>> {
  const site = await loadSite();
  return site.units.map((u) => ({ params: { unit: u.id } }));
}
