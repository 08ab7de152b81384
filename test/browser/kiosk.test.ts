/**
 * The hall screen player in the system Chromium, with the page's clock under
 * the test's control: hours of playing take a moment. The screen under test
 * belongs to a copy of the small fixture, so that durations, schedules, an
 * urgent notice and a rebuild are all the test's own.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveStatic } from '#node/static-server.ts';
import { axeViolations, launch } from '../helpers/browser.ts';
import { SMALL, yaml } from '../helpers/content.ts';
import { buildInto } from '../helpers/run.ts';

interface Transition {
  slide: string;
  page: number;
  at: number;
  version: string;
}
interface KioskState {
  transitions: number;
  current: string | undefined;
  version: string;
  paused: boolean;
  pages: number;
  page: number;
  log: Transition[];
  errors: number;
  check(): Promise<void>;
  stall(): void;
}
declare global {
  interface Window {
    __kiosk: KioskState;
  }
}

const LONG_ITEMS = Array.from({ length: 36 }, (_, i) => `- 第 ${i + 1} 项：请带好本人有效身份证件原件和复印件各一份`);

const screenYaml = (secondTitle: string) =>
  yaml(
    'name: 测试大厅屏',
    'location: 一楼大厅',
    'orientation: 横屏',
    'duration: 5',
    'slides:',
    '  - type: 单位公示栏',
    '    unit: chuangkou',
    '    duration: 6',
    '  - type: 自定义',
    `    title: ${secondTitle}`,
    '    text: 请按叫号顺序办理。',
    '    duration: 7',
    '  - type: 自定义',
    '    title: 午间不打烊',
    '    text: 中午有窗口照常办理。',
    '    when:',
    '      times: ["12:00-14:00"]',
    '  - type: 工作人员',
    '    unit: chuangkou',
    '    duration: 8',
    '  - type: 自定义',
    '    title: 长长的材料清单',
    '    duration: 4',
    '    text: |',
    ...LONG_ITEMS.map((l) => `      ${l}`),
    '  - type: 监督渠道',
  );

const URGENT = [
  '---',
  'type: 公告',
  'title: 系统升级暂停办理的紧急通知',
  'date: 2026-11-24',
  'signer: 测试县政务服务中心',
  'urgent: true',
  'until: 2026-11-24',
  '---',
  '11 月 24 日全天系统升级，暂停办理业务。',
  '',
].join('\n');

/** Monday 2026-11-23, 10:00 in Shanghai: the playlist plays, the noon slide does not. */
const MONDAY_10 = '2026-11-23T10:00:00+08:00';
const ORDER = ['s1', 's2', 's4', 's5', 's6'];

const work = mkdtempSync(join(tmpdir(), 'siliang-kiosk-'));
const content = join(work, 'content');
const out = join(work, 'out');
let browser: Browser;
let server: Server;
let port = 0;
let base = '';

async function startServer(): Promise<void> {
  const started = await serveStatic({ dir: out, base: '/', port });
  server = started.server;
  base = started.url;
  port = Number(new URL(base).port);
}

function stopServer(): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

beforeAll(async () => {
  cpSync(SMALL, content, { recursive: true });
  mkdirSync(join(content, 'screens'));
  writeFileSync(join(content, 'screens', 'ceshi.yaml'), screenYaml('第二张'));
  writeFileSync(join(content, 'notices', 'jinji.md'), URGENT);
  await buildInto(content, out);
  await startServer();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await intranet?.close();
  await stopServer();
  rmSync(work, { recursive: true, force: true });
});

/**
 * Opens the screen with the page's clock stopped at `time`, in a browser
 * whose own time zone is not the organisation's: the schedule must follow
 * Asia/Shanghai whatever the box was set up with.
 */
