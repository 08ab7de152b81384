/**
 * Every print page of the site, for `npm run posters`: the exporter reads it
 * from the built site, so it always prints exactly what was built.
 */
import type { APIRoute } from 'astro';
import { loadSite } from '#data/site.ts';
import { printUnits } from '#data/print.ts';
import { base } from '#data/links.ts';
import { PAPER } from '#lib/print/formats.ts';
import { printPages } from '#lib/print/pages.ts';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  const units = Object.fromEntries(site.units.map((u) => [u.id, u.data.name]));
  const printed = new Set((await printUnits()).map((u) => u.id));
  // The organisation's own sheets (no unit) are always there; a unit's only when its sheets were rendered.
  const pages = printPages(site)
    .filter((p) => p.unit === undefined || printed.has(p.unit))
    .map((p) => ({ ...p, paper: PAPER[p.size] }));
  return new Response(JSON.stringify({ base, organisation: site.site.name, today: site.today, units, pages }, null, 1), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
