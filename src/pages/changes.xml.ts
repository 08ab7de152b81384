/** `/changes.xml`: guides updated and pledges fulfilled, as an Atom feed (src/lib/feeds.ts). */
import type { APIRoute } from 'astro';
import { loadSite } from '#data/site.ts';
import { atomXml, changesFeed } from '#lib/feeds.ts';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(atomXml(changesFeed(site), site.site.timezone), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
