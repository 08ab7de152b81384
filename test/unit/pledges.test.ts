import { describe, expect, it } from 'vitest';
import { countStatuses, describeCounts, isOverdue, isStanding, type PledgeItemLike, type StatusCounts } from '#lib/pledges.ts';
import type { PledgeStatus } from '#schemas/pledge.ts';

const counts = (partial: Partial<StatusCounts>): StatusCounts => ({ 'not-started': 0, 'in-progress': 0, kept: 0, 'not-kept': 0, 'not-published': 0, unfilled: 0, ...partial });

describe('countStatuses', () => {
  it('counts the items of each status', () => {
    const items: PledgeItemLike[] = [
      { deadline: '2026-06-30', status: 'kept' },
      { deadline: '2026-06-30', status: 'kept' },
      { deadline: '2026-09-30', status: 'in-progress' },
      { deadline: '2026-12-31', status: 'not-started' },
      { deadline: '2026-03-31', status: 'not-kept' },
      { deadline: '2026-03-31', status: 'kept' },
    ];
    expect(countStatuses(items)).toEqual(counts({ 'not-started': 1, 'in-progress': 1, kept: 3, 'not-kept': 1 }));
  });

  it('gives every status a zero count when there are no items', () => {
    expect(countStatuses([])).toEqual(counts({}));
  });
});

describe('isOverdue', () => {
  const today = '2026-11-22';

  it.each<[PledgeStatus, string, boolean]>([
    ['not-started', '2026-11-21', true],
    ['in-progress', '2026-11-21', true],
    ['in-progress', '2025-12-31', true],
    ['not-started', '2026-11-22', false],
    ['in-progress', '2026-11-22', false],
    ['in-progress', '2026-11-23', false],
    ['not-started', '2026-12-31', false],
    ['kept', '2026-11-21', false],
    ['not-kept', '2026-11-21', false],
  ])('judges a %s item with deadline %s on 2026-11-22 as overdue: %s', (status, deadline, expected) => {
    expect(isOverdue({ status, deadline }, today)).toBe(expected);
  });

  it('never judges a standing pledge (长期) overdue: it has no deadline to pass', () => {
    expect(isOverdue({ status: 'in-progress', deadline: 'standing' }, today)).toBe(false);
    expect(isStanding({ deadline: 'standing' })).toBe(true);
  });

  it('never judges an item overdue when the source gives no deadline or no status: that is a gap, not a broken promise', () => {
    expect(isOverdue({ status: 'in-progress', deadline: 'not-published' }, today)).toBe(false);
    expect(isOverdue({ status: 'not-published', deadline: '2026-01-31' }, today)).toBe(false);
  });
});

describe('describeCounts', () => {
  it('lists every status in the fixed order 未开始, 进行中, 已兑现, 未兑现', () => {
    expect(describeCounts(counts({ 'not-kept': 4, kept: 3, 'in-progress': 2, 'not-started': 1 }))).toBe('未开始 1 项、进行中 2 项、已兑现 3 项、未兑现 4 项');
  });

  it('leaves out statuses with no items', () => {
    expect(describeCounts(counts({ kept: 3, 'in-progress': 2 }))).toBe('进行中 2 项、已兑现 3 项');
  });

  it('describes a single status without a separator', () => {
    expect(describeCounts(counts({ kept: 5 }))).toBe('已兑现 5 项');
  });

  it('counts items whose status is not published after the four statuses, as 未公布', () => {
    expect(describeCounts(counts({ kept: 2, 'not-published': 1 }))).toBe('已兑现 2 项、未公布 1 项');
  });

  it('says there are no pledge items when every count is zero', () => {
    expect(describeCounts(counts({}))).toBe('暂无承诺事项');
  });

  it('describes what countStatuses counted', () => {
    const items: PledgeItemLike[] = [
      { deadline: '2026-06-30', status: 'kept' },
      { deadline: '2026-12-31', status: 'not-started' },
    ];
    expect(describeCounts(countStatuses(items))).toBe('未开始 1 项、已兑现 1 项');
  });
});
