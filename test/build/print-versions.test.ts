/**
 * A sheet printed before a change: its QR code opens the page with its old
 * version, and the page says it is out of date, since when, and what
 * changed. The history comes from the content folder's Git commits.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '#node/static-server.ts';
import { launch } from '../helpers/browser.ts';
import { page, text } from '../helpers/html.ts';
import { buildInto, ROOT } from '../helpers/run.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-versions-'));
const content = join(temp, 'content');
const GUIDE = 'units/chuangkou/procedures/ceshi-shixiang/';
const POSTER = 'print/units/chuangkou/procedures/ceshi-shixiang/a4/';

function commit(message: string, date: string) {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  execFileSync('git', ['-C', content, 'add', '-A'], { env });
  execFileSync('git', ['-C', content, '-c', 'user.name=宣传干事', '-c', 'user.email=xc@example.gov.cn', 'commit', '-q', '-m', message], { env });
}

/** The version printed on the A4 poster of the guide in a build. */
const printedVersion = (out: string) => text(page(out, POSTER).querySelector('[data-version]'));

let before: string;
let after: string;
let outAfter: string;

beforeAll(async () => {
  cpSync(join(ROOT, 'test/fixtures/small'), content, { recursive: true });
  execFileSync('git', ['init', '-q', content]);
  commit('第一版', '2026-10-01T10:00:00+08:00');
  const outBefore = join(temp, 'before');
  await buildInto(content, outBefore);
  before = printedVersion(outBefore);

  const guide = join(content, GUIDE.replace(/\/$/, '.md'));
  writeFileSync(guide, readFileSync(guide, 'utf8').replace('amount: 10 元/份', 'amount: 20 元/份'));
  commit('工本费调整', '2026-11-10T09:00:00+08:00');
  outAfter = join(temp, 'after');
  await buildInto(content, outAfter);
  after = printedVersion(outAfter);
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('version codes across a change', () => {
  it('change when the poster’s content changes', () => {
    expect(before).toMatch(/^[0-9A-Z]{6}$/);
    expect(after).toMatch(/^[0-9A-Z]{6}$/);
    expect(after).not.toBe(before);
  });

  it('are what the poster’s QR code carries', () => {
    const qr = page(outAfter, POSTER).querySelector('[data-qr]')?.getAttribute('data-qr');
    expect(qr).toBe(`https://gongkai.ceshi.example/${GUIDE}#v-${after}`);
  });

  it('let the guide say the new poster is current and the old one out of date, since when, and what changed', () => {
    const doc = page(outAfter, GUIDE);
    const current = doc.getElementById(`v-${after}`);
    const old = doc.getElementById(`v-${before}`);
    expect(current?.getAttribute('data-version-state')).toBe('current');
    expect(text(current)).toBe(`您扫描的办事流程海报（版本 ${after}）是最新的。`);
    expect(old?.getAttribute('data-version-state')).toBe('outdated');
    expect(text(old)).toBe(`您扫描的办事流程海报（版本 ${before}）已过期。2026年11月10日起，收费标准有变化。请以本页为准。`);
  });

  it('outdate the wall board, which prints the fee, and no sheet that does not', () => {
    const notes = (path: string) => [...page(outAfter, path).querySelectorAll('[data-version-state]')].map((n) => ({ state: n.getAttribute('data-version-state'), text: text(n) }));
    const unit = notes('units/chuangkou/');
    expect(unit.some((n) => n.state === 'outdated' && n.text.includes('单位公示栏') && n.text.includes('办事事项有变化'))).toBe(true);
    for (const n of unit.filter((x) => !x.text.includes('单位公示栏'))) expect(n.state, n.text).toBe('current');
    const person = notes('units/chuangkou/staff/li-hua/');
    expect(person.length).toBe(2);
    expect(new Set(person.map((n) => n.state))).toEqual(new Set(['current']));
  });
});

describe('in the browser', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    ({ server, url } = await serveStatic({ dir: outAfter, base: '/' }));
  });
  afterAll(() => server?.close());

  it('shows only the note for the version scanned, without JavaScript', async () => {
    const browser = await launch();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    const visible = async () => tab.locator('.version-note').evaluateAll((notes) => notes.filter((n) => getComputedStyle(n).display !== 'none').map((n) => n.id));
    await tab.goto(`${url}${GUIDE}#v-${before}`);
    expect(await visible()).toEqual([`v-${before}`]);
    await tab.goto(`${url}${GUIDE}#v-${after}`);
    expect(await visible()).toEqual([`v-${after}`]);
    await tab.goto(`${url}${GUIDE}`);
    expect(await visible()).toEqual([]);
    await browser.close();
  });
});
