import { describe, expect, it } from 'vitest';
import { problemsIn, theProblemIn, yaml } from '../helpers/content.ts';

const PLEDGE = 'units/chuangkou/pledges/2027.yaml';
const pledge = (...items: string[]) => yaml('title: 2027 年度服务承诺', 'year: 2027', 'by:', '  type: 本单位', 'items:', ...items);

describe('pledge schema', () => {
  it('accepts items in every status, in Chinese or English', () => {
    const text = pledge(
      '  - text: 甲',
      '    deadline: 2027-06-30',
      '    status: 未开始',
      '  - text: 乙',
      '    deadline: 2027-06-30',
      '    status: in-progress',
      '  - text: 丙',
      '    deadline: 2027-06-30',
      '    status: 已兑现',
      '    evidence: 已完成',
      '    date: 2027-05-01',
      '  - text: 丁',
      '    deadline: 2027-06-30',
      '    status: not-kept',
      '    evidence: 经费未到位',
      '    date: 2027-07-01',
    );
    expect(problemsIn(PLEDGE, text)).toEqual([]);
  });

  it('requires evidence and a date for an item marked kept', () => {
    const problems = problemsIn(PLEDGE, pledge('  - text: 甲', '    deadline: 2027-06-30', '    status: 已兑现'));
    expect(problems.map((p) => [p.field, p.message, p.line])).toEqual([
      ['items[0].evidence', '兑现情况是“已兑现”时要写明佐证或原因', 6],
      ['items[0].date', '兑现情况是“已兑现”时要写确认日期', 6],
    ]);
  });

  it('says which dates are not real dates', () => {
    const p = theProblemIn(PLEDGE, pledge('  - text: 甲', '    deadline: 2027-02-30', '    status: 未开始'));
    expect(p).toMatchObject({ field: 'items[0].deadline', fieldTitle: '完成时限', line: 7, column: 15, message: '“完成时限”不能写“2027-02-30”' });
  });

  it('asks which member of staff made a personal pledge', () => {
    const text = pledge('  - text: 甲', '    deadline: 2027-06-30', '    status: 未开始').replace('type: 本单位', 'type: 工作人员');
    const p = theProblemIn(PLEDGE, text);
    expect(p).toMatchObject({ field: 'by.staff', message: '个人承诺要写是哪位工作人员', fix: 'staff: zhang-xiaoming' });
  });
});

const EVALUATION = 'units/chuangkou/evaluations/2026-q4.yaml';
const evaluation = (satisfaction: number, ...extra: string[]) =>
  yaml('period: 2026 年第四季度', 'start: 2026-10-01', 'end: 2026-12-31', `satisfaction: ${satisfaction}`, 'responses: 300', ...extra);

describe('evaluation schema', () => {
  it('accepts satisfaction of 80% or more without explanation', () => {
    expect(problemsIn(EVALUATION, evaluation(80))).toEqual([]);
  });

  it('requires an explanation and corrective measures below 80%', () => {
    const problems = problemsIn(EVALUATION, evaluation(79.9));
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['explanation', '满意率 79.9% 低于 80%，要公开情况说明'],
      ['measures', '满意率 79.9% 低于 80%，要公开整改措施'],
    ]);
  });

  it('accepts a low satisfaction once explained', () => {
    expect(problemsIn(EVALUATION, evaluation(76, 'explanation: 系统切换。', 'measures:', '  - 增开窗口'))).toEqual([]);
  });

  it('refuses a percentage written with a % sign', () => {
    const p = theProblemIn(EVALUATION, evaluation(0).replace('satisfaction: 0', 'satisfaction: 96%'));
    expect(p).toMatchObject({ field: 'satisfaction', line: 4 });
    expect(p.fix).toContain('去掉引号和单位，只写数字');
  });
});

const NOTICE = 'notices/gongshi.md';
const notice = (...fields: string[]) => ['---', ...fields, '---', '正文。', ''].join('\n');

describe('notice schema', () => {
  it('accepts a public-comment notice with its period', () => {
    expect(problemsIn(NOTICE, notice('type: 公示', 'title: 公示', 'date: 2026-11-18', 'period:', '  start: 2026-11-18', '  end: 2026-11-26'))).toEqual([]);
  });

  it('requires a period for a public-comment notice', () => {
    const p = theProblemIn(NOTICE, notice('type: 公示', 'title: 公示', 'date: 2026-11-18'));
    expect(p).toMatchObject({ field: 'period', message: '公示要写公示期' });
  });

  it('requires an issue number for a bulletin, and refuses one on a plain notice', () => {
    expect(theProblemIn(NOTICE, notice('type: 简报', 'title: 简报', 'date: 2026-11-18')).message).toBe('简报要写期号');
    expect(theProblemIn(NOTICE, notice('type: 公告', 'title: 公告', 'date: 2026-11-18', 'issue: 3')).message).toBe('只有简报才有期号');
  });

  it('refuses a period that ends before it starts', () => {
    const p = theProblemIn(NOTICE, notice('type: 公示', 'title: 公示', 'date: 2026-11-18', 'period:', '  start: 2026-11-26', '  end: 2026-11-18'));
    expect(p).toMatchObject({ field: 'period.end', line: 7, message: '公示结束日期早于开始日期' });
  });
});

const POST = 'units/chuangkou/posts/daoyi.yaml';
describe('post schema', () => {
  it('asks for a list where a single line was written', () => {
    const text = yaml(
      'name: 导医岗',
      'duties: 引导患者',
      'requirements: [热情]',
      'timeLimits: [即时]',
      'phrases: [您好]',
      'complaint:',
      '  department: 医务科',
      '  phone: "0570-1234 9999"',
    );
    const p = theProblemIn(POST, text);
    expect(p).toMatchObject({ field: 'duties', line: 2, column: 9, message: '“岗位职责”应为列表，每项一行，以“- ”开头', fix: '写成\nduties:\n  - 引导患者' });
  });
});
