import { describe, expect, it } from 'vitest';
import { problemsIn, theProblemIn, yaml } from '../helpers/content.ts';

const SCREEN = 'screens/dating.yaml';
const screen = (times: string) =>
  yaml(
    'name: 政务服务中心一楼大厅屏', // 1
    'when:', // 2
    '  days: 周一至周五', // 3
    `  times: [${times}]`, // 4
    'slides:', // 5
    '  - type: 自定义', // 6
    '    title: 温馨提示', // 7
  );

describe('screen schema: times of day', () => {
  it('accepts windows within a day, across midnight and all day', () => {
    expect(problemsIn(SCREEN, screen('"08:00-12:00", "14:00-17:30"'))).toEqual([]);
    expect(problemsIn(SCREEN, screen('"22:00-06:00"'))).toEqual([]);
    expect(problemsIn(SCREEN, screen('"00:00-24:00"'))).toEqual([]);
  });

  it('refuses a window that starts and ends at the same minute, which would play all day', () => {
    const p = theProblemIn(SCREEN, screen('"08:00-12:00", "08:00-08:00"'));
    expect(p).toMatchObject({
      field: 'when.times[1]',
      line: 4,
      column: 26,
      kind: 'time-order',
      message: '时段的开始和结束都是 08:00，看不出是全天还是一分钟也没有',
      fix: '改正开始或结束时间，例如 "08:00-12:00"；全天播放写 "00:00-24:00"，或者不写 times',
    });
  });

  it('refuses it in a slide’s own schedule too', () => {
    const text = screen('"08:00-12:00"').replace('    title: 温馨提示\n', '    title: 温馨提示\n    when:\n      times: ["23:30-23:30"]\n');
    expect(theProblemIn(SCREEN, text)).toMatchObject({ field: 'slides[0].when.times[0]', line: 9, message: '时段的开始和结束都是 23:30，看不出是全天还是一分钟也没有' });
  });

  it('reports a window not in the form once, not also as out of order', () => {
    expect(theProblemIn(SCREEN, screen('"8:00-8:00"'))).toMatchObject({ field: 'when.times[0]', message: '“时段”的格式不对：“"8:00-8:00"”' });
  });
});

describe('screen schema: reading distance and size', () => {
  const sized = (lines: string) => screen('"08:00-12:00"').replace('when:\n', `${lines}\nwhen:\n`);

  it('accepts a distance in metres and a diagonal in inches, and files without them as before', () => {
    expect(problemsIn(SCREEN, sized('viewingDistance: 4.5\ndiagonal: 65'))).toEqual([]);
    expect(problemsIn(SCREEN, screen('"08:00-12:00"'))).toEqual([]);
  });

  it('refuses a distance out of range, saying what it expects', () => {
    const p = theProblemIn(SCREEN, sized('viewingDistance: 30'));
    expect(p).toMatchObject({ field: 'viewingDistance', line: 2 });
    expect(`${p.message} ${p.fix}`).toContain('米');
  });
});

describe('screen schema: days by the official calendar', () => {
  const withDays = (days: string) => screen('"08:00-18:00"').replace('  days: 周一至周五', `  days: ${days}`);

  it.each(['工作日', '节假日', '休息日', '周一至周六（节假日除外）', '周一、周三、周五、周六（节假日除外）', '周一至周五', '每天'])('accepts days: %s', (days) => {
    expect(problemsIn(SCREEN, withDays(days))).toEqual([]);
  });

  it('refuses days it cannot read, naming the field and the calendar words it can', () => {
    const p = theProblemIn(SCREEN, withDays('上班的时候'));
    expect(p).toMatchObject({ field: 'when.days', line: 3, message: '看不懂这几天的写法' });
    expect(p.fix).toContain('工作日');
    expect(p.fix).toContain('节假日');
  });

  it('accepts the calendar words in a slide’s own schedule too', () => {
    const text = withDays('工作日').replace('    title: 温馨提示\n', '    title: 节假日就诊\n    when:\n      days: 节假日\n');
    expect(problemsIn(SCREEN, text)).toEqual([]);
  });
});
