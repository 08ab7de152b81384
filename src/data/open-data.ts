/**
 * The open data files as pages and endpoints see them (src/lib/open-data/):
 * made from the website's model, so privacy tiers apply to them as to pages.
 */
import type { OpenDataOptions } from '#lib/open-data/records.ts';
import type { Site } from './site.ts';

/** Options of the data files: addresses under the site's public address. Pictures are left out of the data. */
export function openDataOptions(site: Site): OpenDataOptions {
  return { siteUrl: site.site.url };
}
