import { describe, expect, it } from 'vitest';
import { parseWeekdays, weekdayName, type Weekday } from '#lib/hours.ts';

const WEEK: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

describe('parseWeekdays', () => {
  it.each<[string, Weekday[]]>([
    ['周一至周五', [1, 2, 3, 4, 5]],
    ['周一到周五', [1, 2, 3, 4, 5]],
    ['星期一到星期六', [1, 2, 3, 4, 5, 6]],
    ['礼拜一至礼拜三', [1, 2, 3]],
    ['周一至五', [1, 2, 3, 4, 5]],
    ['周一-周五', [1, 2, 3, 4, 5]],
    ['周一—周五', [1, 2, 3, 4, 5]],
    ['周一~周五', [1, 2, 3, 4, 5]],
    ['周一～周五', [1, 2, 3, 4, 5]],
    ['周一至周日', WEEK],
  ])('reads the range %s as the days it covers', (input, expected) => {
    expect(parseWeekdays(input)).toEqual(expected);
  });

  it.each<[string, Weekday[]]>([
    ['周六、周日', [6, 7]],
    ['周六，周日', [6, 7]],
    ['周二和周四', [2, 4]],
    ['周一至周五、周日', [1, 2, 3, 4, 5, 7]],
    ['周一、周一', [1]],
  ])('reads the list %s as each listed day once', (input, expected) => {
    expect(parseWeekdays(input)).toEqual(expected);
  });

  it.each<[string, Weekday]>([
    ['周一', 1],
    ['星期三', 3],
    ['周六', 6],
    ['周日', 7],
    ['周天', 7],
    ['星期日', 7],
    ['礼拜天', 7],
  ])('reads the single day %s as weekday %i', (input, expected) => {
    expect(parseWeekdays(input)).toEqual([expected]);
  });

  it.each(['每天', '每日', '全年无休', '节假日无休', '天天'])('reads %s as every day of the week', (input) => {
    expect(parseWeekdays(input)).toEqual(WEEK);
  });

  it.each<[string, Weekday[]]>([
    ['周六至周一', [1, 6, 7]],
    ['周五到周二', [1, 2, 5, 6, 7]],
    ['周日至周六', WEEK],
  ])('reads the range %s that wraps past Sunday, returning the days in weekday order', (input, expected) => {
    expect(parseWeekdays(input)).toEqual(expected);
  });

  it('reads a range whose first and last day are the same as that one day', () => {
    expect(parseWeekdays('周三至周三')).toEqual([3]);
  });

  it.each<[string, Weekday[]]>([
    [' 周一至周五 ', [1, 2, 3, 4, 5]],
    ['周一 至 周五', [1, 2, 3, 4, 5]],
    ['周六、 周日', [6, 7]],
    ['周一\u3000至\u3000周五', [1, 2, 3, 4, 5]],
    [' 每天 ', WEEK],
  ])('ignores spaces in %j', (input, expected) => {
    expect(parseWeekdays(input)).toEqual(expected);
  });

  it.each(['', '   ', '工作日', '周八', '周', '周一至', '至周五', '周一至周五至周六', '周一、', '、周一', '周一、、周三', 'Monday', '1-5'])(
    'returns undefined for the unreadable text %j',
    (input) => {
      expect(parseWeekdays(input)).toBeUndefined();
    },
  );
});

describe('weekdayName', () => {
  it.each<[Weekday, string]>([
    [1, '周一'],
    [2, '周二'],
    [3, '周三'],
    [4, '周四'],
    [5, '周五'],
    [6, '周六'],
    [7, '周日'],
  ])('names weekday %i %s', (day, name) => {
    expect(weekdayName(day)).toBe(name);
  });

  it('names every weekday so that parseWeekdays reads the name back', () => {
    for (const day of WEEK) expect(parseWeekdays(weekdayName(day))).toEqual([day]);
  });
});