async function openScreen(
  time: string,
  options: { path?: string; viewport?: { width: number; height: number }; clock?: boolean; intranet?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const chosen = options.intranet ? await intranetBrowser() : browser;
  const context = await chosen.newContext({ viewport: options.viewport ?? { width: 1920, height: 1080 }, timezoneId: 'America/New_York' });
  const page = await context.newPage();
  if (options.clock !== false) {
    await stopClockAt(page, time);
  }
  const origin = options.intranet ? base.replace('127.0.0.1', INTRANET_HOST) : base;
  await page.goto(`${origin}${options.path ?? 'kiosk/ceshi/'}`);
  await page.waitForFunction(() => window.__kiosk !== undefined, undefined, { polling: 50 });
  return { context, page };
}

/**
 * A hall screen on an intranet opens the site by a plain http host name, where
 * the browser allows no service worker: only what the page holds in memory
 * keeps it playing. Chromium maps the name to this machine, so the origin is
 * as untrusted as a real intranet's.
 */
const INTRANET_HOST = 'dating-pingmu.intranet';
let intranet: Browser | undefined;
async function intranetBrowser(): Promise<Browser> {
  intranet ??= await launch([`--host-resolver-rules=MAP ${INTRANET_HOST} 127.0.0.1`]);
  return intranet;
}

/**
 * Installs the fake clock a day early and then pauses it at `time`: an
 * installed clock runs in real time, so pausing at the very instant it was
 * installed at fails ("cannot fast-forward to the past") whenever a moment
 * passes between the two calls, and a busy machine can take many seconds.
 * The page is not loaded yet, so the jump forward fires no timer.
 */
async function stopClockAt(page: Page, time: string): Promise<void> {
  const at = new Date(time);
  await page.clock.install({ time: new Date(at.getTime() - 24 * 3_600_000) });
  await page.clock.pauseAt(at);
}

const state = (page: Page) => page.evaluate(() => ({ ...window.__kiosk, log: window.__kiosk.log }));
const durations = (page: Page) =>
  page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('.slide')].map((s) => [s.dataset.slide, Number(s.dataset.duration) * 1000])));
const visibleSlides = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.slide:not([hidden])')].map((s) => s.dataset.slide));

/** Slides in the order shown, each once however many screens it took. */
const slideOrder = (log: Transition[]) => log.filter((t, i) => i === 0 || log[i - 1]?.slide !== t.slide || t.page === 0).map((t) => t.slide);

