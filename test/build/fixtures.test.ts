/**
 * Small fixture sites built through the real build script: the clock decides
 * notices and overdue pledges, a base path reaches every link, a failed build
 * leaves the last good site alone, and no photo metadata survives.
 *
 * Builds take turns on this machine (a lock), so every build here is wall
 * time: most tests read one shared site, built once at 2026-11-22 under a
 * base path from a copy of the small fixture with notices and pledges dated
 * on both sides of that day and a staff photo carrying EXIF and GPS. One
 * more build, of changed content over a copy of that site, serves the tests
 * of what a later build replaces; the two failing builds start from copies.
 * The date rules themselves are tested day by day in test/unit/notices.test.ts
 * and test/unit/pledges.test.ts; here the pages must show what they decide.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { findMetadata } from '#lib/images/metadata.ts';
import { buildsFolder } from '#lib/output-folder.ts';
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

/** Runs `make` once, when the first test that needs its result asks for it. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/**
 * A second output holding the site published at `from`, laid out as a build
 * leaves it (a link into its own folder of builds), for a test to build over
 * without a build of its own.
 */
function copyOfOutput(from: string): string {
  const to = dir('copy');
  const version = basename(readlinkSync(from));
  cpSync(buildsFolder(from), buildsFolder(to), { recursive: true, filter: (f) => basename(f) !== '.lock' });
  symlinkSync(relative(dirname(to), join(buildsFolder(to), version)), to);
  return to;
}

/** The shared site's clock. */
const TODAY = '2026-11-22';

/**
 * Publicity notices on each side of each boundary of a period around TODAY,
 * beside the small fixture's own: gongshi-open (11-18 … 11-26, open),
 * gongshi-future (12-01 …, not yet) and gongshi-ended (September).
 */
const PERIODS = {
  'gongshi-starts-tomorrow': ['2026-11-23', '2026-11-29'],
  'gongshi-starts-today': ['2026-11-22', '2026-11-28'],
  'gongshi-ends-today': ['2026-11-16', '2026-11-22'],
  'gongshi-ended-yesterday': ['2026-11-15', '2026-11-21'],
} as const;
const TITLES: Record<keyof typeof PERIODS, string> = {
  'gongshi-starts-tomorrow': '明天开始的公示',
  'gongshi-starts-today': '今天开始的公示',
  'gongshi-ends-today': '今天结束的公示',
  'gongshi-ended-yesterday': '昨天结束的公示',
};

/** A pledge whose items fall due on each side of TODAY, beside the small fixture's 2026 pledge. */
const DUE = `title: 年底前的服务承诺
year: 2026
by:
  type: 本单位
items:
  - text: 截止昨天的承诺
    deadline: 2026-11-21
    status: 进行中
  - text: 截止今天的承诺
    deadline: 2026-11-22
    status: 进行中
  - text: 截止昨天但未开始的承诺
    deadline: 2026-11-21
    status: 未开始
`;

/** The shared site's staff photo: a phone photo taken at the service hall, with camera, time and GPS position. */
const taggedPhoto = once(() =>
  sharp({ create: { width: 600, height: 800, channels: 3, background: '#7f9fbf' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'P40', DateTime: '2026:05:01 10:00:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 5/1' },
    })
    .toBuffer(),
);

/** The site most tests read: see the top of the file. Built with every print sheet, as by default. */
const shared = once(async () => {
  const content = copyOfSmall();
  for (const [id, [start, end]] of Object.entries(PERIODS)) {
    const title = TITLES[id as keyof typeof PERIODS];
    writeFileSync(join(content, 'notices', `${id}.md`), `---\ntype: 公示\ntitle: ${title}\ndate: ${start}\nperiod:\n  start: ${start}\n  end: ${end}\n---\n${title}的内容。\n`);
  }
  // A plain notice dated tomorrow is not published yet; the fixture's gonggao (11-18) is.
  writeFileSync(join(content, 'notices', 'gonggao-tomorrow.md'), '---\ntype: 公告\ntitle: 明天发布的公告\ndate: 2026-11-23\n---\n明天发布。\n');
  writeFileSync(join(content, 'units/chuangkou/pledges/due.yaml'), DUE);
  writeFileSync(join(content, 'units/chuangkou/staff/li-hua.jpg'), await taggedPhoto());
  const out = dir('shared');
  await buildInto(content, out, { now: TODAY, base: '/gongkai/' });
  return out;
});

