/** Counting and flagging pledge items for boards and supervisors. */
import { deadlineLabel, isDeadlineDate, ITEM_STATUS_LABELS, type ItemStatus } from '#schemas/pledge.ts';
import { formatDate } from './dates.ts';

export interface PledgeItemLike {
  /** A date, `standing` (长期), or 未公布 / 待填写 as keys. */
  deadline: string;
  status: ItemStatus;
}

export type StatusCounts = Record<ItemStatus, number>;

export function countStatuses(items: readonly PledgeItemLike[]): StatusCounts {
  const counts: StatusCounts = { 'not-started': 0, 'in-progress': 0, kept: 0, 'not-kept': 0, 'not-published': 0, unfilled: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

/**
 * An item past its deadline that has not been settled either way. A
 * standing pledge (长期) has no deadline to pass, and an item whose deadline
 * or status the source does not give is a gap, not an overdue promise.
 */
export function isOverdue(item: PledgeItemLike, today: string): boolean {
  return isDeadlineDate(item.deadline) && item.deadline < today && (item.status === 'not-started' || item.status === 'in-progress');
}

/** Whether an item is a standing pledge with no deadline (长期). */
export function isStanding(item: Pick<PledgeItemLike, 'deadline'>): boolean {
  return item.deadline === 'standing';
}

/** The Chinese word for a status, including 未公布 and 待填写. */
export function statusLabel(status: ItemStatus): string {
  return ITEM_STATUS_LABELS[status];
}

/** How a status looks beside its word: a colour that helps the eye, the word says it. 未公布 and 待填写 are plain. */
export const STATUS_TONE: Record<ItemStatus, 'ok' | 'info' | 'muted' | 'bad' | 'outline'> = {
  kept: 'ok',
  'in-progress': 'info',
  'not-started': 'muted',
  'not-kept': 'bad',
  'not-published': 'outline',
  unfilled: 'outline',
};

/** A deadline as shown: the date (2026年6月30日, or as `date` formats it), 长期, 未公布 or 待填写. */
export function deadlineText(deadline: string, date: (iso: string) => string = formatDate): string {
  return isDeadlineDate(deadline) ? date(deadline) : deadlineLabel(deadline);
}

/** "进行中 2 项、已兑现 3 项、未公布 1 项": counts in the statuses' fixed order (未开始, 进行中, 已兑现, 未兑现, 未公布, 待填写), leaving out zeros. */
export function describeCounts(counts: StatusCounts): string {
  const parts = (Object.keys(ITEM_STATUS_LABELS) as ItemStatus[]).filter((s) => counts[s] > 0).map((s) => `${ITEM_STATUS_LABELS[s]} ${counts[s]} 项`);
  return parts.join('、') || '暂无承诺事项';
}
