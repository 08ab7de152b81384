/** Small wordings shared by pages, posters and screens. */
import { DAY_UNITS, NO_LIMIT, ON_THE_SPOT, type DayUnit, type Limit } from '#schemas/procedure.ts';

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

/** The one fee that is not a list: what the content folder writes for a service that costs nothing. */
export const FREE = '不收费';

/** A procedure's fee as the content gives it: 不收费, or items with their amounts. */
export type Fee<I extends { name: string; amount: string } = { name: string; amount: string }> = typeof FREE | ReadonlyArray<I>;

/**
 * A fee as every output shows it: the web guide, the hall screen, the
 * posters and the boards. What is charged, item by item, or a sentence that
 * says why there is nothing to list; either way a one-line summary. Every
 * rendering asks this, never the raw value, so that a new state of a fee
 * (a fee the source does not state, say) is decided here once.
 */
export type FeeShown<I> = { charged: true; items: readonly I[]; summary: string } | { charged: false; summary: string };

/** True when nothing is charged: 不收费 (or, defensively, an empty list, which the schema refuses). */
export function isFree(fee: Fee): boolean {
  return fee === FREE || fee.length === 0;
}

/** The fee as shown; the summary is "不收费", or the first item with how many there are: "不动产权证书工本费 80 元/件 等 2 项". */
export function showFee<I extends { name: string; amount: string }>(fee: Fee<I>): FeeShown<I> {
  if (isFree(fee)) return { charged: false, summary: FREE };
  // Not free: a list with at least one item.
  const items = fee as ReadonlyArray<I>;
  const first = items[0] as I;
  const summary = items.length === 1 ? `${first.name} ${first.amount}` : `${first.name} ${first.amount} 等 ${items.length} 项`;
  return { charged: true, items, summary };
}

/** The one-line summary of a fee, for lists, boards and the poster's headline. */
export function feeSummary(fee: Fee): string {
  return showFee(fee).summary;
}

/** Sorts by `order` (missing last), then by name in pinyin order. */
const collator = new Intl.Collator('zh-CN-u-co-pinyin');
export function byOrderThenName<T>(order: (t: T) => number | undefined, name: (t: T) => string) {
  return (a: T, b: T) => (order(a) ?? Number.MAX_SAFE_INTEGER) - (order(b) ?? Number.MAX_SAFE_INTEGER) || collator.compare(name(a), name(b));
}

/** Joins a location into one line: "门诊楼一楼 1、2、3 号窗口". */
export function formatLocation(location: {
  building?: string | undefined;
  floor?: string | undefined;
  windows?: readonly string[] | undefined;
  address?: string | undefined;
}): string {
  const windows = location.windows && location.windows.length > 0 ? ` ${location.windows.join('、')} 号窗口` : '';
  const place = `${location.building ?? ''}${location.floor ?? ''}${windows}`.trim();
  return [location.address, place].filter(Boolean).join(' ') || '';
}
