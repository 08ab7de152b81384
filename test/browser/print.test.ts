/**
 * Printed sheets exported to PDF from the example organisation: exact paper
 * sizes, the text a citizen must be able to read, fonts inside the file, and
 * QR codes that open the right page with the right version.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mmToPoints, PAPER } from '#lib/print/formats.ts';
import { exportPosters, readManifest, type ExportResult, type Manifest } from '#node/posters.ts';
import { serveStatic } from '#node/static-server.ts';
import { page as builtPage } from '../helpers/html.ts';
import { checkContent } from '#lib/content/check.ts';
import type { StaffData } from '#schemas/staff.ts';
import { ROOT } from '../helpers/run.ts';
import { decodeAllQr, decodeQr, readPdf, renderPage } from '../helpers/pdf.ts';

const site = inject('exampleDir');
const out = mkdtempSync(join(tmpdir(), 'siliang-posters-'));
let result: ExportResult;
let manifest: Manifest;

beforeAll(async () => {
  const { server, url } = await serveStatic({ dir: site, base: '/' });
  manifest = await readManifest(url);
  server.close();
  result = await exportPosters({ siteDir: site, base: '/', outDir: out, units: ['huzheng', 'site'] });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('procedure posters', () => {
  it('come out one PDF per print page and size, plus one combined file per unit, nothing overflowing', () => {
    const expected = manifest.pages.filter((p) => p.unit === 'huzheng' || p.unit === undefined).map((p) => join(p.unit ?? 'site', p.file));
    expect(expected.filter((f) => f.includes('procedure-')).length).toBe(6);
    expect(result.files.sort()).toEqual([...expected, join('huzheng', 'huzheng-all.pdf'), join('site', 'site-all.pdf')].sort());
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

describe('every format of a unit', () => {
  const content = checkContent(join(ROOT, 'content'));
  const staff = content.entries
    .filter((e) => e.collection === 'staff' && e.unit === 'huzheng')
    .map((e) => e.data as unknown as StaffData<string>)
    .filter((d) => d.left === undefined);
  const pdfOf = async (file: string) => readPdf(readFileSync(join(out, file)));

  it('prints every page at its exact paper size, with every font embedded and no radical in place of an ideograph', async () => {
    for (const p of manifest.pages.filter((x) => x.unit === 'huzheng' || x.unit === undefined)) {
      const pdf = await pdfOf(join(p.unit ?? 'site', p.file));
      for (const size of pdf.pages) {
        expect(size.width, p.file).toBeCloseTo(mmToPoints(p.paper.width), 1);
        expect(size.height, p.file).toBeCloseTo(mmToPoints(p.paper.height), 1);
      }
      expect(pdf.unembedded, p.file).toEqual([]);
      expect(pdf.text.join('').match(/[\u2E80-\u2FDF]/gu) ?? [], p.file).toEqual([]);
    }
  });

  it('puts every person on a desk card of their own and on a badge sheet, with their number', async () => {
    const desk = await pdfOf('huzheng/desk-cards-a4.pdf');
    expect(desk.pages.length).toBe(staff.length);
    const badges = await pdfOf('huzheng/badges-a4.pdf');
    expect(badges.pages.length).toBe(Math.ceil(staff.length / 8));
    const badgeText = badges.text.join('').replace(/\s+/g, '');
    for (const person of staff) {
      expect(desk.text.join('').replace(/\s+/g, ''), person.name).toContain(person.name);
      expect(badgeText, person.name).toContain(person.name);
      if (person.number) expect(badgeText, person.name).toContain(person.number);
    }
  });

  it('makes one window plaque per window, with its number and post', async () => {
    const plaques = await pdfOf('huzheng/window-plaques-plaque.pdf');
    expect(plaques.pages.length).toBe(4);
    for (const [i, window] of ['31', '32', '33', '34'].entries()) expect(plaques.text[i]).toContain(window);
    expect(plaques.text[0]).toContain('户政业务受理岗');
  });

  it('gives each online supervision channel on the poster a QR code of its own, beside the page’s', async () => {
    const codes = await decodeAllQr(renderPage(join(out, 'site/supervision-a4.pdf'), 1, 150));
    expect(codes).toContain('https://gongkai.qingxi.example/tousu/');
    expect(codes.some((c) => /^https:\/\/gongkai\.qingxi\.example\/#v-[0-9A-Z]{6}$/.test(c))).toBe(true);
  });

  it('lists every supervision channel on the supervision posters', async () => {
    const unitPoster = (await pdfOf('huzheng/supervision-a4.pdf')).text.join('');
    for (const value of ['0570-6012 3012', '0570-6013 0110', '0570-12388', '12345', 'jubao@qingxi.example']) expect(unitPoster).toContain(value);
    const sitePoster = (await pdfOf('site/supervision-a4.pdf')).text.join('');
    expect(sitePoster).toContain('0570-12388');
    expect(sitePoster).not.toContain('0570-6013 0110');
  });

  it('shows the staff, the duties and the pledges on the wall board', async () => {
    const board = (await pdfOf('huzheng/board-a3.pdf')).text.join('').replace(/\s+/g, '');
    for (const person of staff) expect(board).toContain(person.name.replace(/\s+/g, ''));
    for (const s of ['亮身份', '亮职责', '亮承诺', '亮流程', '户政业务受理岗', '居民身份证补领']) expect(board).toContain(s);
  });

  it('puts on every sheet, in every format and size, a QR code that scans and opens its page with the version printed on it', async () => {
    const sheets = manifest.pages.filter((x) => x.unit === 'huzheng' || x.unit === undefined);
    expect(new Set(sheets.map((x) => x.format)).size).toBe(7);
    for (const sheet of sheets) {
      const file = join(out, sheet.unit ?? 'site', sheet.file);
      // Small codes (badges) need a finer render; a poster's code reads at a coarse one.
      const dpi = sheet.format === 'badges' ? 300 : sheet.paper.width > 300 ? 100 : 150;
      const png = renderPage(file, 1, dpi);
      // A sheet may carry other codes too (the supervision poster's online channels): take the one with a version.
      let code = await decodeQr(png);
      if (!code?.includes('#v-')) code = (await decodeAllQr(png)).find((c) => c.includes('#v-'));
      expect(code ?? '', sheet.file).toMatch(/^https:\/\/gongkai\.qingxi\.example\/[^#]*#v-[0-9A-Z]{6}$/);
      const [path, version] = (code as string).replace('https://gongkai.qingxi.example/', '').split('#v-') as [string, string];
      const text = (await readPdf(readFileSync(file))).text[0] ?? '';
      expect(text, `${sheet.file} prints the version its QR code carries`).toContain(version);
      expect(builtPage(site, path).getElementById(`v-${version}`)?.getAttribute('data-version-state'), `${sheet.file} → ${path}`).toBe('current');
    }
  });

  it('gives each badge a QR code that scans at its printed size and opens that person’s page', async () => {
    const code = await decodeQr(renderPage(join(out, 'huzheng/badges-a4.pdf'), 1, 300));
    expect(code).toMatch(/^https:\/\/gongkai\.qingxi\.example\/units\/huzheng\/staff\/[a-z-]+\/#v-[0-9A-Z]{6}$/);
    const [path, version] = (code as string).replace('https://gongkai.qingxi.example/', '').split('#v-') as [string, string];
    expect(builtPage(site, path).getElementById(`v-${version}`)?.getAttribute('data-version-state')).toBe('current');
  });
});
