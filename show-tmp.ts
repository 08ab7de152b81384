import { readdirSync } from 'node:fs';
import { planGuideImport } from '#tools/import/guide-import.ts';
const which = process.argv[2]!;
const plan = await planGuideImport({ kind: which.endsWith('.docx') || !which.includes('.') ? 'guide' : 'guides', input: which, unit: 'chuangkou', contentDir: 'test/fixtures/small', today: '2026-12-07' });
console.log(plan.errors);
for (const f of plan.files) { console.log('=====', f.source, f.row, f.relPath); console.log(f.text); }