describe('the build clock', () => {
  /** A notice's state on its page (`absent` when it has none), and whether the home page lists it as current. */
  const notice = async (id: string) => {
    const out = await shared();
    const exists = htmlFiles(out).includes(`notices/${id}/index.html`);
    const state = exists ? (page(out, `notices/${id}/`).querySelector('[data-state]')?.getAttribute('data-state') ?? 'published') : 'absent';
    const current = [...page(out, '').querySelectorAll('.notices li')].find((li) => li.querySelector('a')?.getAttribute('href') === `/gongkai/notices/${id}/`);
    return { state, current: current ? text(current) : undefined };
  };

  it('shows a publicity notice from the first day of its period to the last, and marks it ended after', async () => {
    expect(await notice('gongshi-starts-tomorrow')).toEqual({ state: 'absent', current: undefined });
    expect(await notice('gongshi-future')).toEqual({ state: 'absent', current: undefined });

    const firstDay = await notice('gongshi-starts-today');
    expect(firstDay.state).toBe('open');
    expect(firstDay.current).toContain('剩余 7 天');

    expect((await notice('gongshi-open')).state).toBe('open');

    const lastDay = await notice('gongshi-ends-today');
    expect(lastDay.state).toBe('open');
    expect(lastDay.current).toContain('今天结束的公示');
    expect(lastDay.current).toContain('剩余 1 天');

    // Ended notices keep their address, marked ended, but leave the home page's current list.
    expect(await notice('gongshi-ended-yesterday')).toEqual({ state: 'ended', current: undefined });
    expect(await notice('gongshi-ended')).toEqual({ state: 'ended', current: undefined });
  });

  it('publishes a plain notice from its date on', async () => {
    expect(await notice('gonggao-tomorrow')).toEqual({ state: 'absent', current: undefined });
    expect(await notice('gonggao')).toMatchObject({ state: 'published', current: expect.stringContaining('元旦假期办公时间安排') });
  });

  it('flags a pledge item as overdue only after its deadline, and only while it is unsettled', async () => {
    const items = [...page(await shared(), 'units/chuangkou/pledges/').querySelectorAll('.items li')];
    const overdue = items.filter((li) => li.querySelector('[data-overdue]')).map((li) => text(li.querySelector('.text')));
    // The small fixture's 上线预约取号 has been in progress since its deadline of 2026-06-30.
    expect(overdue.sort()).toEqual(['上线预约取号', '截止昨天但未开始的承诺', '截止昨天的承诺'].sort());
    // Due today is not overdue yet; the settled ones (已兑现, 未兑现) never are.
    expect(items.map((li) => text(li.querySelector('.text')))).toEqual(expect.arrayContaining(['截止今天的承诺', '自助终端全覆盖', '材料齐全当场受理']));
  });
});

describe('a site under a base path', () => {
  it('links every page and asset below the base path, and every target exists', async () => {
    const out = await shared();
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
    const home = page(await rebuilt(), '');
    expect(home.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('https://www.ceshi.example/xinxi/');
    expect(home.querySelector('.unit-card a')?.getAttribute('href')).toBe('/xinxi/units/chuangkou/');
  });
});

describe('a build that fails', () => {
  // A large content folder is checked while Astro builds (src/node/build.ts); the small fixture is made to be, too.
  it.each([
    ['checked first', 'never'],
    ['checked while Astro builds, as a large organisation is', 'always'],
  ])('keeps the previous site untouched and says what to fix, in Chinese, without a stack trace (%s)', async (_, alongside) => {
    const out = copyOfOutput(await shared());
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
});

/**
 * The next build after the shared site, over a copy of it: the content has
 * changed (the site's address now has a path, /xinxi/, and the notices and
 * pledge added for the clock are gone) and it renders no print sheets.
 */
const rebuilt = once(async () => {
  const out = copyOfOutput(await shared());
  writeFileSync(join(out, 'stale.txt'), 'from an earlier build');
  const content = copyOfSmall();
  const site = join(content, 'site.yaml');
  writeFileSync(site, readFileSync(site, 'utf8').replace('url: https://gongkai.ceshi.example/', 'url: https://www.ceshi.example/xinxi/'));
  await buildInto(content, out, { now: TODAY, print: 'none' });
  return out;
});

describe('a build that succeeds', () => {
  it('replaces the previous site completely', async () => {
    const out = await rebuilt();
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    // Nothing the previous build made, or someone put beside it, is left over: a stray file, the clock's notices, the print sheets.
    const previous = ['stale.txt', 'notices/gongshi-starts-today/index.html', 'print/units'];
    for (const path of previous) expect(existsSync(join(out, path)), path).toBe(false);
    // The site before stays beside it for rollback, as it was.
    const kept = readdirSync(buildsFolder(out))
      .filter((n) => !n.startsWith('.'))
      .map((n) => join(buildsFolder(out), n));
    expect(kept).toHaveLength(2);
    const before = kept.filter((v) => previous.every((path) => existsSync(join(v, path))));
    expect(before).toHaveLength(1);
  });
});

describe('photo metadata', () => {
  it('does not publish the EXIF or GPS position of a staff photo', async () => {
    expect(findMetadata(await taggedPhoto())).toEqual(expect.arrayContaining(['exif', 'gps']));
    const out = await shared();
    // Staff photos are made by the photo step into _photos/; other images by Astro into _astro/.
    const images = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /^(_astro|_photos)[\\/]/.test(f) && /\.(jpe?g|webp|png)$/.test(f));
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
    const out = await shared();
    const pages = manifest(out).pages.filter((p) => p.unit === 'chuangkou');
    expect(pages.length).toBeGreaterThan(5);
    for (const p of pages) expect(existsSync(join(out, p.path, 'index.html')), p.path).toBe(true);
  });

  it('with --print none leave out every unit sheet but keep the citizen pages and the organisation’s own sheet', async () => {
    const out = await rebuilt();
    expect(existsSync(join(out, 'print', 'units'))).toBe(false);
    expect(manifest(out).pages.filter((p) => p.unit !== undefined)).toEqual([]);
    expect(manifest(out).pages.length).toBeGreaterThan(0);
    for (const p of manifest(out).pages) expect(existsSync(join(out, p.path, 'index.html')), p.path).toBe(true);
    for (const page of ['units/chuangkou/', 'units/chuangkou/staff/li-hua/', 'units/chuangkou/procedures/ceshi-shixiang/']) {
      expect(existsSync(join(out, page, 'index.html')), page).toBe(true);
    }
  });
});
