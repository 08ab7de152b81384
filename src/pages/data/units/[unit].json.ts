/** `/data/units/<unit>.json`: a unit and everything on its board, as data (src/lib/open-data/records.ts). */
import type { APIRoute } from 'astro';
import { openDataOptions } from '#data/open-data.ts';
import { loadUnit, unitStaticPaths } from '#data/site.ts';
import { unitDocument } from '#lib/open-data/records.ts';

export const getStaticPaths = unitStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { site, unit } = await loadUnit(params.unit as string);
  return new Response(JSON.stringify(unitDocument(site, unit, openDataOptions(site)), null, 1), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
