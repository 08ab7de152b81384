/**
 * `npm run screens -- --log <access.log> [--log …] [--site <dist>] [--now <time>]
 * [--silent-after <minutes>] [--timezone <tz>] [--html <file>]`: which hall
 * screens are alive, read from the web server's access log. The command's
 * arguments in, its output and exit code out; scripts/screens.ts only prints.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { parseLogLine, type LogRecord } from '#lib/screens/access-log.ts';
import { DEFAULT_SILENT_MINUTES, displayName, localTimeText, needsAttention, STATE_WORDS, stateText, summariseScreens, type DisplayRow } from '#lib/screens/report.ts';
import { KIOSK_VERSION_FILE } from '#lib/urls.ts';

export const SCREENS_USAGE = `用法：npm run screens -- --log <访问日志> [--log <另一个日志>] [--site <网站输出文件夹，默认 dist>] [--silent-after <分钟，默认 ${DEFAULT_SILENT_MINUTES}>] [--html <报告.html>]
Usage: npm run screens -- --log <access.log> [--log …] [--site <dist>] [--now <ISO time>] [--silent-after <minutes>] [--timezone <tz>] [--html <report.html>]
轮转的旧日志（access.log.1、access.log.2.gz …）会一并读取。 Rotated logs beside it are read too.`;

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A log and the files logrotate made of it beside it (`access.log.1`,
 * `access.log.2.gz`, …), oldest first. Order does not matter to the summary;
 * it only makes the list of files read stable.
 */