describe('a hall screen playing its playlist', () => {
  it('shows the slides scheduled now in playlist order, each for its own duration', async () => {
    const { context, page } = await openScreen(MONDAY_10);
    const length = await durations(page);
    await page.clock.runFor(150_000);
    const { log } = await state(page);
    const order = slideOrder(log);
    // Two full rounds at least; the noon slide s3 is not in them at ten o'clock.
    expect(order.slice(0, 10)).toEqual([...ORDER, ...ORDER]);
    for (let i = 0; i + 1 < log.length; i++) {
      const shown = log[i] as Transition;
      expect((log[i + 1] as Transition).at - shown.at, `${shown.slide} screen ${shown.page + 1}`).toBe(length[shown.slide]);
    }
    expect(await visibleSlides(page)).toHaveLength(1);
    await context.close();
  });

  it('adds a slide scheduled for noon while noon lasts, by Shanghai time', async () => {
    const { context, page } = await openScreen('2026-11-23T12:30:00+08:00');
    await page.clock.runFor(60_000);
    expect(slideOrder((await state(page)).log).slice(0, 6)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    await context.close();
  });

  it('pages through a slide longer than the screen, cutting no item in two', async () => {
    const { context, page } = await openScreen(MONDAY_10);
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 3 && (await state(page)).current !== 's5'; i++) await page.keyboard.press('ArrowRight');
    expect((await state(page)).current).toBe('s5');
    const pages = (await state(page)).pages;
    expect(pages).toBeGreaterThan(1);
    const seen = new Set<string>();
    for (let screen = 0; screen < pages; screen++) {
      expect((await state(page)).page).toBe(screen);
      await page.clock.runFor(700); // the move to the next screen may be animated
      const whole = await page.evaluate(() => {
        const stage = (document.querySelector('.slide:not([hidden])') as HTMLElement).getBoundingClientRect();
        const style = getComputedStyle(document.querySelector('.slide:not([hidden])') as HTMLElement);
        const top = stage.top + parseFloat(style.paddingTop);
        const bottom = stage.bottom - parseFloat(style.paddingBottom);
        // The screens after the first are columns further right, moved into view: only what is in view counts.
        const left = stage.left + parseFloat(style.paddingLeft);
        const right = stage.right - parseFloat(style.paddingRight);
        return [...document.querySelectorAll('.slide:not([hidden]) li')]
          .filter((li) => {
            const r = li.getBoundingClientRect();
            return r.top >= top - 1 && r.bottom <= bottom + 1 && r.left >= left - 2 && r.right <= right + 2;
          })
          .map((li) => li.textContent?.trim() ?? '');
      });
      for (const item of whole) seen.add(item);
      if (screen + 1 < pages) await page.clock.runFor(4_000 - 700);
    }
    // Every item was shown whole on one of the screens.
    expect(seen.size).toBe(LONG_ITEMS.length);
    expect(await page.locator('.kiosk-foot .pages').textContent()).toBe(`第 ${pages} / ${pages} 屏 · 长长的材料清单（续）`);
    await context.close();
  });

  it('pauses with the space bar or a click and carries on where it was', async () => {
    const { context, page } = await openScreen(MONDAY_10);
    const first = (await state(page)).log[0] as Transition;
    const shown = (await durations(page))[first.slide] as number;
    await page.clock.runFor(2_000);
    await page.keyboard.press(' ');
    const before = await state(page);
    expect(before.paused).toBe(true);
    // Shown by the key press itself, like the pause.
    expect(await page.locator('.paused-note').isVisible()).toBe(true);
    await page.clock.runFor(120_000);
    expect((await state(page)).log).toEqual(before.log);
    await page.keyboard.press(' ');
    expect(await page.locator('.paused-note').isVisible()).toBe(false);
    // What was left of the screen's time when paused, and not a moment less.
    await page.clock.runFor(shown - 2_000 - 100);
    expect((await state(page)).log).toEqual(before.log);
    await page.clock.runFor(200);
    const after = await state(page);
    expect(after.log).toHaveLength(before.log.length + 1);
    expect((after.log.at(-1) as Transition).at - first.at).toBe(120_000 + shown);
    await page.mouse.click(900, 500);
    expect((await state(page)).paused).toBe(true);
    await page.mouse.click(900, 500);
    expect((await state(page)).paused).toBe(false);
    await context.close();
  });

  it('resumes by itself three minutes after a visitor paused it and walked away', async () => {
    const { context, page } = await openScreen(MONDAY_10);
    await page.mouse.click(900, 500);
    const before = await state(page);
    expect(before.paused).toBe(true);
    await page.clock.runFor(3 * 60_000 - 1_000);
    expect((await state(page)).paused).toBe(true);
    expect((await state(page)).log).toEqual(before.log);
    await page.clock.runFor(1_000);
    expect((await state(page)).paused).toBe(false);
    expect(await page.locator('.paused-note').isVisible()).toBe(false);
    await page.clock.runFor(60_000);
    expect((await state(page)).transitions).toBeGreaterThan(before.transitions + 3);
    await context.close();
  });

  it('hides the cursor, shows the organisation, the clock, the supervision phone and the data date, in large type', async () => {
    const { context, page } = await openScreen(MONDAY_10);
    expect(await page.evaluate(() => getComputedStyle(document.body).cursor)).toBe('none');
    expect(await page.locator('.kiosk-bar').textContent()).toContain('测试县窗口公开平台');
    // 10:00 in Shanghai although the box's own clock is in New York.
    expect(await page.locator('[data-clock]').textContent()).toBe('10:00');
    const foot = (await page.locator('.kiosk-foot').textContent()) ?? '';
    expect(foot).toMatch(/监督电话\s*0570-1234 0000/);
    expect(foot).toContain('数据截至 2026年11月22日');
    const size = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    // Everything always on screen is read from three metres, like the slides.
    for (const always of ['.kiosk-bar .org', '[data-date]', '[data-clock]', '.kiosk-foot', '.kiosk-foot .phone', '[data-as-of]']) {
      expect(await size(always), always).toBeGreaterThanOrEqual(32);
    }
    await page.clock.runFor(61_000);
    expect(await page.locator('[data-clock]').textContent()).toBe('10:01');
    await context.close();
  });

  it('shows the screen’s name and content version to a technician with ?identify', async () => {
    const { context, page } = await openScreen(MONDAY_10, { path: 'kiosk/ceshi/?identify' });
    const version = JSON.parse(readFileSync(join(out, 'kiosk', 'ceshi', 'version.json'), 'utf8')).version as string;
    const box = page.locator('.identify');
    expect(await box.isVisible()).toBe(true);
    expect(await box.textContent()).toContain('测试大厅屏');
    expect(await box.textContent()).toContain(version);
    await context.close();
  });

  it('passes an accessibility check on every slide', async () => {
    // axe-core waits on timers, so this page keeps the real clock; the player is paused.
    const { context, page } = await openScreen(MONDAY_10, { clock: false });
    await page.keyboard.press(' ');
    for (const id of await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.slide')].map((s) => s.dataset.slide ?? ''))) {
      await page.evaluate((show) => {
        for (const s of document.querySelectorAll<HTMLElement>('.slide')) s.hidden = s.dataset.slide !== show;
      }, id);
      expect(await axeViolations(page), id).toEqual([]);
    }
    await context.close();
  });
});

