/** `/data/<type>.csv`: every record of one content type, for Excel (UTF-8 with BOM; src/lib/open-data/records.ts). */
import type { APIRoute } from 'astro';
import { openDataOptions } from '#data/open-data.ts';
import { loadSite } from '#data/site.ts';
import { recordSchema } from '#lib/open-data/catalogue.ts';
import { DATASET_TYPES, datasetRecords, toCsv, type DatasetType } from '#lib/open-data/records.ts';

export function getStaticPaths() {
  return DATASET_TYPES.map((type) => ({ params: { type } }));
}

export const GET: APIRoute = async ({ params }) => {
  const site = await loadSite();
  const type = params.type as DatasetType;
  const properties = recordSchema(type, site.site.url).properties as Record<string, { title?: string }>;
  const titles = Object.fromEntries(Object.entries(properties).flatMap(([k, v]) => (v.title ? [[k, v.title]] : [])));
  return new Response(toCsv(datasetRecords(site, type, openDataOptions(site)), titles), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
};
