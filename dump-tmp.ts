import { readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { planGuideImport } from '#tools/import/guide-import.ts';
const root = 'test/fixtures/guides';
const inputs = [...readdirSync(`${root}/docx`).map((f) => ['guide', `${root}/docx/${f}`]), ...readdirSync(`${root}/lists`).map((f) => ['guides', `${root}/lists/${f}`])] as Array<['guide' | 'guides', string]>;
for (const [kind, input] of inputs) {
  const plan = await planGuideImport({ kind, input, unit: 'chuangkou', contentDir: 'test/fixtures/small', today: '2026-12-07' });
  for (const f of plan.files) {
    const name = `${basename(f.source, extname(f.source))}${f.row !== undefined ? `-${f.row}` : ''}.md`;
    writeFileSync(join(root, 'expected', name), f.text.split('\n').filter((l) => !l.startsWith('#')).join('\n').replace(/^---\n\n/, '---\n').replace(/\n---\n\n## /, '\n---\n\n## '));
  }
}