describe('recovering from its own errors', () => {
  it('does not skip a slide for an error elsewhere on the page, and counts it', async () => {
    const { context, page } = await openScreen(MONDAY_10);
    const first = (await state(page)).log[0] as Transition;
    const shown = (await durations(page))[first.slide] as number;
    await page.clock.runFor(1_000);
    // An uncaught error from other code, and a rejection nobody handles. (Not an
    // injected inline script: the page's Content-Security-Policy refuses those;
    // not a fake timer either: the test clock would throw it into the test.)
    await page.evaluate(() => {
      queueMicrotask(() => {
        throw new Error('a stray error');
      });
      void Promise.reject(new Error('a stray rejection'));
    });
    await page.clock.runFor(shown - 1_000 - 100);
    const { log, errors } = await state(page);
    expect(errors).toBe(2);
    expect(log).toHaveLength(1);
    await page.clock.runFor(200);
    expect((await state(page)).log).toHaveLength(2);
    await context.close();
  });

  it('restarts a loop that has stopped within seconds of the slide being due', async () => {
    const { context, page } = await openScreen(MONDAY_10);
    const first = (await state(page)).log[0] as Transition;
    const shown = (await durations(page))[first.slide] as number;
    await page.evaluate(() => window.__kiosk.stall());
    await page.clock.runFor(shown + 7_000);
    const { log } = await state(page);
    expect(log.length).toBeGreaterThanOrEqual(2);
    const restarted = log[1] as Transition;
    // Late, but within the watchdog's few seconds of grace, and playing on from there.
    expect(restarted.at - first.at).toBeGreaterThan(shown);
    expect(restarted.at - first.at).toBeLessThanOrEqual(shown + 7_000);
    await page.clock.runFor(60_000);
    expect((await state(page)).log.length).toBeGreaterThan(5);
    await context.close();
  });

  it('reloads once a night at three, when the server answers, and starts fresh', async () => {
    const { context, page } = await openScreen('2026-11-24T02:59:00+08:00');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const reloaded = page.waitForEvent('load');
    await page.clock.runFor(90_000);
    await reloaded;
    await page.waitForFunction(() => window.__kiosk !== undefined, undefined, { polling: 50 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();
    await context.close();
  });
});

describe('an urgent notice', () => {
  it('takes over the screen the moment it starts, whatever is showing, and gives it back when it expires', async () => {
    const { context, page } = await openScreen('2026-11-23T23:59:50+08:00');
    expect((await state(page)).current).toBe('s1');
    await page.clock.runFor(12_000);
    const { log, current } = await state(page);
    expect(current).toBe('urgent-jinji');
    const takeover = log.find((t) => t.slide === 'urgent-jinji') as Transition;
    const interrupted = log[log.indexOf(takeover) - 1] as Transition;
    // Within a second of midnight, cutting short what was showing.
    expect(takeover.at - Date.parse('2026-11-24T00:00:00+08:00')).toBeGreaterThanOrEqual(0);
    expect(takeover.at - Date.parse('2026-11-24T00:00:00+08:00')).toBeLessThanOrEqual(1_000);
    expect(ORDER).toContain(interrupted.slide);
    expect(takeover.at - interrupted.at).toBeLessThan((await durations(page))[interrupted.slide] as number);
    expect(await page.locator('.slide:not([hidden])').textContent()).toContain('系统升级暂停办理的紧急通知');
    // All day long it is the only thing on the screen, each showing its full time.
    await page.clock.runFor(3_600_000);
    const day = (await state(page)).log;
    expect(new Set(day.map((t) => t.slide))).toEqual(new Set(['urgent-jinji']));
    for (let i = 1; i < day.length; i++) expect((day[i] as Transition).at - (day[i - 1] as Transition).at).toBe(30_000);
    // Its last minute, then the day after: the playlist is back.
    await page.clock.pauseAt(new Date('2026-11-24T23:59:30+08:00'));
    await page.clock.runFor(1_000);
    expect((await state(page)).current).toBe('urgent-jinji');
    await page.clock.runFor(30_000);
    expect(ORDER).toContain((await state(page)).current);
    await context.close();
  });
});

describe('playing through network loss and new builds', () => {
  it.each([
    ['on this machine', false],
    ['over plain http on an intranet, with no service worker', true],
  ] as const)('keeps cycling %s, pictures and all, with the server gone, and tries again later', async (_where, onIntranet) => {
    const { context, page } = await openScreen(MONDAY_10, { intranet: onIntranet });
    if (onIntranet) {
      expect(await page.evaluate(() => [window.isSecureContext, 'serviceWorker' in navigator])).toEqual([false, false]);
    }
    // Pictures are copied into memory once the page has loaded.
    // Waited for by watching the pictures' addresses change: no polling, no time limit.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const held = () => [...document.querySelectorAll('img')].every((i) => i.src.startsWith('blob:'));
          if (held()) return resolve();
          const observer = new MutationObserver(() => {
            if (!held()) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['src'] });
        }),
    );
    expect(await page.locator('img').count()).toBeGreaterThan(0);
    const before = (await state(page)).transitions;
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(new URL(r.url()).pathname));
    await stopServer();
    try {
      // Twenty minutes: four version checks fail on the way.
      await page.clock.runFor(20 * 60_000);
      const after = await state(page);
      expect(failed.filter((f) => f.endsWith('/version.json')).length).toBeGreaterThanOrEqual(3);
      // About 40 s a round of five slides: well over a hundred slides in twenty minutes.
      expect(after.transitions - before).toBeGreaterThan(100);
      expect(await visibleSlides(page)).toHaveLength(1);
      // Show the staff slide: its photo is still there, from memory.
      while ((await state(page)).current !== 's4') await page.keyboard.press('ArrowRight');
      const photos = await page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('.slide:not([hidden]) img')].map((i) => i.complete && i.naturalWidth > 0));
      expect(photos.length).toBeGreaterThan(0);
      expect(photos.every(Boolean)).toBe(true);
    } finally {
      await startServer();
    }
    await context.close();
  });

  it('survives a reload while offline where a service worker is allowed', async () => {
    const { context, page } = await openScreen(MONDAY_10, { clock: false });
    const pageUrl = page.url();
    // The page and its player script, fetched by the worker after it started.
    // The cache tells no one when it changes, so this asks every half second, for as long as it takes.
    // Asked from here, not with waitForFunction: its in-page polling of this async check never
    // settled beside the player's layout work, though the cache was filled (seen 15 s in).
    const cachedUrls = () => page.evaluate(async () => (await (await caches.open('siliang-kiosk')).keys()).map((r) => r.url));
    for (let cached = await cachedUrls(); !(cached.includes(pageUrl) && cached.some((u) => u.endsWith('.js'))); cached = await cachedUrls()) {
      await new Promise((done) => setTimeout(done, 500));
    }
    // The worker must be the page's controller, and awake: on a loaded machine the browser
    // may have stopped an idle worker, and a reload that has to start it again can fall
    // through to the network. A request through the worker wakes it just before the cut.
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { polling: 500 });
    await page.evaluate(async () => void (await fetch(location.href)));
    await stopServer();
    try {
      await page.reload();
      await page.waitForFunction(() => window.__kiosk !== undefined, undefined, { polling: 50 });
      expect(await page.locator('.kiosk-bar').textContent()).toContain('测试县窗口公开平台');
      expect(await visibleSlides(page)).toHaveLength(1);
    } finally {
      await startServer();
    }
    await context.close();
  });

  it('picks up a new build at a slide boundary, never in the middle of a slide', async () => {
    const { context, page } = await openScreen(MONDAY_10);
    const first = await state(page);
    writeFileSync(join(content, 'screens', 'ceshi.yaml'), screenYaml('第二张（已更新）'));
    // A new supervision phone too: it sits outside the slides, and must not stay old around new ones.
    const siteFile = join(content, 'site.yaml');
    writeFileSync(siteFile, readFileSync(siteFile, 'utf8').replace('"0570-1234 0000"', '"0570-1234 9999"'));
    await buildInto(content, out);
    const next = JSON.parse(readFileSync(join(out, 'kiosk', 'ceshi', 'version.json'), 'utf8')).version as string;
    expect(next).not.toBe(first.version);

    await page.clock.runFor(1_000);
    await page.evaluate(() => window.__kiosk.check());
    // Prepared, but what is showing goes on with the old content until its slide is over.
    expect((await state(page)).version).toBe(first.version);
    expect(await page.locator('.kiosk').getAttribute('data-version')).toBe(first.version);
    for (let s = 0; s < 60 && (await state(page)).version === first.version; s++) await page.clock.runFor(1_000);
    const { log, version } = await state(page);
    expect(version).toBe(next);
    const switched = log.findIndex((t) => t.version === next);
    const last = log[switched - 1] as Transition;
    // The new build came in exactly when the last slide's last screen ended,
    // with the next slide in the playlist, from its first screen.
    expect(log[switched]?.page).toBe(0);
    expect(log[switched]?.slide).not.toBe(last.slide);
    expect(log[switched]?.slide).toBe(ORDER[(ORDER.indexOf(last.slide) + 1) % ORDER.length]);
    expect((log[switched] as Transition).at - last.at).toBe((await durations(page))[last.slide]);
    expect(log.slice(0, switched).every((t) => t.version === first.version)).toBe(true);
    // Only one stage: the old one was replaced, not left behind.
    expect(await page.locator('.kiosk-stage').count()).toBe(1);
    expect(await page.locator('.kiosk-foot').textContent()).toMatch(/监督电话\s*0570-1234 9999/);
    expect(await page.locator('.identify').textContent()).toContain(next);
    // The new build's words are on screen once its slide comes round.
    while ((await state(page)).current !== 's2') await page.keyboard.press('ArrowRight');
    expect(await page.locator('.slide:not([hidden]) h2').textContent()).toContain('第二张（已更新）');
    await context.close();
  });
});

