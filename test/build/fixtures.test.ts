/**
 * Small fixture sites built through the real build script: the clock decides
 * notices, a base path reaches every link, a failed build leaves the last
 * good site alone, and no photo metadata survives.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { findMetadata } from '../../src/lib/images/metadata.ts';
import { buildsFolder } from '../../src/lib/output-folder.ts';
import { htmlFiles, page, text } from '../helpers/html.ts';
import { buildInto, ROOT, runScript } from '../helpers/run.ts';

const SMALL = join(ROOT, 'test/fixtures/small');
const temp = mkdtempSync(join(tmpdir(), 'siliang-build-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let count = 0;
const dir = (name: string) => join(temp, `${name}-${count++}`);

/** A copy of the small fixture to change. */
function copyOfSmall(): string {
  const d = dir('content');
  cpSync(SMALL, d, { recursive: true });
  return d;
}

describe('the build clock', () => {
  const states = async (now: string) => {
    const out = dir('clock');
    await buildInto(SMALL, out, { now });
    const files = new Set(htmlFiles(out));
    const state = (id: string) =>
      files.has(`notices/${id}/index.html`) ? (page(out, `notices/${id}/`).querySelector('[data-state]')?.getAttribute('data-state') ?? 'published') : 'absent';
    const current = text(page(out, '').querySelector('.notices'));
    return { open: state('gongshi-open'), future: state('gongshi-future'), ended: state('gongshi-ended'), current };
  };

  it('shows a publicity notice only inside its period and marks it ended after', async () => {
    // gongshi-open runs 2026-11-18 … 11-26; gongshi-future 2026-12-01 … 12-07.
    const before = await states('2026-11-17');
    expect(before).toMatchObject({ open: 'absent', future: 'absent', ended: 'ended' });

    const lastDay = await states('2026-11-26');
    expect(lastDay).toMatchObject({ open: 'open', future: 'absent' });
    expect(lastDay.current).toContain('服务之星评选结果公示');
    expect(lastDay.current).toContain('剩余 1 天');

    const after = await states('2026-11-27');
    expect(after).toMatchObject({ open: 'ended', future: 'absent' });
    expect(after.current).not.toContain('服务之星评选结果公示');

    const later = await states('2026-12-01');
    expect(later).toMatchObject({ open: 'ended', future: 'open' });
  });

  it('flags a pledge item as overdue only after its deadline', async () => {
    // “上线预约取号” is in progress with a deadline of 2026-06-30.
    const overdue = async (now: string) => {
      const out = dir('overdue');
      await buildInto(SMALL, out, { now });
      return page(out, 'units/chuangkou/pledges/').querySelectorAll('[data-overdue]').length;
    };
    expect(await overdue('2026-06-30')).toBe(0);
    expect(await overdue('2026-07-01')).toBe(1);
  });
});

