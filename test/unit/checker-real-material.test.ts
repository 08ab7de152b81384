/**
 * The checker's warnings for material as real units publish it (issue 15),
 * each pinned at its file, line and column, in Chinese: what a source does
 * not state (未公布, 待填写), placeholder text in a field of every content
 * type, hours with no clock times, a post publishing its duties only, a rate
 * from very few responses, a unit with no phone of its own, and phones
 * written without their area code. All are warnings except the phone that
 * cannot be dialled: the content publishes.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, hasErrors } from '#lib/content/check.ts';
import type { Problem } from '#lib/content/problem.ts';
import { SMALL, yaml } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A copy of the small fixture with `files` written over it. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'siliang-real-'));
  made.push(dir);
  cpSync(SMALL, dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

const replaceIn = (rel: string, from: string, to: string) => {
  const text = readFileSync(join(SMALL, rel), 'utf8');
  if (!text.includes(from)) throw new Error(`${rel} has no ${from}`);
  return text.replace(from, to);
};

const check = (dir: string) => checkContent(dir, { today: '2026-11-22', lastChanged: () => '2026-11-20' });
const at = (p: Problem) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.kind} ${p.field ?? ''}（${p.fieldTitle ?? ''}）`;
const NEW_KINDS = new Set(['not-published', 'unfilled', 'placeholder-text', 'hours-part-of-day', 'post-gap', 'few-responses', 'phone-local']);

const GUIDE = 'units/chuangkou/procedures/bingli-fuyin.md';
const POST = 'units/chuangkou/posts/zonghe.yaml';
const GOOD_RATE = 'units/chuangkou/evaluations/2026-q4.yaml';
const COUNTS = 'units/chuangkou/evaluations/2026-q2.yaml';

describe('warnings on material as real units publish it', () => {
  const dir = folder({
    // Every content type with a placeholder in one field.
    'site.yaml': replaceIn('site.yaml', 'shortName: 测试县\n', 'shortName: 测试县\ndescription: 待补充\n'),
    'units/chuangkou/unit.yaml': replaceIn('units/chuangkou/unit.yaml', 'summary: 负责测试事项的受理和发证。\n', 'summary: 负责测试事项的受理和发证。\nphone: 未公布\n'),
    'units/chuangkou/staff/li-hua.yaml': replaceIn('units/chuangkou/staff/li-hua.yaml', 'badges: [党员]\n', 'badges: [党员]\nintro: 从事窗口工作 xxx 年\n'),
    'units/chuangkou/pledges/2026.yaml': replaceIn('units/chuangkou/pledges/2026.yaml', '    evidence: 设备招标延期\n', '    evidence: 同上\n'),
    'notices/gonggao.md': replaceIn('notices/gonggao.md', 'signer: 测试县政务服务中心\n', 'signer: 原文未写\n'),
    'screens/dating.yaml': yaml('name: 大厅屏', 'location: ……', 'slides:', '  - type: 监督渠道'),
    // A guide as a hospital publishes it: no item code yet, no fee stated, mornings only.
    [GUIDE]: yaml(
      '---',
      'code: 待填写',
      'name: 病历复印',
      'summary: 为出院患者复印病历。',
      'eligibility: [出院患者本人或其委托人]',
      'materials:',
      '  - name: 患者身份证',
      '    form: 原件',
      'steps:',
      '  - name: 窗口申请',
      'timeLimit:',
      '  statutory: 未公布',
      '  promised: 当场办结',
      'visits: 1',
      'fee: 未公布',
      'hours:',
      '  regular:',
      '    - days: 工作日',
      '      times: [上午]',
      '  holidays: 法定节假日休息',
      'legalBasis: [《医疗机构病历管理规定》]',
      '---',
    ),
    // A post that publishes its duties and nothing else.
    [POST]: yaml('name: 综合窗口', 'duties:', '  - 受理各类事项', '  - 解答群众咨询'),
    // A 好评率 of 100% from seven people.
    [GOOD_RATE]: yaml('period: 2026 年第四季度', 'start: 2026-10-01', 'end: 2026-12-31', 'goodRate: 100', 'responses: 7', 'method: 暂无'),
    // Counts per level only: the responses are their sum.
    [COUNTS]: yaml('period: 2026 年第二季度', 'start: 2026-04-01', 'end: 2026-06-30', 'satisfaction: 96', 'counts:', '  非常满意: 5', '  满意: 1', 'responses: 未公布'),
  });
  const { problems } = check(dir);
  const found = problems.filter((p) => NEW_KINDS.has(p.kind));
  const one = (kind: string, file: string) => {
    const list = found.filter((p) => p.kind === kind && p.file === file);
    expect(list.map(at)).toHaveLength(1);
    return list[0] as Problem;
  };

  it('lists each at its file, line and column, with its field in Chinese', () => {
    expect(found.map(at).sort()).toEqual(
      [
        'notices/gonggao.md:5:9 warning placeholder-text signer（落款）',
        'screens/dating.yaml:2:11 warning placeholder-text location（屏幕位置）',
        'site.yaml:3:14 warning placeholder-text description（平台简介）',
        `${COUNTS}:4:1 warning few-responses satisfaction（满意率）`,
        `${COUNTS}:8:12 warning not-published responses（评价人数）`,
        `${GOOD_RATE}:4:1 warning few-responses goodRate（好评率）`,
        `${GOOD_RATE}:6:9 warning placeholder-text method（评价方式）`,
        `${POST}:1:1 warning post-gap complaint（投诉受理）`,
        `${POST}:1:1 warning post-gap phrases（服务用语）`,
        `${POST}:1:1 warning post-gap requirements（履职要求）`,
        `${POST}:1:1 warning post-gap timeLimits（工作时限）`,
        'units/chuangkou/pledges/2026.yaml:20:15 warning placeholder-text items[3].evidence（兑现佐证）',
        `${GUIDE}:15:6 warning not-published fee（收费标准）`,
        `${GUIDE}:12:14 warning not-published timeLimit.statutory（法定办结时限）`,
        `${GUIDE}:2:7 warning unfilled code（事项编码）`,
        `${GUIDE}:19:15 warning hours-part-of-day hours.regular[0].times[0]（时段）`,
        'units/chuangkou/staff/li-hua.yaml:8:8 warning placeholder-text intro（个人简介）',
        'units/chuangkou/unit.yaml:5:8 warning not-published phone（咨询电话）',
      ].sort(),
    );
  });

  it('lets the content publish: none of them is an error', () => {
    expect(problems.filter((p) => p.severity === 'error').map(at)).toEqual([]);
    expect(hasErrors(problems)).toBe(false);
  });

  it('names the placeholder words found, in every kind of file', () => {
    const words = Object.fromEntries(found.filter((p) => p.kind === 'placeholder-text').map((p) => [p.file, p.message]));
    expect(words).toEqual({
      'site.yaml': '“平台简介”里的“待补充”是占位的字，不是内容，会原样印在公示牌上',
      'units/chuangkou/staff/li-hua.yaml': '“个人简介”里的“xxx”是占位的字，不是内容，会原样印在公示牌上',
      'units/chuangkou/pledges/2026.yaml': '“兑现佐证”里的“同上”是占位的字，不是内容，会原样印在公示牌上',
      'notices/gonggao.md': '“落款”里的“原文未写”是占位的字，不是内容，会原样印在公示牌上',
      'screens/dating.yaml': '“屏幕位置”里的“……”是占位的字，不是内容，会原样印在公示牌上',
      [GOOD_RATE]: '“评价方式”里的“暂无”是占位的字，不是内容，会原样印在公示牌上',
    });
  });

  it('says a rate rests on very few responses, naming the rate, its value and the count', () => {
    expect(one('few-responses', GOOD_RATE).message).toBe('好评率 100% 只基于 7 份评价，不到 30 份：一两个人的评价就能让它变动很多，不能说明大多数群众满意');
    expect(one('few-responses', COUNTS).message).toBe('满意率 96% 只基于 6 份评价（各等级人数合计），不到 30 份：一两个人的评价就能让它变动很多，不能说明大多数群众满意');
    expect(one('few-responses', GOOD_RATE).fix).toContain('核对评价人数是否写对');
  });

  it('says which elements a duties-only post leaves out, and how to write them or mark them 未公布', () => {
    const gaps = found.filter((p) => p.kind === 'post-gap');
    expect(gaps.map((p) => p.message)).toEqual(['履职要求', '工作时限', '服务用语', '投诉受理'].map((t) => `岗位“综合窗口”没有写${t}：网页、公示牌和显示屏上写明“未公布”`));
    expect(gaps[0]?.fix).toBe('按岗位的原文加上\nrequirements:\n  - 一次性告知所需材料\n原文确实只公布了岗位职责的，写 requirements: 未公布');
  });

  it('says which number pages give for a unit that publishes no phone, never as its own', () => {
    expect(one('not-published', 'units/chuangkou/unit.yaml').message).toBe(
      '“咨询电话”写的是“未公布”：网页、打印件和显示屏上写“本单位未公布电话，可拨打测试县总咨询电话 0570-1234 5678”，不会把这个号码当成本单位的电话',
    );
  });

  it('says hours written 上午 have no clock times, and keeps them as written', () => {
    const p = one('hours-part-of-day', GUIDE);
    expect(p.message).toBe('办公时间只写了“上午”，没有写几点到几点：网页和打印件照原文显示“上午”');
    expect(p.fix).toContain('"08:30-12:00"');
  });

  it('says what 未公布 and 待填写 mean for a guide', () => {
    expect(one('unfilled', GUIDE).message).toBe('“事项编码”还没有填写（写的是“待填写”），网站和打印件会写明尚未填写');
    expect(found.find((p) => p.field === 'fee')?.message).toBe('“收费标准”写的是“未公布”：本单位公开的材料里没有这一项，网站和打印件会如实写明未公布');
  });

  it('names the fallback channel of site.yaml when there is one', () => {
    const withFallback = folder({
      'site.yaml': replaceIn('site.yaml', 'supervision:\n', 'fallback:\n  name: 政务服务便民热线\n  phone: "12345"\nsupervision:\n'),
      'units/chuangkou/unit.yaml': replaceIn('units/chuangkou/unit.yaml', 'summary: 负责测试事项的受理和发证。\n', 'summary: 负责测试事项的受理和发证。\nphone: 待填写\n'),
    });
    const p = check(withFallback).problems.find((x) => x.file === 'units/chuangkou/unit.yaml' && x.kind === 'unfilled');
    expect(p && at(p)).toBe('units/chuangkou/unit.yaml:5:8 warning unfilled phone（咨询电话）');
    expect(p?.message).toBe('“咨询电话”写的是“待填写”：网页、打印件和显示屏上写“本单位电话待填写，可拨打政务服务便民热线 12345”，不会把这个号码当成本单位的电话');
    expect(p?.fix).toBe('按单位公开的材料填上咨询电话（加英文引号）；确实没有公布电话的，改成 未公布');
  });
});

describe('phones written as real pages write them', () => {
  const POSTFILE = 'units/chuangkou/posts/shouli.yaml';
  const withPhone = (phone: string, site?: [string, string]) =>
    folder({
      [POSTFILE]: replaceIn(POSTFILE, '  phone: "0570-1234 9999"', `  phone: "${phone}"`),
      ...(site ? { 'site.yaml': replaceIn('site.yaml', ...site) } : {}),
    });
  const local = (dir: string) => check(dir).problems.filter((p) => p.kind === 'phone-local');

  it('accepts em dashes, full-width hyphens, extensions after a hyphen and two numbers in one field', () => {
    for (const phone of ['023—65751638', '0531－12380', '0570-6747 5557-678', '0570-2342699;0570-2342277']) expect(local(withPhone(phone)), phone).toEqual([]);
  });

  it('without an area code in site.yaml, calls a local number an error whose fix names no real area code', () => {
    const [p, ...rest] = local(withPhone('2342699'));
    expect(rest).toEqual([]);
    expect(p && at(p)).toBe(`${POSTFILE}:8:10 error phone-local complaint.phone（投诉电话）`);
    expect(p?.message).toBe('固定电话要写区号：“2342699”前面缺少区号');
    expect(p?.fix).toBe(
      '在前面加上本地的区号（0 开头的 3 到 4 位数字），写成 "区号-2342699"；或者在 site.yaml 里写上本地区号（areaCode，加英文引号），不带区号的号码就按这个区号显示和拨打',
    );
    expect(p?.fix).not.toMatch(/0570/);
  });

  it('with site.yaml’s area code, accepts a local number that makes a whole number with it', () => {
    expect(local(withPhone('2342699', ['phone: "0570-1234 5678"\n', 'phone: "0570-1234 5678"\nareaCode: "0570"\n']))).toEqual([]);
    expect(local(withPhone('6575 1638', ['phone: "0570-1234 5678"\n', 'phone: "0570-1234 5678"\nareaCode: "023"\n']))).toEqual([]);
  });

  it('with site.yaml’s area code, names that code in the fix for a local number that does not fit it', () => {
    const [p, ...rest] = local(withPhone('2342699', ['phone: "0570-1234 5678"\n', 'phone: "0570-1234 5678"\nareaCode: "023"\n']));
    expect(rest).toEqual([]);
    expect(p && at(p)).toBe(`${POSTFILE}:8:10 error phone-local complaint.phone（投诉电话）`);
    expect(p?.message).toBe('“2342699”没有写区号，按本站的区号 023 拨打是 023-2342699：区号 023 的电话号码应为 8 位，这里是 7 位：“2342699”');
    expect(p?.fix).toBe('核对号码，例如 "023-6512 3456"；是外地的号码的，在前面写上它自己的区号');
  });

  it('reads the area code of a site.yaml that failed for another reason, so one error does not bring a second', () => {
    const dir = withPhone('2342699', ['phone: "0570-1234 5678"\n', 'phone: "0570-1234 5678"\nareaCode: "0570"\nlocale: en\n']);
    const problems = check(dir).problems;
    expect(problems.filter((p) => p.file === 'site.yaml' && p.severity === 'error')).not.toEqual([]);
    expect(problems.filter((p) => p.kind === 'phone-local')).toEqual([]);
  });

  it('writes the example complaint phone with site.yaml’s area code, or a neutral 区号', () => {
    const noComplaint = replaceIn(
      'units/chuangkou/unit.yaml',
      '    - type: 投诉电话\n      name: 中心督查室\n      value: "0570-1234 9999"\n',
      '    - type: 意见箱\n      value: 大厅入口\n',
    );
    const mode = (text: string) => text.replace('supervision:\n', 'supervision:\n  mode: replace\n');
    const fixOf = (site?: [string, string]) =>
      check(folder({ 'units/chuangkou/unit.yaml': mode(noComplaint), ...(site ? { 'site.yaml': replaceIn('site.yaml', ...site) } : {}) })).problems.find(
        (p) => p.kind === 'no-complaint-channel',
      )?.fix;
    expect(fixOf()).toContain('value: "区号-6012 3012"');
    expect(fixOf(['phone: "0570-1234 5678"\n', 'phone: "0570-1234 5678"\nareaCode: "0531"\n'])).toContain('value: "0531-6012 3012"');
  });
});
