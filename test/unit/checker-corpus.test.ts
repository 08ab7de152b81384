/**
 * The corpus of mistakes publicity officers make, one case per mistake: each
 * must give exactly one problem, at the right file, line and column, with a
 * message that says what is wrong in Chinese. Texts are written line by
 * line so that line numbers can be counted by eye.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import type { Problem } from '#lib/content/problem.ts';
import { problemsIn, SMALL, theProblemIn, yaml } from '../helpers/content.ts';

/** Lines of a valid file; `edit` replaces the line starting with a key, or appends. */
function file(base: readonly string[]) {
  return (edits: Record<string, string | null> = {}, ...extra: string[]) => {
    const out: string[] = [];
    for (const line of base) {
      const key = Object.keys(edits).find((k) => line.startsWith(k));
      if (key === undefined) out.push(line);
      else if (edits[key] !== null) out.push(...(edits[key] as string).split('\n'));
    }
    return yaml(...out, ...extra);
  };
}

const STAFF = 'units/chuangkou/staff/li-hua.yaml';
const staff = file([
  'name: 李华', // 1
  'photo: ./li-hua.jpg', // 2
  'post: shouli', // 3
  'window: "1"', // 4
  'title: 助理经济师', // 5
  'number: "CK0101"', // 6
]);

const POST = 'units/chuangkou/posts/shouli.yaml';
const post = file([
  'name: 综合受理岗', // 1
  'duties: [受理申请材料]', // 2
  'requirements: [一次性告知]', // 3
  'timeLimits: [当场审核材料]', // 4
  'phrases: [您好，请问办理什么业务？]', // 5
  'complaint:', // 6
  '  department: 中心督查室', // 7
  '  phone: "0570-1234 9999"', // 8
]);

const PROCEDURE = 'units/chuangkou/procedures/ceshi-shixiang.md';
const procedure = file([
  '---', // 1
  'code: "330000-000-GG-0001"', // 2
  'name: 测试证明办理', // 3
  'summary: 为申请人开具测试证明。', // 4
  'eligibility:', // 5
  '  - 本县户籍居民', // 6
  'materials:', // 7
  '  - name: 居民身份证', // 8
  '    form: 原件', // 9
  'steps:', // 10
  '  - name: 窗口受理', // 11
  'timeLimit:', // 12
  '  statutory: 20', // 13
  '  promised: 5', // 14
  'visits: 1', // 15
  'fee: 不收费', // 16
  'legalBasis:', // 17
  '  - 《测试条例》第三条', // 18
  '---', // 19
  '正文', // 20
]);

const UNIT = 'units/chuangkou/unit.yaml';
const unit = file([
  'name: 综合受理窗口', // 1
  'kind: 政务服务窗口', // 2
  'parent: 测试县政务服务中心', // 3
  'summary: 负责测试事项的受理和发证。', // 4
  'location:', // 5
  '  building: 政务服务中心', // 6
  '  floor: 一楼', // 7
  '  windows: ["1", "2"]', // 8
  'hours:', // 9
  '  regular:', // 10
  '    - days: 周一至周五', // 11
  '      times: ["08:30-12:00", "14:00-17:30"]', // 12
  '  holidays: 法定节假日休息', // 13
  'supervision:', // 14
  '  channels:', // 15
  '    - type: 投诉电话', // 16
  '      value: "0570-1234 9999"', // 17
]);

const PLEDGE = 'units/chuangkou/pledges/2026.yaml';
const pledge = file([
  'title: 2026 年度服务承诺', // 1
  'year: 2026', // 2
  'by:', // 3
  '  type: 本单位', // 4
  'items:', // 5
  '  - text: 上线预约取号', // 6
  '    deadline: 2026-12-31', // 7
  '    status: 进行中', // 8
]);

const EVALUATION = 'units/chuangkou/evaluations/2026-q3.yaml';
const evaluation = file([
  'period: 2026 年第三季度', // 1
  'start: 2026-07-01', // 2
  'end: 2026-09-30', // 3
  'satisfaction: 96.5', // 4
  'responses: 320', // 5
]);

const NOTICE = 'notices/gonggao.md';
const notice = file([
  '---', // 1
  'type: 公告', // 2
  'title: 元旦假期办公时间安排', // 3
  'date: 2026-11-18', // 4
  '---', // 5
  '元旦假期窗口暂停办公。', // 6
]);

