/**
 * The sound data of the site (src/lib/search/sounds.ts), fetched by the
 * search page only when a query finds little: so the first query does not
 * pay for it, and a search typed right never does.
 */
import type { APIRoute } from 'astro';
import { soundDataOf } from '#data/search.ts';
import { loadSite } from '#data/site.ts';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(JSON.stringify(soundDataOf(site)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
