/**
 * Blank forms and samples that service guides offer for download, served
 * from the unit's content folder at /units/<unit>/files/<path in unit>.
 */
import type { APIRoute } from 'astro';
import context from 'virtual:siliang/context';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { assertInside } from '#lib/content/inside.ts';
import { loadSite } from '#data/site.ts';
import { statedList } from '#lib/format.ts';
import { attachmentPathInUnit } from '#lib/urls.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  const seen = new Map<string, { params: { unit: string; file: string }; props: { source: string } }>();
  for (const unit of site.units) {
    for (const p of unit.procedures) {
      for (const m of statedList(p.data.materials)) {
        for (const ref of [m.blankForm, m.sample]) {
          if (!ref) continue;
          const file = attachmentPathInUnit(p.file, ref);
          if (file === undefined) continue;
          seen.set(`${unit.id}/${file}`, { params: { unit: unit.id, file }, props: { source: join(context.contentDir, 'units', unit.id, file) } });
        }
      }
    }
  }
  return [...seen.values()];
}

export const GET: APIRoute = async ({ props }) => {
  const { source } = props as { source: string };
  // The checker refuses a form linked from outside the content folder; this holds even for a build run without it.
  assertInside(context.contentDir, source, relative(context.contentDir, source));
  return new Response(await readFile(source));
};
