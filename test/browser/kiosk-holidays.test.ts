/**
 * A hall screen scheduled by 工作日 in the system Chromium, with the page's
 * clock stopped on days the official calendar makes special: a statutory
 * holiday on a weekday, a 调休 working Saturday, an ordinary Saturday. The
 * player decides from the holiday arrangements the page carries, with no
 * network and no rebuild.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '#node/static-server.ts';
import { launch } from '../helpers/browser.ts';
import { SMALL, yaml } from '../helpers/content.ts';
import { buildInto } from '../helpers/run.ts';

// window.__kiosk, what the player tells tests, is declared in test/browser/kiosk.test.ts.

const SCREEN = yaml(
  'name: 测试大厅屏',
  'duration: 5',
  'when:',
  '  days: 工作日',
  '  times: ["08:00-18:00"]',
  'slides:',
  '  - type: 单位公示栏',
  '    unit: chuangkou',
  '  - type: 自定义',
  '    title: 工作日午间不打烊',
  '    text: 中午有窗口照常办理。',
  '    when:',
  '      days: 工作日',
  '  - type: 自定义',
  '    title: 休息日值班电话',
  '    text: 休息日请拨打值班电话。',
  '    when:',
  '      days: 节假日',
  '  - type: 自定义',
  '    title: 周六证件领取',
  '    text: 周六上午办理证件领取。',
  '    when:',
  '      days: 周六',
);

const work = mkdtempSync(join(tmpdir(), 'siliang-kiosk-holidays-'));
const content = join(work, 'content');
const out = join(work, 'out');
let browser: Browser;
let server: Server;
let base = '';

beforeAll(async () => {
  cpSync(SMALL, content, { recursive: true });
  // The organisation's hours in 工作日, as most halls publish them.
  const site = join(content, 'site.yaml');
  writeFileSync(site, readFileSync(site, 'utf8').replace('    - days: 周一至周五\n', '    - days: 工作日\n'));
  mkdirSync(join(content, 'screens'));
  writeFileSync(join(content, 'screens', 'dating.yaml'), SCREEN);
  await buildInto(content, out, { now: '2026-09-15', print: 'none' });
  const started = await serveStatic({ dir: out, base: '/', port: 0 });
  server = started.server;
  base = started.url;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
  rmSync(work, { recursive: true, force: true });
});

/** The screen with its clock stopped at `time` (China time), in a browser set to another time zone. */
async function openAt(time: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  const at = new Date(time);
  // Installed a day early, then paused: pausing at the very instant of installing fails on a busy machine.
  await page.clock.install({ time: new Date(at.getTime() - 24 * 3_600_000) });
  await page.clock.pauseAt(at);
  await page.goto(`${base}kiosk/dating/`);
  await page.waitForFunction(() => window.__kiosk?.current !== undefined, undefined, { polling: 50 });
  return page;
}

/** The slides shown over a minute of the page's clock, each once. */
async function slidesOverAMinute(page: Page): Promise<string[]> {
  const seen = new Set<string>();
  for (let i = 0; i < 12; i++) {
    seen.add((await page.evaluate(() => window.__kiosk.current)) ?? '');
    await page.clock.runFor(5_000);
  }
  return [...seen];
}

const textOf = async (page: Page, id: string) => (await page.locator(`.slide[data-slide="${id}"]`).textContent()) ?? '';

describe('a hall screen on the days the holiday calendar makes special', () => {
  it('rests on a statutory holiday that falls on a weekday, naming it and the day the hall opens again', async () => {
    const page = await openAt('2026-10-01T10:00:00+08:00'); // Thursday, 国庆节
    expect(await slidesOverAMinute(page)).toEqual(['rest']);
    const closed = page.locator('[data-closed]');
    expect(await closed.isVisible()).toBe(true);
    expect(await closed.textContent()).toBe('今日（国庆节假期）休息，10月8日（周四）恢复办公');
    expect(await page.locator('[data-date]').textContent()).toBe('2026年10月1日 星期四');
    expect(await page.locator('[data-day]').textContent()).toBe('国庆节假期');
    // The line does not push the resting slide's phones onto a second screen.
    expect(await page.evaluate(() => window.__kiosk.pages)).toBe(1);
    await page.context().close();
  });

  it('plays the working-day playlist and hours on a 调休 Saturday, and no slide for days off', async () => {
    const page = await openAt('2026-10-10T10:00:00+08:00'); // Saturday worked for 国庆节
    const shown = await slidesOverAMinute(page);
    expect(shown).not.toContain('rest');
    const texts = (await Promise.all(shown.map((id) => textOf(page, id)))).join('\n');
    expect(texts).toContain('工作日午间不打烊');
    expect(texts).not.toContain('休息日值班电话');
    // A slide written in weekdays keeps its meaning: it is Saturday.
    expect(texts).toContain('周六证件领取');
    expect(await page.locator('[data-closed]').isVisible()).toBe(false);
    expect(await page.locator('[data-day]').textContent()).toBe('调休上班日');
    expect(await page.locator('[data-day]').isVisible()).toBe(true);
    // The unit board's hours are the working-day hours, with the rule that 调休 days work.
    const board = page.locator('.slide[data-slide="s1"]');
    expect(await board.textContent()).toContain('工作日');
    expect(await board.textContent()).toContain('08:30-12:00');
    expect(await board.textContent()).toContain('调休上班日照常办公');
    await page.context().close();
  });

  it('rests on an ordinary Saturday with no holiday named, and opens on Monday', async () => {
    const page = await openAt('2026-11-21T10:00:00+08:00');
    expect(await slidesOverAMinute(page)).toEqual(['rest']);
    expect(await page.locator('[data-closed]').textContent()).toBe('今日休息，11月23日（周一）恢复办公');
    expect(await page.locator('[data-date]').textContent()).toBe('2026年11月21日 星期六');
    expect(await page.locator('[data-day]').isVisible()).toBe(false);
    await page.context().close();
  });

  it('carries the arrangement of the build’s year only, and says which year it lacks', async () => {
    const html = readFileSync(join(out, 'kiosk', 'dating', 'index.html'), 'utf8');
    const config = JSON.parse(/id="kiosk-config"[^>]*>(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as { calendar: { years: number[]; holidays: unknown[] } };
    expect(config.calendar.years).toEqual([2026]);
    expect(JSON.stringify(config.calendar).length).toBeLessThan(2000);
    expect(html).toContain('2027 年没有节假日安排');
  });
});
