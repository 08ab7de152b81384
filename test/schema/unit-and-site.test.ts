import { describe, expect, it } from 'vitest';
import { problemsIn, theProblemIn, yaml } from '../helpers/content.ts';

const SITE = 'site.yaml';
const site = (...extra: string[]) =>
  yaml(
    'name: 测试县窗口公开平台',
    'shortName: 测试县',
    'url: https://gongkai.ceshi.example/',
    'phone: "0570-1234 5678"',
    'supervision:',
    '  - type: 服务热线',
    '    value: "12345"',
    'hours:',
    '  regular:',
    '    - days: 周一至周五',
    '      times: ["08:30-12:00", "14:00-17:30"]',
    '  holidays: 法定节假日休息',
    ...extra,
  );

describe('site schema', () => {
  it('accepts the organisation settings', () => {
    expect(problemsIn(SITE, site('base: /gongkai/'))).toEqual([]);
  });

  it('says the consultation phone lost its leading zero when unquoted', () => {
    const p = theProblemIn(SITE, site().replace('phone: "0570-1234 5678"', 'phone: 05701234567'));
    expect(p).toMatchObject({ field: 'phone', line: 4, column: 8, fix: '加上英文引号，写成 phone: "05701234567"' });
    expect(p.message).toContain('开头的 0 会丢失');
  });

  it('explains a phone number that Excel turned into scientific notation', () => {
    const p = theProblemIn(SITE, site().replace('phone: "0570-1234 5678"', 'phone: 1.38E+10'));
    expect(p.message).toContain('科学计数法');
  });

  it('requires what happens on public holidays in the opening hours', () => {
    const p = theProblemIn(SITE, site().replace('  holidays: 法定节假日休息\n', ''));
    expect(p).toMatchObject({ field: 'hours.holidays', fieldTitle: '节假日安排', message: '缺少必填的“节假日安排”', line: 8 });
  });

  it('reads weekday expressions and refuses ones it cannot read', () => {
    const p = theProblemIn(SITE, site().replace('days: 周一至周五', 'days: 工作日们'));
    expect(p).toMatchObject({ field: 'hours.regular[0].days', line: 10, column: 13, message: '看不懂这几天的写法' });
  });

  it('refuses a time range that ends before it starts', () => {
    const p = theProblemIn(SITE, site().replace('"14:00-17:30"', '"17:30-14:00"'));
    expect(p).toMatchObject({ field: 'hours.regular[0].times[1]', message: '结束时间要晚于开始时间' });
  });

  it('refuses a time range that starts and ends at the same minute, and says how to write all day', () => {
    const p = theProblemIn(SITE, site().replace('"08:30-12:00"', '"08:00-08:00"'));
    expect(p).toMatchObject({
      field: 'hours.regular[0].times[0]',
      line: 11,
      column: 15,
      kind: 'time-order',
      message: '时段的开始和结束都是 08:00，看不出是全天还是一分钟也没有',
      fix: '改正开始或结束时间，例如 "08:30-12:00"；全天办公写 "00:00-24:00"',
    });
  });

  it('reports a time range not in the form once, not also as out of order', () => {
    const p = theProblemIn(SITE, site().replace('"14:00-17:30"', '"25:00-17:30"'));
    expect(p).toMatchObject({ field: 'hours.regular[0].times[1]', message: '“25:00-17:30”不是时段的写法' });
  });

  it('checks that a channel holds the kind of value its type needs', () => {
    const p = theProblemIn(SITE, site().replace('  - type: 服务热线\n    value: "12345"', '  - type: 举报邮箱\n    value: 县纪委'));
    expect(p).toMatchObject({ field: 'supervision[0].value', line: 7, message: '“举报邮箱”应填电子邮箱地址，实际是“县纪委”' });
  });

  it('refuses a base path without its slashes and shows the form', () => {
    const p = theProblemIn(SITE, site('base: gongkai'));
    expect(p).toMatchObject({ field: 'base', line: 13 });
    expect(p.fix).toContain('/gongkai/');
  });
});

const UNIT = 'units/chuangkou/unit.yaml';
const unit = (...extra: string[]) =>
  yaml('name: 综合受理窗口', 'kind: 政务服务窗口', 'parent: 测试县政务服务中心', 'summary: 受理测试事项。', 'location:', '  floor: 一楼', ...extra);

describe('unit schema', () => {
  it('accepts a unit with English or Chinese kind', () => {
    expect(problemsIn(UNIT, unit())).toEqual([]);
    expect(problemsIn(UNIT, unit().replace('政务服务窗口', 'service-hall-window'))).toEqual([]);
  });

  it('lists the kinds of unit when the kind is unknown, suggesting a near one', () => {
    const p = theProblemIn(UNIT, unit().replace('政务服务窗口', '政务服务窗囗'));
    expect(p).toMatchObject({ field: 'kind', line: 2, column: 7 });
    expect(p.fix).toMatch(/^是不是想写“政务服务窗口”？可以填写：医院科室（hospital-department）/);
  });

  it('asks for window numbers as quoted text', () => {
    const p = theProblemIn(UNIT, unit('  windows: [1, "2"]'));
    expect(p).toMatchObject({ field: 'location.windows[0]', line: 7, column: 13, fix: '加上英文引号，写成 "1"' });
  });

  it('needs a text description beside a floor plan', () => {
    const p = theProblemIn(UNIT, unit('floorPlan: ../../units/chuangkou/staff/li-hua.jpg'));
    expect(p).toMatchObject({ field: 'floorPlanText', message: '有平面图时要用文字说明平面图，给看不见图片的人' });
  });

  it('refuses an unknown supervision mode', () => {
    const p = theProblemIn(UNIT, unit('supervision:', '  mode: 覆盖', '  channels:', '    - type: 投诉电话', '      value: "0570-1234 9999"'));
    expect(p).toMatchObject({ field: 'supervision.mode', line: 8 });
    expect(p.fix).toContain('追加（add）、替换（replace）');
  });
});