const SITE = 'site.yaml';
const site = file(readFileSync(join(SMALL, 'site.yaml'), 'utf8').trimEnd().split('\n'));

interface Case {
  name: string;
  file: string;
  text: string;
  line: number;
  column: number;
  field?: string;
  kind?: string;
  /** The exact message, or a distinctive part of it. */
  message: string | RegExp;
  fix?: string | RegExp;
}

const CASES: Case[] = [
  // YAML syntax
  {
    name: 'an unclosed bracket',
    file: STAFF,
    text: staff({ 'title:': 'title: [助理经济师' }),
    line: 5,
    column: 8,
    kind: 'yaml-syntax',
    message: '方括号“[”没有闭合',
    fix: /补上“\]”/,
  },
  {
    name: 'an unclosed quote',
    file: STAFF,
    text: staff({ 'number:': 'number: "CK0101' }),
    line: 6,
    column: 9,
    kind: 'yaml-syntax',
    message: '引号没有闭合：这一行的值以引号开头，却没有以引号结尾',
  },
  {
    name: 'a duplicate key',
    file: STAFF,
    text: staff({}, 'name: 王五'),
    line: 7,
    column: 1,
    kind: 'yaml-syntax',
    message: '同一层里有两个相同的字段名',
    fix: '删除或合并重复的那一行',
  },
  {
    name: 'a tab used for indentation',
    file: POST,
    text: post({ '  department:': '\tdepartment: 中心督查室' }),
    line: 7,
    column: 1,
    kind: 'yaml-syntax',
    message: '用了制表符（Tab）缩进',
  },
  {
    name: 'a full-width colon on one line',
    file: STAFF,
    text: staff({ 'title:': 'title： 助理经济师' }),
    line: 5,
    column: 1,
    kind: 'yaml-syntax',
    message: /（这一行用了中文全角冒号“：”）$/,
    fix: /英文半角冒号/,
  },
  {
    name: 'a full-width colon on a key with lines under it',
    file: POST,
    text: post({ 'complaint:': 'complaint：' }),
    line: 6,
    column: 1,
    kind: 'yaml-syntax',
    message: '看不懂这一行：字段名后面要有英文冒号和空格（这一行用了中文全角冒号“：”）',
    fix: '把字段名后的“：”改成英文半角冒号“:”，冒号后加一个空格',
  },
  { name: 'full-width colons throughout', file: STAFF, text: yaml('name： 李华', 'photo： ./li-hua.jpg'), line: 1, column: 1, kind: 'not-a-map', message: /中文全角冒号/ },
  { name: 'a field indented by mistake', file: STAFF, text: staff({ 'title:': '  title: 助理经济师' }), line: 5, column: 1, kind: 'yaml-syntax', message: '缩进不对齐' },
  { name: 'a value starting with @', file: STAFF, text: staff({ 'title:': 'title: @助理经济师' }), line: 5, column: 8, kind: 'yaml-syntax', message: '这个值的开头字符需要加引号' },
  {
    name: 'JavaScript front matter',
    file: NOTICE,
    text: ['---js', '{ title: "x" }', '---', ''].join('\n'),
    line: 1,
    column: 1,
    kind: 'front-matter-language',
    message: /文件头只能用 YAML 格式，不能用 js/,
  },
  {
    name: 'a front matter never closed',
    file: NOTICE,
    text: yaml('---', 'type: 公告', 'title: 元旦假期办公时间安排', 'date: 2026-11-18'),
    line: 1,
    column: 1,
    kind: 'no-front-matter',
    message: '文件头没有结束：缺少第二行 ---',
  },

  // Values YAML changes
  {
    name: 'a staff number with a leading zero',
    file: STAFF,
    text: staff({ 'number:': 'number: 0101' }),
    line: 6,
    column: 9,
    field: 'number',
    message: 'YAML 把没有引号的 0101 读成了数字 101，开头的 0 会丢失',
    fix: '加上英文引号，写成 number: "0101"',
  },
  {
    name: 'an unquoted staff number',
    file: STAFF,
    text: staff({ 'number:': 'number: 20130' }),
    line: 6,
    column: 9,
    field: 'number',
    message: 'YAML 把没有引号的 20130 读成了数字 20130，“工号”要原样保存为文字',
    fix: '加上英文引号，写成 number: "20130"',
  },
  {
    name: 'a number Excel turned into 1.38E+10',
    file: STAFF,
    text: staff({ 'number:': 'number: 1.38E+10' }),
    line: 6,
    column: 9,
    field: 'number',
    message: /科学计数法，原来的数字已经丢失/,
  },
  {
    name: 'an unquoted window number',
    file: STAFF,
    text: staff({ 'window:': 'window: 1' }),
    line: 4,
    column: 9,
    field: 'window',
    message: 'YAML 把没有引号的 1 读成了数字 1，“窗口号”要原样保存为文字',
  },
  { name: 'an unquoted procedure code', file: PROCEDURE, text: procedure({ 'code:': 'code: 330000' }), line: 2, column: 7, field: 'code', message: /“事项编码”要原样保存为文字/ },
  {
    name: 'an unquoted phone number',
    file: POST,
    text: post({ '  phone:': '  phone: 05706012300' }),
    line: 8,
    column: 10,
    field: 'complaint.phone',
    message: 'YAML 把没有引号的 05706012300 读成了数字 5706012300，开头的 0 会丢失',
  },
  {
    name: 'an unquoted date in a text field',
    file: STAFF,
    text: staff({ 'title:': 'title: 2026-11-22' }),
    line: 5,
    column: 8,
    field: 'title',
    kind: 'unquoted-date',
    message: '生成网站时，没有引号的 2026-11-22 会被读成日期，而“职称”要的是文字',
    fix: '加上英文引号，写成 title: "2026-11-22"',
  },
  {
    name: 'an unquoted date and time in a text field',
    file: STAFF,
    text: staff({ 'title:': 'title: 2026-11-22 10:00:00' }),
    line: 5,
    column: 8,
    kind: 'unquoted-date',
    message: '生成网站时，没有引号的 2026-11-22 10:00:00 会被读成日期和时间，而“职称”要的是文字',
  },
  {
    name: 'an unquoted ISO timestamp in a text field',
    file: STAFF,
    text: staff({ 'title:': 'title: 2026-11-22T10:00:00Z' }),
    line: 5,
    column: 8,
    kind: 'unquoted-date',
    message: /没有引号的 2026-11-22T10:00:00Z 会被读成日期和时间/,
  },
  {
    name: 'an unquoted date in a list of text',
    file: POST,
    text: post({ 'duties:': 'duties: [2026-11-22]' }),
    line: 2,
    column: 10,
    field: 'duties[0]',
    kind: 'unquoted-date',
    message: /而“岗位职责”要的是文字/,
    fix: '加上英文引号，写成 "2026-11-22"',
  },
  {
    name: 'a period written as a date',
    file: EVALUATION,
    text: evaluation({ 'period:': 'period: 2026-09-30' }),
    line: 1,
    column: 9,
    field: 'period',
    kind: 'unquoted-date',
    message: /而“评价期次”要的是文字/,
  },
  {
    name: 'an unquoted date as the title of a notice',
    file: NOTICE,
    text: notice({ 'title:': 'title: 2026-11-18' }),
    line: 3,
    column: 8,
    field: 'title',
    kind: 'unquoted-date',
    message: '生成网站时，没有引号的 2026-11-18 会被读成日期，而“标题”要的是文字',
  },
  {
    name: 'a binary-looking code',
    file: STAFF,
    text: staff({ 'number:': 'number: 0b101' }),
    line: 6,
    column: 9,
    kind: 'unquoted-number',
    message: '生成网站时，没有引号的 0b101 会被读成数字 5，而“工号”要的是文字',
  },

  // Service guides
  {
    name: 'a fee left blank',
    file: PROCEDURE,
    text: procedure({ 'fee:': 'fee:' }),
    line: 16,
    column: 1,
    field: 'fee',
    message: '“收费标准”不能写“（空）”：看的人分不清是没有还是没填',
    fix: /^写 不收费，或写金额和收费依据/,
  },
  {
    name: 'a fee of 无',
    file: PROCEDURE,
    text: procedure({ 'fee:': 'fee: 无' }),
    line: 16,
    column: 6,
    field: 'fee',
    message: '“收费标准”不能写“无”：看的人分不清是没有还是没填',
    fix: /^写 不收费，或写金额和收费依据/,
  },
  { name: 'no fee at all', file: PROCEDURE, text: procedure({ 'fee:': null }), line: 2, column: 1, field: 'fee', message: '缺少必填的“收费标准”', fix: '加上一行 fee: 不收费' },
  {
    name: 'a fee without its legal basis',
    file: PROCEDURE,
    text: procedure({ 'fee:': 'fee:\n  - name: 工本费\n    amount: 10 元/份' }),
    line: 17,
    column: 5,
    field: 'fee[0].basis',
    message: '缺少必填的“收费依据”',
  },
  {
    name: 'a promised limit longer than the statutory one',
    file: PROCEDURE,
    text: procedure({ '  statutory:': '  statutory: 3' }),
    line: 14,
    column: 13,
    field: 'timeLimit.promised',
    message: '承诺办结时限不能长于法定办结时限',
    fix: '把 promised 改成不超过 3 的天数',
  },
  {
    name: 'more working days promised than the law’s calendar days',
    file: PROCEDURE,
    text: procedure({ '  statutory:': '  statutory: 4\n  statutoryUnit: 自然日' }),
    line: 15,
    column: 13,
    message: '承诺办结时限（5 个工作日）长于法定办结时限（4 个自然日）',
  },
  {
    name: 'no conditions of eligibility',
    file: PROCEDURE,
    text: procedure({ 'eligibility:': null, '  - 本县户籍居民': null }),
    line: 2,
    column: 1,
    field: 'eligibility',
    message: '缺少必填的“受理条件”',
    fix: /^加上\neligibility:\n {2}- /,
  },
  {
    name: 'no steps',
    file: PROCEDURE,
    text: procedure({ 'steps:': 'steps: []', '  - name: 窗口受理': null }),
    line: 10,
    column: 8,
    field: 'steps',
    message: '“办理流程”至少要写 1 项',
  },
  {
    name: 'a material in an unknown form',
    file: PROCEDURE,
    text: procedure({ '    form:': '    form: 正本' }),
    line: 9,
    column: 11,
    field: 'materials[0].form',
    message: '“材料形式”不能写“正本”',
    fix: /原件（original）/,
  },

  // Phones
  {
    name: 'a landline too short',
    file: POST,
    text: post({ '  phone:': '  phone: "0570-123"' }),
    line: 8,
    column: 10,
    field: 'complaint.phone',
    message: '区号后面的电话号码应为 7 到 8 位，这里只有 3 位：“123”',
  },
  {
    name: 'a mobile number too short',
    file: POST,
    text: post({ '  phone:': '  phone: "138 0570 123"' }),
    line: 8,
    column: 10,
    message: '手机号码应为 11 位，这里只有 10 位：“1380570123”',
  },
  {
    name: 'words in a phone number',
    file: POST,
    text: post({ '  phone:': '  phone: "0570-6012 3000（总机）"' }),
    line: 8,
    column: 10,
    message: /只能有数字、空格、短横线和括号，这里有“总”/,
  },
  {
    name: 'an unknown hotline as a complaint channel',
    file: UNIT,
    text: unit({ '      value:': '      value: "12346"' }),
    line: 17,
    column: 14,
    field: 'supervision.channels[0].value',
    message: '“投诉电话”应填电话号码：12346 不是已知的公共服务热线',
  },

  // Opening hours
  {
    name: 'opening hours that do not mention holidays',
    file: UNIT,
    text: unit({ '  holidays:': null }),
    line: 9,
    column: 1,
    field: 'hours.holidays',
    message: '缺少必填的“节假日安排”',
    fix: '加上一行 holidays: 法定节假日休息，调休上班日正常办公',
  },
  {
    name: 'holidays written as 无',
    file: UNIT,
    text: unit({ '  holidays:': '  holidays: 无' }),
    line: 13,
    column: 13,
    field: 'hours.holidays',
    message: '“节假日安排”要写明法定节假日是否办公，不能只写“无”之类的字',
  },
  {
    name: 'a time range ending before it starts',
    file: UNIT,
    text: unit({ '      times:': '      times: ["17:30-08:30"]' }),
    line: 12,
    column: 15,
    field: 'hours.regular[0].times[0]',
    message: '结束时间要晚于开始时间',
  },
  {
    name: 'a time range that starts and ends at the same minute',
    file: UNIT,
    text: unit({ '      times:': '      times: ["08:00-08:00"]' }),
    line: 12,
    column: 15,
    field: 'hours.regular[0].times[0]',
    kind: 'time-order',
    message: '时段的开始和结束都是 08:00，看不出是全天还是一分钟也没有',
    fix: /全天办公写 "00:00-24:00"$/,
  },
  {
    name: 'days nobody can read',
    file: UNIT,
    text: unit({ '    - days:': '    - days: 工作日以外' }),
    line: 11,
    column: 13,
    field: 'hours.regular[0].days',
    message: '看不懂这几天的写法',
  },

  // Fields and values
  {
    name: 'an unknown field with a typo',
    file: STAFF,
    text: staff({ 'title:': 'titel: 助理经济师' }),
    line: 5,
    column: 1,
    field: 'titel',
    message: '不认识的字段“titel”',
    fix: '是不是想写 title（职称）？',
  },
  { name: 'a field for private data', file: STAFF, text: staff({}, 'idcard: "330122199001010011"'), line: 7, column: 1, field: 'idcard', message: /像是个人隐私信息/ },
  {
    name: 'a value not in the list',
    file: STAFF,
    text: staff({}, 'badges: [群众]'),
    line: 7,
    column: 10,
    field: 'badges[0]',
    message: '“政治面貌”不能写“群众”',
    fix: '可以填写：党员（party-member）、团员（league-member）',
  },
  {
    name: 'a pledge status not in the list',
    file: PLEDGE,
    text: pledge({ '    status:': '    status: 进行种' }),
    line: 8,
    column: 13,
    field: 'items[0].status',
    message: '“兑现情况”不能写“进行种”',
    fix: /^是不是想写“进行中”？/,
  },
  {
    name: 'a date that does not exist',
    file: PLEDGE,
    text: pledge({ '    deadline:': '    deadline: 2026-06-31' }),
    line: 7,
    column: 15,
    field: 'items[0].deadline',
    message: '“完成时限”不能写“2026-06-31”',
  },
  {
    name: 'a percentage with its % sign',
    file: EVALUATION,
    text: evaluation({ 'satisfaction:': 'satisfaction: 96.5%' }),
    line: 4,
    column: 15,
    field: 'satisfaction',
    message: '“满意率”应为数字，实际是文字“96.5%”',
  },
  {
    name: 'low satisfaction without an explanation',
    file: EVALUATION,
    text: evaluation({ 'satisfaction:': 'satisfaction: 76.5' }, 'measures: [增开窗口]'),
    line: 1,
    column: 1,
    field: 'explanation',
    message: '满意率 76.5% 低于 80%，要公开情况说明',
  },
  {
    name: 'yes written in Chinese',
    file: NOTICE,
    text: notice({ 'date:': 'date: 2026-11-18\npinned: 是' }),
    line: 5,
    column: 9,
    field: 'pinned',
    message: '“置顶”只能写 true（是）或 false（否），实际是“是”',
  },
  {
    name: 'a web address without https://',
    file: SITE,
    text: site({ 'url:': 'url: gongkai.ceshi.example' }),
    line: 3,
    column: 6,
    field: 'url',
    message: '“网站地址”的格式不对：“gongkai.ceshi.example”',
  },
  {
    name: 'a list written as one line',
    file: POST,
    text: post({ 'duties:': 'duties: 受理申请材料' }),
    line: 2,
    column: 9,
    field: 'duties',
    message: '“岗位职责”应为列表，每项一行，以“- ”开头',
  },

  // Files
  {
    name: 'a photo that is not there',
    file: STAFF,
    text: staff({ 'photo:': 'photo: ./li-hua.png' }),
    line: 2,
    column: 8,
    field: 'photo',
    message: '找不到图片文件 units/chuangkou/staff/li-hua.png',
    fix: '文件夹里有 li-hua.jpg，是不是要写成 ./li-hua.jpg？',
  },
  // A staff member without a photo yet is publishable (issue 15): a gap warning, pinned in checker-gaps.test.ts, not a broken file.
  {
    name: 'a photo from the web',
    file: STAFF,
    text: staff({ 'photo:': 'photo: https://example.com/li.jpg' }),
    line: 2,
    column: 8,
    field: 'photo',
    message: '图片只能用内容文件夹里的文件，不能用网址“https://example.com/li.jpg”',
  },
];

