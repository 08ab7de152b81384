/** Counting and flagging pledge items for boards and supervisors. */
import { PLEDGE_STATUSES, type PledgeStatus } from '#schemas/pledge.ts';

export interface PledgeItemLike {
  deadline: string;
  status: PledgeStatus;
}

export type StatusCounts = Record<PledgeStatus, number>;

export function countStatuses(items: readonly PledgeItemLike[]): StatusCounts {
  const counts: StatusCounts = { 'not-started': 0, 'in-progress': 0, kept: 0, 'not-kept': 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

/** An item past its deadline that has not been settled either way. */
export function isOverdue(item: PledgeItemLike, today: string): boolean {
  return item.deadline < today && (item.status === 'not-started' || item.status === 'in-progress');
}

/** "进行中 2 项、已兑现 3 项": counts in the statuses' fixed order (未开始, 进行中, 已兑现, 未兑现), leaving out zeros. */
export function describeCounts(counts: StatusCounts): string {
  const parts = (Object.keys(PLEDGE_STATUSES) as PledgeStatus[]).filter((s) => counts[s] > 0).map((s) => `${PLEDGE_STATUSES[s]} ${counts[s]} 项`);
  return parts.join('、') || '暂无承诺事项';
}