describe('a site under a base path', () => {
  it('links every page and asset below the base path, and every target exists', async () => {
    const out = dir('base');
    await buildInto(SMALL, out, { base: '/gongkai/' });
    let checked = 0;
    for (const file of htmlFiles(out)) {
      const doc = page(out, file);
      const refs = [
        ...[...doc.querySelectorAll('[href]')].map((e) => e.getAttribute('href') ?? ''),
        ...[...doc.querySelectorAll('[src]')].map((e) => e.getAttribute('src') ?? ''),
        ...[...doc.querySelectorAll('form[action]')].map((e) => e.getAttribute('action') ?? ''),
        ...[...doc.querySelectorAll('[srcset]')].flatMap((e) => (e.getAttribute('srcset') ?? '').split(',').map((s) => s.trim().split(' ')[0] ?? '')),
      ];
      for (const ref of refs) {
        if (/^(https?:|tel:|mailto:|#)/.test(ref)) continue;
        expect(ref, `${file}: ${ref}`).toMatch(/^\/gongkai\//);
        const path = decodeURIComponent(ref.replace(/^\/gongkai\//, '').split('#')[0] ?? '');
        const target = join(out, path);
        expect(existsSync(path === '' || path.endsWith('/') ? join(target, 'index.html') : target), `${file}: ${ref}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // Every page's search box goes to the search page below the base path.
    expect(page(out, 'index.html').querySelector('form[role=search]')?.getAttribute('action')).toBe('/gongkai/search/');
    // Style sheets point at their fonts and pictures below the base path too.
    for (const css of readdirSync(join(out, '_astro')).filter((f) => f.endsWith('.css'))) {
      for (const [, ref] of readFileSync(join(out, '_astro', css), 'utf8').matchAll(/url\(["']?([^"')]+)/g)) {
        if (ref?.startsWith('data:') || ref?.startsWith('#')) continue;
        expect(ref, `${css}: ${ref}`).toMatch(/^(\/gongkai\/|\.\.?\/|[\w.-]+$)/);
      }
    }
    // The sitemap gives public addresses that include the base path.
    const locs = [...readFileSync(join(out, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
    expect(locs.length).toBeGreaterThan(10);
    for (const loc of locs) expect(loc).toMatch(/^https:\/\/gongkai\.ceshi\.example\/gongkai\//);
  });

  it('takes the base path from the site address when site.yaml sets none', async () => {
    const content = copyOfSmall();
    const site = join(content, 'site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace('url: https://gongkai.ceshi.example/', 'url: https://www.ceshi.example/gongkai/'));
    const out = dir('base-from-url');
    await buildInto(content, out);
    const home = page(out, '');
    expect(home.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('https://www.ceshi.example/gongkai/');
    expect(home.querySelector('.unit-card a')?.getAttribute('href')).toBe('/gongkai/units/chuangkou/');
  });
});

describe('a build that fails', () => {
  // A large content folder is checked while Astro builds (src/node/build.ts); the small fixture is made to be, too.
  it.each([
    ['checked first', 'never'],
    ['checked while Astro builds, as a large organisation is', 'always'],
  ])('keeps the previous site untouched and says what to fix, in Chinese, without a stack trace (%s)', async (_, alongside) => {
    const out = dir('keep');
    await buildInto(SMALL, out);
    const before = readFileSync(join(out, 'index.html'));
    writeFileSync(join(out, 'marker.txt'), 'the last good site');

    const broken = copyOfSmall();
    const staff = join(broken, 'units/chuangkou/staff/li-hua.yaml');
    writeFileSync(staff, readFileSync(staff, 'utf8').replace('number: "CK0101"', 'number: 0101'));
    const run = await runScript('build.ts', ['--content', broken, '--out', out, '--now', '2026-11-22', '--quiet'], { SILIANG_CHECK_ALONGSIDE: alongside as string });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('units/chuangkou/staff/li-hua.yaml:6:9  number（工号）');
    expect(run.stderr).toContain('内容有 1 处错误');
    expect(run.stderr).toContain('YAML 把没有引号的 0101 读成了数字 101，开头的 0 会丢失');
    expect(run.stderr).toContain('修改：加上英文引号，写成 number: "0101"');
    expect(run.stderr).toContain('原来的网站');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(readFileSync(join(out, 'index.html')).equals(before)).toBe(true);
    expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('the last good site');
    // The failed build's own version folder is gone too.
    expect(readdirSync(buildsFolder(out)).filter((n) => !n.startsWith('.'))).toHaveLength(1);
  });

  it('replaces the previous site completely when the next build succeeds', async () => {
    const out = dir('replace');
    await buildInto(SMALL, out);
    writeFileSync(join(out, 'stale.txt'), 'from an earlier build');
    await buildInto(SMALL, out);
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    // The site before stays beside it for rollback, as it was.
    const kept = readdirSync(buildsFolder(out)).filter((n) => !n.startsWith('.')).map((n) => join(buildsFolder(out), n));
    expect(kept).toHaveLength(2);
    expect(kept.filter((v) => existsSync(join(v, 'stale.txt')))).toHaveLength(1);
  });
});

describe('photo metadata', () => {
  it('does not publish the EXIF or GPS position of a staff photo', async () => {
    const content = copyOfSmall();
    const photo = join(content, 'units/chuangkou/staff/li-hua.jpg');
    // A phone photo taken at the service hall: camera, time and GPS position.
    const tagged = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#7f9fbf' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'PhoneMaker', Model: 'P40', DateTime: '2026:05:01 10:00:00' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 5/1' },
      })
      .toBuffer();
    expect(findMetadata(tagged)).toEqual(expect.arrayContaining(['exif', 'gps']));
    writeFileSync(photo, tagged);

    const out = dir('exif');
    await buildInto(content, out);
    // Staff photos are made by the photo step into _photos/; other images by Astro into _astro/.
    const images = (await import('node:fs'))
      .readdirSync(out, { recursive: true, encoding: 'utf8' })
      .filter((f) => /^(_astro|_photos)[\\/]/.test(f) && /\.(jpe?g|webp|png)$/.test(f));
    expect(images.some((f) => f.startsWith('_photos'))).toBe(true);
    for (const f of images) {
      const bytes = readFileSync(join(out, f));
      expect(findMetadata(bytes), f).toEqual([]);
      expect((await sharp(bytes).metadata()).exif, f).toBeUndefined();
      expect(bytes.includes(Buffer.from('PhoneMaker')), f).toBe(false);
    }
  });
});

describe('print sheets on request', () => {
  const manifest = (out: string) => JSON.parse(readFileSync(join(out, 'print/manifest.json'), 'utf8')) as { pages: Array<{ unit?: string; path: string }> };

  it('are all rendered by default, and listed in the manifest the exporter reads', async () => {
    const out = dir('print-all');
    await buildInto(SMALL, out);
    const pages = manifest(out).pages.filter((p) => p.unit === 'chuangkou');
    expect(pages.length).toBeGreaterThan(5);
    for (const p of pages) expect(existsSync(join(out, p.path, 'index.html')), p.path).toBe(true);
  });

  it('with --print none leave out every unit sheet but keep the citizen pages and the organisation’s own sheet', async () => {
    const out = dir('print-none');
    await buildInto(SMALL, out, { print: 'none' });
    expect(existsSync(join(out, 'print', 'units'))).toBe(false);
    expect(manifest(out).pages.filter((p) => p.unit !== undefined)).toEqual([]);
    expect(manifest(out).pages.length).toBeGreaterThan(0);
    for (const p of manifest(out).pages) expect(existsSync(join(out, p.path, 'index.html')), p.path).toBe(true);
    for (const page of ['units/chuangkou/', 'units/chuangkou/staff/li-hua/', 'units/chuangkou/procedures/ceshi-shixiang/']) {
      expect(existsSync(join(out, page, 'index.html')), page).toBe(true);
    }
  });
});
