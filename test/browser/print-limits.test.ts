/**
 * The exporter has no time limit a busy machine can reach (STALL_MS in
 * src/node/posters.ts is a limit on silence, tested in
 * test/unit/posters-watchdog.test.ts); what a time limit used to catch, a
 * print page whose fitting script breaks, fails at once with its cause.
 * Hand-made sites of one print page each, no build: one Chromium for all.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPosters } from '#node/posters.ts';
import { launch } from '../helpers/browser.ts';
import { readPdf } from '../helpers/pdf.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-print-limits-'));
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** A site with one A4 print page whose body ends with `script`, and the manifest the exporter reads. */
function siteWith(script: string): string {
  const dir = mkdtempSync(join(temp, 'site-'));
  mkdirSync(join(dir, 'print', 'sheet'), { recursive: true });
  const paper = { width: 210, height: 297, label: 'A4' };
  const manifest = {
    base: '/',
    organisation: '机构',
    today: '2026-11-22',
    units: {},
    pages: [{ format: 'supervision', size: 'a4', path: 'print/sheet/', title: '监督渠道', file: 'supervision-a4.pdf', paper }],
  };
  writeFileSync(join(dir, 'print', 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(
    join(dir, 'print', 'sheet', 'index.html'),
    `<!doctype html><html lang="zh-CN" data-paper="a4"><head><meta charset="utf-8"><title>监督渠道</title><style>.sheet { width: 210mm; height: 297mm; }</style></head><body class="print"><div class="sheet">监督电话 12345</div>${script}</body></html>`,
  );
  return dir;
}

const exportSite = (site: string) => exportPosters({ siteDir: site, base: '/', outDir: join(site, 'posters'), jobs: 1, browser });

describe('a print page exported', () => {
  it('is written once its fitting script says it is done', async () => {
    const site = siteWith('<script>document.documentElement.dataset.fitted = "true";</script>');
    const result = await exportSite(site);
    expect(result.files).toEqual(['site/supervision-a4.pdf', 'site/site-all.pdf']);
    const pdf = await readPdf(readFileSync(join(site, 'posters', 'site', 'supervision-a4.pdf')));
    expect(pdf.text).toEqual(['监督电话 12345']);
  });

  it('fails at once with the cause when its fitting script throws, instead of waiting for a fitting that never comes', async () => {
    const site = siteWith('<script>throw new Error("排版出错");</script>');
    await expect(exportSite(site)).rejects.toThrow(/the fitting script failed: .*排版出错/);
  });

  it('fails at once when its fitting script cannot be loaded', async () => {
    const site = siteWith('<script type="module" src="/_astro/print-fit.missing.js"></script>');
    await expect(exportSite(site)).rejects.toThrow(/could not load the fitting script .*print-fit\.missing\.js/);
  });
});
