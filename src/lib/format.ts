/** Small wordings shared by pages, posters and screens. */
import { DAY_UNITS, NO_LIMIT, ON_THE_SPOT, type DayUnit, type Limit } from '../schemas/procedure.ts';

/** "当场办结", "无法定时限", "5 个工作日" or "60 个自然日". */
export function formatLimit(limit: Limit, unit: DayUnit = 'working-days'): string {
  if (limit === ON_THE_SPOT) return '当场办结';
  if (limit === NO_LIMIT) return '无法定时限';
  return `${limit} 个${DAY_UNITS[unit]}`;
}

/** "最多跑一次", "全程网办，不用到现场", "到现场 2 次". */
export function formatVisits(visits: number): string {
  if (visits === 0) return '全程网办，不用到现场';
  if (visits === 1) return '最多跑一次';
  return `到现场 ${visits} 次`;
}

export type Fee = '不收费' | ReadonlyArray<{ name: string; amount: string }>;

/** "不收费", or the first item with how many there are: "不动产权证书工本费 80 元/件 等 2 项". */
export function feeSummary(fee: Fee): string {
  if (fee === '不收费') return '不收费';
  const [first, ...rest] = fee;
  if (!first) return '不收费';
  return rest.length === 0 ? `${first.name} ${first.amount}` : `${first.name} ${first.amount} 等 ${fee.length} 项`;
}

/** Sorts by `order` (missing last), then by name in pinyin order. */
const collator = new Intl.Collator('zh-CN-u-co-pinyin');
export function byOrderThenName<T>(order: (t: T) => number | undefined, name: (t: T) => string) {
  return (a: T, b: T) => (order(a) ?? Number.MAX_SAFE_INTEGER) - (order(b) ?? Number.MAX_SAFE_INTEGER) || collator.compare(name(a), name(b));
}

/** Joins a location into one line: "门诊楼一楼 1、2、3 号窗口". */
export function formatLocation(location: { building?: string | undefined; floor?: string | undefined; windows?: readonly string[] | undefined; address?: string | undefined }): string {
  const windows = location.windows && location.windows.length > 0 ? ` ${location.windows.join('、')} 号窗口` : '';
  const place = `${location.building ?? ''}${location.floor ?? ''}${windows}`.trim();
  return [location.address, place].filter(Boolean).join(' ') || '';
}
