/** `/data/catalog.json`: the DCAT catalogue of the data files (src/lib/open-data/catalogue.ts). */
import type { APIRoute } from 'astro';
import { openDataOptions } from '#data/open-data.ts';
import { loadSite } from '#data/site.ts';
import { catalogue } from '#lib/open-data/catalogue.ts';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(JSON.stringify(catalogue(site, openDataOptions(site)), null, 1), {
    headers: { 'content-type': 'application/ld+json; charset=utf-8' },
  });
};
