/**
 * Lines of a web server's access log, as nginx writes them in its default
 * `combined` format and in the format of the shipped configuration (combined
 * followed by more quoted or bare fields, e.g. `"$http_x_forwarded_for"
 * $request_time`). Apache's combined format is the same. Pure: text in,
 * records out; unreadable lines are counted, not fatal, since a log holds
 * every kind of request.
 */

export interface LogRecord {
  ip: string;
  /** Milliseconds since the epoch. */
  time: number;
  method: string;
  /** The request target as sent: path and query string. */
  target: string;
  status: number;
  userAgent: string;
}

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

// $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" …
const COMBINED = /^(\S+) \S+ \S+ \[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{3}) \S+(?: "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)")?/;

/** `07/Dec/2026:14:05:09 +0800` ($time_local) or an ISO 8601 time ($time_iso8601). */
export function parseLogTime(text: string): number | undefined {
  const local = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(text);
  if (local) {
    const [, d, mon, y, h, mi, s, sign, oh, om] = local;
    const month = MONTHS[mon as string];
    if (month === undefined) return undefined;
    const offset = (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1);
    return Date.UTC(Number(y), month, Number(d), Number(h), Number(mi), Number(s)) - offset * 60_000;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(text)) {
    const time = Date.parse(text);
    return Number.isNaN(time) ? undefined : time;
  }
  return undefined;
}

export function parseLogLine(line: string): LogRecord | undefined {
  const match = COMBINED.exec(line);
  if (!match) return undefined;
  const [, ip, when, request, status, , userAgent] = match;
  const time = parseLogTime(when as string);
  const [method, target] = (request as string).split(' ');
  if (time === undefined || method === undefined || target === undefined) return undefined;
  return { ip: ip as string, time, method, target, status: Number(status), userAgent: (userAgent ?? '').replace(/\\(.)/g, '$1') };
}
