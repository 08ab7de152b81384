import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInUrl, displayIdFrom, parseCheckIn } from '#lib/kiosk/check-in.ts';
import { parseLogLine, parseLogTime } from '#lib/screens/access-log.ts';
import { summariseScreens } from '#lib/screens/report.ts';
import { screensCommand } from '#tools/screens/command.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A time as nginx's $time_local writes it, in UTC+8. */
function timeLocal(time: number): string {
  const d = new Date(time + 8 * 3600_000);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0800`;
}

/** One access-log line in nginx's default combined format. */
function line(o: { ip?: string; time: number; target: string; status?: number }): string {
  return `${o.ip ?? '10.0.0.5'} - - [${timeLocal(o.time)}] "GET ${o.target} HTTP/1.1" ${o.status ?? 200} 61 "-" "Mozilla/5.0 (X11; Linux aarch64) Chromium/131"`;
}

const NOW = Date.parse('2026-12-07T06:00:00Z');
const MIN = 60_000;
const checkIn = (screen: string, display: string | undefined, shows: string) => checkInUrl(`/gongkai/kiosk/${screen}/version.json`, { display, shows });

/** Check-ins every five minutes from `from` to `to` minutes before NOW. */
function every5(from: number, to: number, make: (time: number) => string): string[] {
  const lines: string[] = [];
  for (let m = from; m >= to; m -= 5) lines.push(make(NOW - m * MIN));
  return lines;
}

describe('a display check-in', () => {
  it('carries the display name and the version shown, and reads back under any base path', () => {
    const url = checkInUrl('/gongkai/kiosk/zhengwu-dating/version.json', { display: 'east-1', shows: 'a1b2c3' });
    expect(url).toBe('/gongkai/kiosk/zhengwu-dating/version.json?display=east-1&shows=a1b2c3');
    expect(parseCheckIn(url)).toEqual({ screen: 'zhengwu-dating', display: 'east-1', shows: 'a1b2c3' });
  });

  it('drops a display name that could carry markup or a person’s name into a report', () => {
    expect(displayIdFrom('?display=<script>')).toBeUndefined();
    expect(displayIdFrom('?display=张三的屏')).toBeUndefined();
    expect(displayIdFrom('?display=hall_2')).toBe('hall_2');
    expect(checkInUrl('/kiosk/a/version.json', { display: '<b>', shows: 'v1' })).toBe('/kiosk/a/version.json?shows=v1');
  });

  it('is not any other request', () => {
    expect(parseCheckIn('/kiosk/dating/')).toBeUndefined();
    expect(parseCheckIn('/units/menzhen/version.json')).toBeUndefined();
  });
});

describe('an access log line', () => {
  it('reads nginx’s combined format with its local time and offset', () => {
    const record = parseLogLine('192.168.1.20 - - [07/Dec/2026:14:05:09 +0800] "GET /kiosk/dating/version.json?shows=v1 HTTP/1.1" 200 52 "-" "Mozilla/5.0"');
    expect(record).toMatchObject({ ip: '192.168.1.20', method: 'GET', target: '/kiosk/dating/version.json?shows=v1', status: 200, userAgent: 'Mozilla/5.0' });
    expect(new Date(record?.time ?? 0).toISOString()).toBe('2026-12-07T06:05:09.000Z');
  });

  it('reads the shipped format’s extra fields and ISO times, and skips what is not a request line', () => {
    expect(parseLogLine('10.1.1.1 - - [07/Dec/2026:14:05:09 +0800] "GET / HTTP/2.0" 304 0 "-" "curl/8" "-" 0.001')?.status).toBe(304);
    expect(parseLogTime('2026-12-07T14:05:09+08:00')).toBe(Date.parse('2026-12-07T06:05:09Z'));
    expect(parseLogLine('2026/12/07 14:05:09 [error] 123#0: open() failed')).toBeUndefined();
  });
});

describe('which screens are alive', () => {
  const records = (lines: string[]) => lines.map((l) => parseLogLine(l)).filter((r) => r !== undefined);

  it('sorts displays into ok, silent, on an old build, and asking for a page that is gone', () => {
    const lines = [
      ...every5(60, 0, (time) => line({ time, target: checkIn('dating', 'east-1', 'v2') })),
      ...every5(120, 40, (time) => line({ time, target: checkIn('dating', 'west-1', 'v2') })),
      ...every5(30, 5, (time) => line({ time, target: checkIn('dating', 'lobby', 'v1') })),
      ...every5(20, 0, (time) => line({ time, target: checkIn('menzhen', undefined, 'm7'), ip: '10.0.0.9' })),
      line({ time: NOW - 2 * MIN, target: checkIn('old-screen', 'corner', 'x1'), status: 404 }),
      line({ time: NOW - 1 * MIN, target: '/units/menzhen/' }),
    ];
    const rows = summariseScreens(records(lines), {
      now: NOW,
      current: new Map([
        ['dating', 'v2'],
        ['menzhen', 'm7'],
      ]),
    });
    const state = Object.fromEntries(rows.map((r) => [`${r.screen}/${r.display ?? r.ip}`, r.state]));
    expect(state).toEqual({ 'dating/east-1': 'ok', 'dating/west-1': 'silent', 'dating/lobby': 'stale', 'menzhen/10.0.0.9': 'ok', 'old-screen/corner': 'failing' });
    expect(rows.find((r) => r.display === 'west-1')?.silentMinutes).toBe(40);
    expect(rows.find((r) => r.display === 'east-1')?.checkIns).toBe(13);
  });

  it('takes the newest version any display reported when the current build is not at hand', () => {
    const lines = [
      line({ time: NOW - 3 * MIN, target: checkIn('dating', 'a', 'v3') }),
      line({ time: NOW - 2 * MIN, target: checkIn('dating', 'b', 'v2') }),
      line({ time: NOW - 9 * MIN, target: checkIn('dating', 'b', 'v2') }),
    ];
    const rows = summariseScreens(records(lines).reverse(), { now: NOW });
    // b reported v2 last, after a reported v3: the newest report is v2, so a is the one behind.
    expect(rows.map((r) => [r.display, r.state])).toEqual([
      ['a', 'stale'],
      ['b', 'ok'],
    ]);
  });

  it('counts a display silent only past the threshold', () => {
    const rows = summariseScreens(records([line({ time: NOW - 15 * MIN, target: checkIn('s', 'd', 'v') })]), { now: NOW });
    expect(rows[0]?.state).toBe('ok');
    expect(summariseScreens(records([line({ time: NOW - 16 * MIN, target: checkIn('s', 'd', 'v') })]), { now: NOW })[0]?.state).toBe('silent');
  });
});

describe('npm run screens', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'siliang-screens-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the log with its rotated and gzipped predecessors and compares with the built versions', () => {
    const logs = join(dir, 'log');
    mkdirSync(logs);
    // Yesterday's log, compressed by logrotate: the only trace of the screen that died.
    writeFileSync(join(logs, 'access.log.2.gz'), gzipSync(every5(26 * 60, 25 * 60, (time) => line({ time, target: checkIn('dating', 'stairs', 'v1') })).join('\n') + '\n'));
    writeFileSync(join(logs, 'access.log.1'), every5(180, 60, (time) => line({ time, target: checkIn('dating', 'east-1', 'v1') })).join('\n') + '\n');
    writeFileSync(join(logs, 'access.log'), [...every5(55, 0, (time) => line({ time, target: checkIn('dating', 'east-1', 'v2') })), 'not a log line'].join('\n') + '\n');
    mkdirSync(join(dir, 'dist', 'kiosk', 'dating'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'kiosk', 'dating', 'version.json'), JSON.stringify({ version: 'v2' }));

    const result = screensCommand(['--log', 'log/access.log', '--site', 'dist', '--html', 'screens.html'], { now: NOW, cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ dating · east-1 · 最后联系 2026-12-07 14:00 · 版本 v2 · 正常/);
    expect(result.stdout).toMatch(/✗ dating · stairs · 最后联系 2026-12-06 13:00 · 版本 v1 · 失联，版本过旧/);
    expect(result.stdout).toMatch(/读取了 3 个日志文件/);
    expect(result.stdout).toMatch(/另有 1 行不是可识别的访问记录/);
    const html = readFileSync(join(dir, 'screens.html'), 'utf8');
    expect(html).toMatch(/<tr class="silent-and-stale"><td>dating<\/td><td>stairs<\/td>/);
    expect(html).not.toMatch(/<script/);
  });

  it('says what is missing instead of failing with a trace', () => {
    expect(screensCommand([], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/--log/) });
    expect(screensCommand(['--log', 'nope.log'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/找不到日志文件：nope\.log/) });
    writeFileSync(join(dir, 'a.log'), '');
    expect(screensCommand(['--log', 'a.log', '--silent-after', 'soon'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/--silent-after/) });
    expect(screensCommand(['--log', 'a.log'], { cwd: dir, now: NOW }).stdout).toMatch(/日志里没有显示屏的联系记录/);
  });

  it('reports a broken compressed log by name', () => {
    writeFileSync(join(dir, 'access.log'), '');
    writeFileSync(join(dir, 'access.log.2.gz'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    const result = screensCommand(['--log', 'access.log'], { cwd: dir, now: NOW });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/access\.log\.2\.gz/);
  });
});
