/**
 * A service guide far too long for one A4 poster: the text shrinks, then
 * continues on further sheets, each with its QR code; nothing is cut.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPosters, type ExportResult } from '#node/posters.ts';
import { decodeQr, readPdf, renderPage } from '../helpers/pdf.ts';
import { buildInto, ROOT } from '../helpers/run.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-fit-'));
const MATERIALS = Array.from({ length: 45 }, (_, i) => `第${i + 1}号证明材料`);
let result: ExportResult;
let pdf: Awaited<ReturnType<typeof readPdf>>;
const file = join(temp, 'posters', 'chuangkou', 'procedure-ceshi-shixiang-a4.pdf');

beforeAll(async () => {
  const content = join(temp, 'content');
  cpSync(join(ROOT, 'test/fixtures/small'), content, { recursive: true });
  const guide = join(content, 'units/chuangkou/procedures/ceshi-shixiang.md');
  const materials = MATERIALS.map((m) => `  - name: ${m}\n    form: 复印件\n    note: 需加盖单位公章，复印件须清晰完整，并由申请人签字确认“与原件一致”。`).join('\n');
  writeFileSync(guide, readFileSync(guide, 'utf8').replace(/materials:\n(?: {2}.*\n| {4}.*\n)+/, `materials:\n${materials}\n`));
  await buildInto(content, join(temp, 'site'));
  result = await exportPosters({ siteDir: join(temp, 'site'), base: '/', outDir: join(temp, 'posters'), formats: ['procedure'], sizes: ['a4'] });
  pdf = await readPdf(readFileSync(file));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('a guide too long for one sheet', () => {
  it('continues on more A4 sheets instead of being cut', () => {
    expect(result.overflowing).toEqual([]);
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pdf.pages) expect(p.height).toBeCloseTo(841.89, 1);
  });

  it('keeps every material, in order', () => {
    const text = pdf.text.join('');
    let at = -1;
    for (const m of MATERIALS) {
      const next = text.indexOf(m, at + 1);
      expect(next, m).toBeGreaterThan(at);
      at = next;
    }
  });

  it('marks the continuation and prints the QR code on every sheet', async () => {
    expect(pdf.text[1]).toContain('（续）');
    for (let i = 1; i <= pdf.pages.length; i++) {
      expect(await decodeQr(renderPage(file, i, 150)), `sheet ${i}`).toMatch(/^https:\/\/gongkai\.ceshi\.example\/units\/chuangkou\/procedures\/ceshi-shixiang\/#v-[0-9A-Z]{6}$/);
    }
  });
});
