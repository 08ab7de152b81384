/**
 * Printed sheets exported to PDF from the example organisation: exact paper
 * sizes, the text a citizen must be able to read, fonts inside the file, and
 * QR codes that open the right page with the right version.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mmToPoints, PAPER } from '../../src/lib/print/formats.ts';
import { exportPosters, readManifest, type ExportResult, type Manifest } from '../../src/node/posters.ts';
import { serveStatic } from '../../src/node/static-server.ts';
import { page as builtPage } from '../helpers/html.ts';
import { decodeQr, readPdf, renderPage } from '../helpers/pdf.ts';

const site = inject('exampleDir');
const out = mkdtempSync(join(tmpdir(), 'siliang-posters-'));
let result: ExportResult;
let manifest: Manifest;

beforeAll(async () => {
  const { server, url } = await serveStatic({ dir: site, base: '/' });
  manifest = await readManifest(url);
  server.close();
  result = await exportPosters({ siteDir: site, base: '/', outDir: out, units: ['huzheng'], formats: ['procedure'] });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('procedure posters', () => {
  it('come out one PDF per poster and size, plus one combined file, nothing overflowing', () => {
    const expected = manifest.pages.filter((p) => p.unit === 'huzheng' && p.format === 'procedure').map((p) => join('huzheng', p.file));
    expect(expected.length).toBe(6);
    expect(result.files.sort()).toEqual([...expected, join('huzheng', 'huzheng-all.pdf')].sort());
    expect(result.overflowing).toEqual([]);
  });

  it.each(['a4', 'a3'] as const)('are exactly %s, with the guide’s text and every font embedded', async (size) => {
    const pdf = await readPdf(readFileSync(join(out, 'huzheng', `procedure-shenfenzheng-buling-${size}.pdf`)));
    for (const p of pdf.pages) {
      expect(p.width).toBeCloseTo(mmToPoints(PAPER[size].width), 1);
      expect(p.height).toBeCloseTo(mmToPoints(PAPER[size].height), 1);
    }
    const text = pdf.text.join('');
    // No radical stands in for an ideograph in the text layer (⾝ for 身).
    expect(text.match(/[\u2E80-\u2FDF]/gu) ?? []).toEqual([]);
    for (const s of ['居民身份证补领', '办理流程', '申请材料', '居民户口簿', '0570-6012 3333', '10 个工作日', '发改价格〔2003〕2322号']) expect(text).toContain(s);
    expect(pdf.fonts).toBeGreaterThan(0);
    expect(pdf.unembedded).toEqual([]);
  });

  it('carry a QR code that opens the guide with the version printed beside it, which the guide knows as current', async () => {
    const file = join(out, 'huzheng', 'procedure-shenfenzheng-buling-a4.pdf');
    const text = (await readPdf(readFileSync(file))).text.join('');
    const printed = /版本\s*([0-9A-Z]{6})/.exec(text)?.[1];
    expect(printed).toBeDefined();
    const qr = await decodeQr(renderPage(file, 1, 150));
    expect(qr).toBe(`https://gongkai.qingxi.example/units/huzheng/procedures/shenfenzheng-buling/#v-${printed}`);
    const note = builtPage(site, 'units/huzheng/procedures/shenfenzheng-buling/').getElementById(`v-${printed}`);
    expect(note?.getAttribute('data-version-state')).toBe('current');
  });
});