export function logFiles(path: string): string[] {
  const dir = dirname(path);
  const name = basename(path);
  const rotated = readdirSync(dir)
    .map((file) => ({ file, n: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)(?:\\.gz)?$`).exec(file)?.[1] }))
    .filter((entry): entry is { file: string; n: string } => entry.n !== undefined)
    .sort((a, b) => Number(b.n) - Number(a.n))
    .map(({ file }) => join(dir, file));
  return [...rotated, path];
}

function readLog(path: string): string {
  const bytes = readFileSync(path);
  // Gzip by its magic bytes, not its name: logrotate's delaycompress leaves `.1` plain and compresses `.2.gz`.
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** The version each screen's current build serves, from the output folder's version files. */
export function currentVersions(siteDir: string): Map<string, string> {
  const versions = new Map<string, string>();
  const kiosk = join(siteDir, 'kiosk');
  if (!existsSync(kiosk)) return versions;
  for (const screen of readdirSync(kiosk)) {
    const file = join(kiosk, screen, KIOSK_VERSION_FILE);
    if (!existsSync(file)) continue;
    try {
      const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
      if (typeof version === 'string') versions.set(screen, version);
    } catch {
      // A version file that is not JSON: the screen is compared with what its displays report instead.
    }
  }
  return versions;
}

export function screensCommand(args: readonly string[], options: { now?: number; cwd?: string } = {}): CommandResult {
  const cwd = options.cwd ?? process.cwd();
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        log: { type: 'string', multiple: true },
        site: { type: 'string' },
        now: { type: 'string' },
        'silent-after': { type: 'string' },
        timezone: { type: 'string', default: 'Asia/Shanghai' },
        html: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { code: 2, stdout: '', stderr: `✗ ${(error as Error).message}\n${SCREENS_USAGE}` };
  }
  if (values.help) return { code: 0, stdout: SCREENS_USAGE, stderr: '' };
  if (!values.log || values.log.length === 0)
    return { code: 2, stdout: '', stderr: `✗ 请用 --log 指定 Web 服务器的访问日志（nginx 默认是 /var/log/nginx/access.log）\n${SCREENS_USAGE}` };
  const now = values.now !== undefined ? Date.parse(values.now) : (options.now ?? Date.now());
  if (Number.isNaN(now)) return { code: 2, stdout: '', stderr: `✗ --now 看不懂：“${values.now}”，应写成 2026-12-07T14:00:00+08:00\n${SCREENS_USAGE}` };
  const silentMinutes = values['silent-after'] !== undefined ? Number(values['silent-after']) : DEFAULT_SILENT_MINUTES;
  if (!Number.isInteger(silentMinutes) || silentMinutes < 1)
    return { code: 2, stdout: '', stderr: `✗ --silent-after 应为正整数（分钟），实际是“${values['silent-after']}”\n${SCREENS_USAGE}` };
  const timeZone = values.timezone;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    return { code: 2, stdout: '', stderr: `✗ --timezone 不是有效的时区：“${timeZone}”，例如 Asia/Shanghai\n${SCREENS_USAGE}` };
  }

  const records: LogRecord[] = [];
  const read: string[] = [];
  let unreadable = 0;
  for (const given of values.log) {
    const path = resolve(cwd, given);
    if (!existsSync(path) || !statSync(path).isFile()) return { code: 2, stdout: '', stderr: `✗ 找不到日志文件：${given}\n${SCREENS_USAGE}` };
    for (const file of logFiles(path)) {
      let text;
      try {
        text = readLog(file);
      } catch (error) {
        return { code: 1, stdout: '', stderr: `✗ 读不了日志文件 ${file}：${(error as Error).message}（压缩文件损坏或没有读取权限）` };
      }
      read.push(file);
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        const record = parseLogLine(line);
        if (record) records.push(record);
        else unreadable += 1;
      }
    }
  }
  const siteDir = resolve(cwd, values.site ?? 'dist');
  const current = existsSync(siteDir) ? currentVersions(siteDir) : undefined;
  const rows = summariseScreens(records, { now, silentMinutes, ...(current && current.size > 0 ? { current } : {}) });
  const stdout = [
    formatScreensText(rows, timeZone),
    `读取了 ${read.length} 个日志文件、${records.length} 行${unreadable > 0 ? `（另有 ${unreadable} 行不是可识别的访问记录，已跳过）` : ''}；` +
      (current && current.size > 0 ? `最新版本取自 ${siteDir}。` : '没有找到网站输出文件夹，最新版本按各屏最近报告的版本判断。'),
  ];
  if (values.html) {
    const out = resolve(cwd, values.html);
    writeFileSync(out, formatScreensHtml(rows, { now, timeZone, silentMinutes }));
    stdout.push(`报告页面：${out}`);
  }
  return { code: 0, stdout: stdout.join('\n'), stderr: '' };
}

export function formatScreensText(rows: readonly DisplayRow[], timeZone: string): string {
  if (rows.length === 0) return '日志里没有显示屏的联系记录。显示屏每 5 分钟读取一次 kiosk/<屏幕>/version.json；请确认日志时间范围和网站路径。';
  const lines = rows.map(
    (row) =>
      `${needsAttention(row) ? '✗' : '✓'} ${row.screen} · ${displayName(row)} · 最后联系 ${localTimeText(row.lastSeen, timeZone)} · 版本 ${row.shows ?? '未报告'} · ${stateText(row)}`,
  );
  const attention = rows.filter(needsAttention).length;
  return [...lines, attention > 0 ? `${attention} 块显示屏需要查看（共 ${rows.length} 块）。` : `${rows.length} 块显示屏都正常。`].join('\n');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page a supervisor can open from a file: no script, no outside resources, readable printed. */
export function formatScreensHtml(rows: readonly DisplayRow[], meta: { now: number; timeZone: string; silentMinutes: number }): string {
  const attention = rows.filter(needsAttention);
  const body = rows
    .map(
      (row) =>
        `<tr class="${row.state}"><td>${escapeHtml(row.screen)}</td><td>${escapeHtml(displayName(row))}</td><td>${escapeHtml(localTimeText(row.lastSeen, meta.timeZone))}</td><td>${escapeHtml(row.shows ?? '未报告')}</td><td>${escapeHtml(stateText(row))}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>大厅显示屏状态</title>
<style>
body { font: 18px/1.6 system-ui, "Noto Sans CJK SC", sans-serif; margin: 1.5rem; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: start; font-weight: bold; margin-bottom: .5rem; }
th, td { border: 1px solid #767676; padding: .4rem .6rem; text-align: start; vertical-align: top; }
tr:not(.ok) td:last-child { font-weight: bold; color: #a00000; }
</style>
</head>
<body>
<h1>大厅显示屏状态</h1>
<p>统计时间：${escapeHtml(localTimeText(meta.now, meta.timeZone))}（${escapeHtml(meta.timeZone)}）。超过 ${meta.silentMinutes} 分钟没有联系的屏幕算失联。${
    attention.length > 0 ? `<strong>${attention.length} 块显示屏需要查看</strong>，共 ${rows.length} 块。` : `${rows.length} 块显示屏都正常。`
  }</p>
<table>
<caption>每块显示屏最后一次联系和显示的版本（${Object.values(STATE_WORDS).join('、')}）</caption>
<thead><tr><th scope="col">屏幕</th><th scope="col">显示屏</th><th scope="col">最后联系</th><th scope="col">显示版本</th><th scope="col">状态</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
