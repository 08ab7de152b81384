import { describe, expect, it } from 'vitest';
import { addDays, nextChange, startOfDayIn } from '#lib/next-change.ts';

const notice = (title: string, more: object) => ({ title, date: '2026-11-01', ...more });

describe('the next change by date', () => {
  it('is the earliest of a notice’s start, its end and a pledge falling due, with every reason for that day', () => {
    const next = nextChange(
      {
        notices: [notice('甲', { period: { start: '2026-12-10', end: '2026-12-16' } }), notice('乙', { date: '2026-12-05' })],
        pledges: [{ title: '年度承诺', year: 2026, items: [{ text: '排队不超过 10 分钟', deadline: '2026-12-04', status: 'in-progress' }] }],
      },
      '2026-12-01',
    );
    expect(next).toEqual({ day: '2026-12-05', reasons: ['《乙》到发布日期，开始显示', '《年度承诺》的“排队不超过 10 分钟”过了完成时限，标为逾期'] });
  });

  it('is the day after a 调休 day still listed, then the day after the announced closure, beside hours in 工作日', () => {
    const closure = { name: '国庆节', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] };
    expect(nextChange({ notices: [], pledges: [], closure }, '2026-09-15')).toEqual({ day: '2026-09-21', reasons: ['国庆节的调休上班日 2026-09-20 已过，不再列出'] });
    expect(nextChange({ notices: [], pledges: [], closure }, '2026-09-28')).toEqual({ day: '2026-10-08', reasons: ['国庆节假期结束，办公时间旁的“近期放假”换成下一个假期'] });
  });

  it('is tomorrow while a public-comment notice counts its days', () => {
    expect(nextChange({ notices: [notice('甲', { period: { start: '2026-11-28', end: '2026-12-16' } })], pledges: [] }, '2026-12-01')?.day).toBe('2026-12-02');
  });

  it('ignores what is settled or undated: a kept pledge, a standing one, a notice long ended', () => {
    const next = nextChange(
      {
        notices: [notice('旧', { period: { start: '2026-01-01', end: '2026-01-07' } })],
        pledges: [
          {
            title: '承诺',
            year: 2026,
            items: [
              { text: '已办到', deadline: '2026-12-10', status: 'kept' },
              { text: '长期坚持', deadline: 'standing', status: 'not-published' },
            ],
          },
        ],
      },
      '2026-12-01',
    );
    // Only the new year remains: screens turn to the new year's pledges.
    expect(next?.day).toBe('2027-01-01');
  });

  it('says when an urgent notice leaves the hall screens', () => {
    expect(nextChange({ notices: [notice('停水', { urgent: true, until: '2026-12-03' })], pledges: [] }, '2026-12-01')).toEqual({
      day: '2026-12-04',
      reasons: ['紧急公告《停水》不再占满大厅显示屏'],
    });
  });

  it('is nothing when nothing is dated ahead', () => {
    expect(nextChange({ notices: [notice('甲', {})], pledges: [] }, '2026-12-01')).toBeUndefined();
  });

  it('counts days across month and year ends, and names midnight in the organisation’s zone', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(startOfDayIn('2026-12-01', 'Asia/Shanghai')).toBe('2026-12-01T00:00:00+08:00');
    expect(startOfDayIn('2026-12-01', 'UTC')).toBe('2026-12-01T00:00:00+00:00');
  });
});

describe('on the last day of a public-comment period', () => {
  it('gives the end alone, not a count of days that will not be shown', () => {
    expect(nextChange({ notices: [notice('甲', { period: { start: '2026-11-28', end: '2026-12-07' } })], pledges: [] }, '2026-12-07')).toEqual({
      day: '2026-12-08',
      reasons: ['《甲》公示期结束，标为“已结束”'],
    });
  });
});
