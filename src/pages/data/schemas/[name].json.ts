/** `/data/schemas/<name>.json`: the JSON Schema of each kind of record in the data files (src/lib/open-data/catalogue.ts). */
import type { APIRoute } from 'astro';
import { loadSite } from '#data/site.ts';
import { allSchemas } from '#lib/open-data/catalogue.ts';
import { DATASET_TYPES } from '#lib/open-data/records.ts';

export function getStaticPaths() {
  return [...DATASET_TYPES, 'unit-document'].map((name) => ({ params: { name } }));
}

export const GET: APIRoute = async ({ params }) => {
  const site = await loadSite();
  const schema = allSchemas(site.site.url).get(params.name as never);
  return new Response(JSON.stringify(schema, null, 1), { headers: { 'content-type': 'application/schema+json; charset=utf-8' } });
};
