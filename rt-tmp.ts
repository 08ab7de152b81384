import { readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { checkFile } from '#lib/content/check.ts';
import { guideDocx } from '#tools/import/guide-export.ts';
import { guideElements } from '#tools/import/guide-elements.ts';
import { blocksFromHtml } from '#tools/import/guide-read.ts';
import { mapGuide } from '#tools/import/guide-map.ts';
import { procedureFile } from '#tools/import/guide-file.ts';
import mammoth from 'mammoth';
const dir = 'content';
for (const unit of readdirSync(`${dir}/units`)) {
  let files: string[] = [];
  try { files = readdirSync(`${dir}/units/${unit}/procedures`).filter((f) => f.endsWith('.md')); } catch { continue; }
  for (const f of files) {
    const rel = `units/${unit}/procedures/${f}`;
    const orig = checkFile(dir, rel).entry!;
    const buf = await guideDocx(orig.data as never, orig.body);
    const html = (await mammoth.convertToHtml({ buffer: buf })).value;
    const m = mapGuide(guideElements(blocksFromHtml(html)));
    const text = procedureFile(m.data, m.body, { file: f, date: '2026-12-07' }, m.findings);
    const back = checkFile(dir, rel, text);
    const strip = (d: any) => { const { order, updated, ...rest } = d; return rest; };
    const ok = back.entry && isDeepStrictEqual(strip(back.entry.data), strip(orig.data));
    console.log(ok ? 'OK  ' : 'DIFF', rel, m.findings.length);
    if (!ok) {
      if (!back.entry) console.log(back.problems.map((p) => p.message + ' ' + p.field));
      else { const a = strip(orig.data), b = strip(back.entry.data); for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (!isDeepStrictEqual(a[k], b[k])) console.log('  ', k, JSON.stringify(a[k]), '\n   →', JSON.stringify(b[k])); }
      for (const x of m.findings) console.log('   F', x.element, x.message, x.source ?? '');
    }
  }
}