function expectCase(p: Problem, c: Pick<Case, 'file' | 'field' | 'kind' | 'message' | 'fix'> & { line?: number | undefined; column?: number | undefined }) {
  expect(p).toMatchObject({
    severity: 'error',
    file: c.file,
    ...(c.line !== undefined ? { line: c.line, column: c.column } : {}),
    ...(c.field ? { field: c.field } : {}),
    ...(c.kind ? { kind: c.kind } : {}),
  });
  if (typeof c.message === 'string') expect(p.message).toBe(c.message);
  else expect(p.message).toMatch(c.message);
  if (typeof c.fix === 'string') expect(p.fix).toBe(c.fix);
  else if (c.fix) expect(p.fix).toMatch(c.fix);
  expect(p.fix, 'every problem says how to fix it').toBeTruthy();
}

describe('the corpus of broken files', () => {
  it('starts from files that pass', () => {
    for (const [f, text] of [
      [STAFF, staff()],
      [POST, post()],
      [PROCEDURE, procedure()],
      [UNIT, unit()],
      [PLEDGE, pledge()],
      [EVALUATION, evaluation()],
      [NOTICE, notice()],
      [SITE, site()],
    ] as const) {
      expect(problemsIn(f, text), f).toEqual([]);
    }
  });

  it.each(CASES)('$name: one problem at $file:$line:$column', (c) => {
    expectCase(theProblemIn(c.file, c.text), c);
  });

  it('keeps accepting unquoted dates in date fields', () => {
    expect(problemsIn(STAFF, staff({}, 'left: 2026-11-30', 'updated: 2026-11-22'))).toEqual([]);
    expect(problemsIn(PLEDGE, pledge({ '    deadline:': '    deadline: 2026-12-31' }))).toEqual([]);
  });

  it('accepts quoted dates in text fields and the numbers a phone field allows', () => {
    expect(problemsIn(STAFF, staff({ 'title:': 'title: "2026-11-22"' }))).toEqual([]);
    for (const phone of ['"0570-12388"', '"12345"', '"138 0570 1234"', '"400-123-4567"', '"0570-6012 3000 转 8001"']) {
      expect(problemsIn(POST, post({ '  phone:': `  phone: ${phone}` })), phone).toEqual([]);
    }
  });
});

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

