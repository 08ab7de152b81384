/** `/notices/feed.xml`: the notices as an Atom feed (src/lib/feeds.ts). */
import type { APIRoute } from 'astro';
import { loadSite } from '#data/site.ts';
import { atomXml, noticesFeed } from '#lib/feeds.ts';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(atomXml(noticesFeed(site), site.site.timezone), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
