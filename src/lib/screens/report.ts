/**
 * Which hall screens are alive: each display's last check-in, the build it
 * shows, and the ones a technician should go and look at. Signage systems
 * keep such a list on their server; ours is made from the web server's
 * access log (src/lib/screens/access-log.ts), since every screen already
 * asks for its version file every few minutes (src/lib/kiosk/check-in.ts).
 */
import { parseCheckIn } from '../kiosk/check-in.ts';
import type { LogRecord } from './access-log.ts';

/** Silent for longer than this is worth a visit: three missed checks at the default five minutes. */
export const DEFAULT_SILENT_MINUTES = 15;

export type ScreenState = 'ok' | 'silent' | 'stale' | 'silent-and-stale' | 'failing';

export interface DisplayRow {
  screen: string;
  /** The display's name from its address, or undefined for a display that gives none (then told apart by address). */
  display: string | undefined;
  ip: string;
  lastSeen: number;
  /** The version it showed at its last check-in; undefined when an older player did not say. */
  shows: string | undefined;
  /** The version the current build serves to this screen, where known. */
  current: string | undefined;
  /** HTTP status of its last check-in: a 404 means the screen's page no longer exists. */
  status: number;
  checkIns: number;
  state: ScreenState;
  silentMinutes: number;
}

export interface ScreensOptions {
  now: number;
  silentMinutes?: number;
  /** The version each screen's current build serves (from the output's version files); when absent, the newest version any display of the screen reported. */
  current?: ReadonlyMap<string, string>;
}

/** One row per display, screens in name order, displays by name; records may come in any order (rotated logs). */
export function summariseScreens(records: Iterable<LogRecord>, options: ScreensOptions): DisplayRow[] {
  const silentAfter = options.silentMinutes ?? DEFAULT_SILENT_MINUTES;
  const last = new Map<string, { record: LogRecord; screen: string; display: string | undefined; shows: string | undefined; count: number }>();
  const newest = new Map<string, { time: number; version: string }>();
  for (const record of records) {
    if (record.method !== 'GET' && record.method !== 'HEAD') continue;
    const check = parseCheckIn(record.target);
    if (!check) continue;
    // A display without a name is known by its address; one with a name keeps it across address changes (DHCP).
    const key = `${check.screen}\u0000${check.display ?? `@${record.ip}`}`;
    const seen = last.get(key);
    if (!seen || record.time >= seen.record.time) {
      last.set(key, { record, screen: check.screen, display: check.display, shows: check.shows, count: (seen?.count ?? 0) + 1 });
    } else {
      seen.count += 1;
    }
    if (check.shows && record.status < 400) {
      const best = newest.get(check.screen);
      if (!best || record.time > best.time) newest.set(check.screen, { time: record.time, version: check.shows });
    }
  }
  const rows: DisplayRow[] = [];
  for (const { record, screen, display, shows, count } of last.values()) {
    const current = options.current ? options.current.get(screen) : newest.get(screen)?.version;
    const minutes = Math.max(0, Math.floor((options.now - record.time) / 60_000));
    const silent = minutes > silentAfter;
    const stale = shows !== undefined && current !== undefined && shows !== current;
    const state: ScreenState = record.status >= 400 ? 'failing' : silent && stale ? 'silent-and-stale' : silent ? 'silent' : stale ? 'stale' : 'ok';
    rows.push({ screen, display, ip: record.ip, lastSeen: record.time, shows, current, status: record.status, checkIns: count, state, silentMinutes: minutes });
  }
  return rows.sort((a, b) => a.screen.localeCompare(b.screen) || (a.display ?? `~${a.ip}`).localeCompare(b.display ?? `~${b.ip}`));
}

/** What needs a technician: silent, on an old build, or asking for a page that is gone. */
export function needsAttention(row: DisplayRow): boolean {
  return row.state !== 'ok';
}

export const STATE_WORDS: Record<ScreenState, string> = {
  ok: '正常',
  silent: '失联',
  stale: '版本过旧',
  'silent-and-stale': '失联，版本过旧',
  failing: '请求出错',
};

/** "2026-12-07 14:05" in the organisation's time zone. */
export function localTimeText(time: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(time));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export function stateText(row: DisplayRow): string {
  const words = STATE_WORDS[row.state];
  if (row.state === 'failing') return `${words}（HTTP ${row.status}：这块屏的页面不存在或服务器出错）`;
  const details = [
    row.state === 'silent' || row.state === 'silent-and-stale' ? `已 ${durationText(row.silentMinutes)}没有联系` : '',
    row.state === 'stale' || row.state === 'silent-and-stale' ? `显示 ${row.shows}，最新 ${row.current}` : '',
  ].filter(Boolean);
  return details.length > 0 ? `${words}（${details.join('；')}）` : words;
}

function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} 分钟`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分钟`;
  return `${Math.floor(minutes / 1440)} 天`;
}

export function displayName(row: DisplayRow): string {
  return row.display ?? `未命名（${row.ip}）`;
}