describe('the example organisation’s screens', () => {
  const site = inject('exampleUrl');

  it.each([
    ['zhengwu-dating', { width: 1920, height: 1080 }],
    ['yiyuan-menzhen', { width: 1080, height: 1920 }],
  ] as const)('%s shows every slide with body text of at least 32 px and nothing wider than the screen', async (screen, viewport) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await stopClockAt(page, '2026-11-23T10:00:00+08:00');
    await page.goto(`${site}kiosk/${screen}/`);
    const ids = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.slide')].map((s) => s.dataset.slide ?? ''));
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) {
      const { small, wide, empty } = await page.evaluate((show) => {
        let shown: HTMLElement | undefined;
        for (const s of document.querySelectorAll<HTMLElement>('.slide')) {
          s.hidden = s.dataset.slide !== show;
          if (!s.hidden) shown = s;
        }
        const slide = shown as HTMLElement;
        const texts = [...slide.querySelectorAll<HTMLElement>('p, li, dd, dt, td, th, span, strong, a')].filter(
          (e) => e.offsetParent !== null && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()),
        );
        return {
          small: texts.filter((e) => parseFloat(getComputedStyle(e).fontSize) < 32).map((e) => `${e.textContent?.trim().slice(0, 20)} ${getComputedStyle(e).fontSize}`),
          // Long content continues in columns to the right of the screen, one screen high: no piece of any of them may be wider than the slide.
          wide: [...slide.querySelectorAll('*')].some((e) => [...e.getClientRects()].some((r) => r.width > slide.clientWidth + 1)),
          empty: (slide.textContent ?? '').trim().length < 10,
        };
      }, id);
      expect(small, id).toEqual([]);
      expect(wide, id).toBe(false);
      expect(empty, id).toBe(false);
    }
    // The organisation's name is shown whole, and the footer stays one line
    // on a continued screen too: a taller footer would shrink a measured slide.
    // (A clamped line would overflow by a whole line; glyphs may poke out by a few pixels.)
    expect(
      await page.locator('.kiosk-bar .org').evaluate((e) => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight - e.clientHeight < parseFloat(getComputedStyle(e).fontSize) / 2),
    ).toBe(true);
    const footHeight = () => page.locator('.kiosk-foot').evaluate((e) => e.getBoundingClientRect().height);
    const oneLine = await footHeight();
    while ((await state(page)).pages < 2) await page.keyboard.press('ArrowRight');
    await page.clock.runFor(((await durations(page))[(await state(page)).current as string] as number) + 100);
    expect((await state(page)).page).toBe(1);
    expect(await page.locator('.kiosk-foot .pages').textContent()).toMatch(/^第 2 \/ \d+ 屏 · .+（续）$/);
    expect(await footHeight()).toBe(oneLine);
    await context.close();
  });

  it('are listed for technicians, with their addresses, and left out of the sitemap', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site}kiosk/`);
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links).toEqual(expect.arrayContaining(['/kiosk/zhengwu-dating/', '/kiosk/yiyuan-menzhen/', '/kiosk/jiezhong-houzhen/']));
    const sitemap = await (await page.request.get(`${site}sitemap-0.xml`)).text();
    expect(sitemap).not.toContain('/kiosk/');
    await context.close();
  });
});