interface FolderCase extends Omit<Case, 'text' | 'line' | 'column'> {
  line?: number;
  column?: number;
  /** Breaks a copy of the small fixture. */
  setup: (dir: string) => void;
}

const put = (dir: string, rel: string, text: string) => writeFileSync(join(dir, rel), text);
const change = (dir: string, rel: string, from: string, to: string) => {
  const text = readFileSync(join(dir, rel), 'utf8');
  if (!text.includes(from)) throw new Error(`${rel} has no ${from}`);
  put(dir, rel, text.replace(from, to));
};

const FOLDER_CASES: FolderCase[] = [
  {
    // A file on its own may write a local number; without site.yaml's areaCode nobody can tell its area.
    name: 'a landline without its area code, when site.yaml gives none',
    file: POST,
    line: 8,
    column: 10,
    field: 'complaint.phone',
    kind: 'phone-local',
    message: '固定电话要写区号：“60123000”前面缺少区号',
    fix: /^在前面加上本地的区号.*；或者在 site\.yaml 里写上本地区号/,
    setup: (dir) => put(dir, POST, post({ '  phone:': '  phone: "6012 3000"' })),
  },
  {
    name: 'a post that does not exist',
    file: STAFF,
    line: 3,
    column: 7,
    field: 'post',
    kind: 'dangling-reference',
    message: '找不到岗位“shouil”：units/chuangkou/posts/里没有 shouil.yaml',
    fix: '改成已有的岗位之一：shouli；或先建好 units/chuangkou/posts/shouil.yaml',
    setup: (dir) => change(dir, STAFF, 'post: shouli', 'post: shouil'),
  },
  {
    name: 'a file name that cannot be a web address',
    file: 'units/chuangkou/evaluations/2026 Q3.yaml',
    kind: 'bad-slug',
    message: '文件名“2026 Q3”会成为网址的一部分，只能用小写英文字母、数字和短横线',
    fix: /^用拼音或英文改名，例如 2026-q3\.yaml/,
    setup: (dir) => renameSync(join(dir, EVALUATION), join(dir, 'units/chuangkou/evaluations/2026 Q3.yaml')),
  },
  {
    name: 'a unit whose guides have no complaint phone',
    file: UNIT,
    line: 11,
    column: 3,
    field: 'supervision.channels',
    kind: 'no-complaint-channel',
    message: '办事事项“测试证明办理”没有监督投诉电话：本单位替换了网站的监督渠道，没有投诉电话、监督电话或服务热线',
    fix: /supervision\.channels 里加一项\n {2}- type: 投诉电话/,
    setup: (dir) =>
      change(
        dir,
        UNIT,
        'supervision:\n  channels:\n    - type: 投诉电话\n      name: 中心督查室\n      value: "0570-1234 9999"',
        'supervision:\n  mode: 替换\n  channels:\n    - type: 意见箱\n      value: 大厅入口',
      ),
  },
  {
    name: 'a guide with nowhere to go',
    file: PROCEDURE,
    line: 2,
    column: 1,
    field: 'place',
    kind: 'no-place',
    message: '没有写办理地点：事项没有 place，units/chuangkou/unit.yaml 的 location 里也没有地址、楼栋、楼层或窗口号',
    setup: (dir) => {
      change(dir, UNIT, 'location:\n  building: 政务服务中心\n  floor: 一楼\n  windows: ["1", "2"]', 'location: {}');
      change(dir, STAFF, 'window: "1"\n', '');
    },
  },
  {
    name: 'a file in a misspelt folder',
    file: 'units/chuangkou/evaluation/2026-q3.yaml',
    kind: 'stray-file',
    message: '这个文件不在约定的位置，不会被发布',
    setup: (dir) => renameSync(join(dir, 'units/chuangkou/evaluations'), join(dir, 'units/chuangkou/evaluation')),
  },
  {
    name: 'two guides with one address',
    file: 'units/chuangkou/procedures/ceshi-shixiang.mdx',
    kind: 'duplicate-id',
    message: '和 units/chuangkou/procedures/ceshi-shixiang.md 对应同一个网址（chuangkou/ceshi-shixiang），只能保留一个',
    setup: (dir) => cpSync(join(dir, PROCEDURE), join(dir, 'units/chuangkou/procedures/ceshi-shixiang.mdx')),
  },
  {
    name: 'an award to someone who is not on the staff',
    file: EVALUATION,
    line: 11,
    column: 12,
    field: 'awards[0].staff',
    kind: 'dangling-reference',
    message: '找不到工作人员“li-hau”：units/chuangkou/staff/里没有 li-hau.yaml',
    setup: (dir) => change(dir, EVALUATION, 'staff: li-hua', 'staff: li-hau'),
  },
  {
    name: 'a personal pledge by someone who is not on the staff',
    file: PLEDGE,
    line: 5,
    column: 10,
    field: 'by.staff',
    kind: 'dangling-reference',
    message: '找不到工作人员“li-hau”：units/chuangkou/staff/里没有 li-hau.yaml',
    setup: (dir) => change(dir, PLEDGE, 'by:\n  type: 本单位', 'by:\n  type: 工作人员\n  staff: li-hau'),
  },
  {
    name: 'an iPhone photo renamed to .jpg',
    file: STAFF,
    line: 2,
    column: 8,
    field: 'photo',
    kind: 'bad-image',
    message: '图片文件 units/chuangkou/staff/li-hua.jpg 实际是HEIC（苹果手机照片格式），不是网站能用的图片',
    fix: '用手机相册或电脑的“画图”把它另存为 JPG，再替换这个文件',
    // The first bytes of a HEIC file: a box size, then ftyp and the heic brand.
    setup: (dir) => writeFileSync(join(dir, 'units/chuangkou/staff/li-hua.jpg'), Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1heic')])),
  },
  {
    name: 'an empty photo file',
    file: STAFF,
    line: 2,
    column: 8,
    field: 'photo',
    kind: 'bad-image',
    message: '图片文件 units/chuangkou/staff/li-hua.jpg 是空的（0 字节）',
    setup: (dir) => writeFileSync(join(dir, 'units/chuangkou/staff/li-hua.jpg'), ''),
  },
];

describe('the corpus of broken folders', () => {
  it.each(FOLDER_CASES)('$name: one error in $file', (c) => {
    const dir = mkdtempSync(join(tmpdir(), 'siliang-corpus-'));
    made.push(dir);
    cpSync(SMALL, dir, { recursive: true });
    c.setup(dir);
    const errors = checkContent(dir, { today: '2026-11-22', lastChanged: () => '2026-11-20' }).problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.file}: ${p.message}`)).toHaveLength(1);
    const p = errors[0] as Problem;
    expectCase(p, c);
    if (c.line === undefined) expect(p.line, 'a problem with a whole file or folder has no line').toBeUndefined();
  });

  it('has at least 30 cases in all', () => {
    expect(CASES.length + FOLDER_CASES.length).toBeGreaterThanOrEqual(30);
  });
});
