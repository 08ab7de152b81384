/**
 * The privacy rule over a content folder: each finding at its file, line,
 * column and field, masked, with the fix; a mobile anywhere an error except
 * in a field declared for a published phone; the allow-list in site.yaml;
 * and the example organisation clean.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import type { Problem } from '#lib/content/problem.ts';
import { gpsProblems, privacyProblems } from '#lib/privacy/index.ts';
import { SMALL, yaml } from '../helpers/content.ts';

const TODAY = '2026-11-22';
const FIX = '删除；确需公开的，在 site.yaml 的 privacy.allow 里登记并写明原因';
const temp = mkdtempSync(join(tmpdir(), 'siliang-privacy-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let count = 0;

/** A copy of the small fixture with some files replaced or added. */
function folder(files: Record<string, string>): string {
  const dir = join(temp, `content-${count++}`);
  cpSync(SMALL, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

/** Privacy problems of a folder, after checking that the folder is otherwise valid. */
function privacyIn(dir: string): Problem[] {
  const { entries, problems } = checkContent(dir);
  // The checker runs this rule too; anything else wrong would spoil the case.
  expect(problems.filter((p) => p.severity === 'error' && !p.kind.startsWith('privacy-'))).toEqual([]);
  expect(problems.filter((p) => p.kind.startsWith('privacy-')).map(brief)).toEqual(privacyProblems(entries, { contentDir: dir, today: TODAY }).map(brief));
  return privacyProblems(entries, { contentDir: dir, today: TODAY });
}

const brief = (p: Problem) => `${p.severity} ${p.file}:${p.line}:${p.column} ${p.field ?? '-'} ${p.message}`;

const STAFF = yaml(
  'name: 李华',
  'photo: ./li-hua.jpg',
  'post: shouli',
  'window: "1"',
  'number: "CK0101"',
  'licence: "330106850315123"',
  'intro: 联系我 138 0571 0000，家住阳光小区3栋2单元501室',
  'absence: 身份证 33010619900101123X 已登记',
);

describe('staff records', () => {
  const dir = folder({ 'units/chuangkou/staff/li-hua.yaml': STAFF });
  const problems = privacyIn(dir);

  it('reports a mobile, a home address and an identity number at their exact place, masked', () => {
    expect(problems.map(brief)).toEqual([
      'error units/chuangkou/staff/li-hua.yaml:7:12 intro 工作人员信息里有手机号（138****0000），私人手机号不能公开',
      'error units/chuangkou/staff/li-hua.yaml:7:26 intro 工作人员信息里像是写了家庭住址（家住阳光小区*栋*单元*室），住址属于个人隐私，不能公开',
      'error units/chuangkou/staff/li-hua.yaml:8:14 absence 这里写了一个居民身份证号（3301**********123X），身份证号属于个人隐私，不能公开',
    ]);
    expect(problems.map((p) => p.kind)).toEqual(['privacy-mobile', 'privacy-home-address', 'privacy-id-number']);
    expect(problems[2]?.fix).toBe(FIX);
    expect(problems[0]?.fieldTitle).toBe('个人简介');
  });

  it('never prints a whole number', () => {
    for (const p of problems) {
      expect(p.message).not.toContain('138 0571 0000');
      expect(p.message).not.toContain('33010619900101123X');
      expect(p.message).not.toContain('501');
    }
  });

  it('does not read the licence number field as an old identity number', () => {
    expect(problems.some((p) => p.field === 'licence')).toBe(false);
  });

  it('accepts a mobile in the work phone field and errs on one in another field, through the whole-folder check', () => {
    const text = yaml('name: 李华', 'photo: ./li-hua.jpg', 'post: shouli', 'workPhone: "138 0571 0000"', 'intro: 私人 139 0570 1234');
    const { problems } = checkContent(folder({ 'units/chuangkou/staff/li-hua.yaml': text }), { today: TODAY, lastChanged: () => TODAY });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([
      {
        severity: 'error',
        kind: 'privacy-mobile',
        file: 'units/chuangkou/staff/li-hua.yaml',
        line: 5,
        column: 11,
        field: 'intro',
        fieldTitle: '个人简介',
        message: '工作人员信息里有手机号（139****1234），私人手机号不能公开',
        fix: '删除；如果这是单位配发的工作手机，写在 workPhone（工作电话）字段里；确需在这里公开的，在 site.yaml 的 privacy.allow 里登记并写明原因',
      },
    ]);
    expect(problems.some((p) => p.field === 'workPhone')).toBe(false);
  });
});

const UNIT = yaml(
  'name: 综合受理窗口',
  'kind: 政务服务窗口',
  'parent: 测试县政务服务中心',
  'summary: 负责测试事项的受理和发证。',
  'location:',
  '  building: 政务服务中心',
  '  floor: 一楼',
  '  windows: ["1", "2"]',
  'leader:',
  '  name: 王建国',
  '  position: 副主任',
  '  phone: "139 0570 1234"',
  'supervision:',
  '  channels:',
  '    - type: 投诉电话',
  '      name: 夜间值班手机',
  '      value: "138-0571-0000"',
  'updated: 2026-10-01',
);

const NOTICE = [
  '---',
  'type: 公告',
  'title: 元旦假期办公时间安排',
  'date: 2026-11-18',
  'signer: 测试县政务服务中心',
  '---',
  '元旦假期窗口暂停办公。急事请拨值班手机 13605701111。',
  '',
  '联系人：李华，电话 13705702222。',
  '',
  '申请人身份证号 330106850315123 已受理。',
  '',
].join('\n');

describe('units, notices and Markdown bodies', () => {
  const dir = folder({ 'units/chuangkou/unit.yaml': UNIT, 'notices/gonggao.md': NOTICE });
  const problems = privacyIn(dir);

  it('errs on a mobile in free text and on a person’s phone, accepts one in a phone channel, errs on an old identity number in a body', () => {
    expect(problems.map(brief).sort()).toEqual(
      [
        'error notices/gonggao.md:7:21 - 正文里有一个手机号（136****1111），私人手机号不能公开',
        'error notices/gonggao.md:9:11 - 正文里有一个手机号（137****2222），旁边写着人名或联系人，像是个人手机，不能公开',
        'error notices/gonggao.md:11:9 - 正文里有一个像是旧式 15 位居民身份证号的数字（3301*******5123），身份证号属于个人隐私，不能公开',
        'error units/chuangkou/unit.yaml:12:11 leader.phone 王建国的电话写了手机号（139****1234），这里只能写办公电话，私人手机号不能公开',
      ].sort(),
    );
    expect(problems.filter((p) => p.message.includes('136****1111'))[0]).toMatchObject({
      kind: 'privacy-mobile',
      fix: '改成单位的办公电话或服务热线；单位对外公布的工作手机，写在电话字段里（单位的 phone、办事指南的 phones、监督渠道），或在 site.yaml 的 privacy.allow 里登记并写明原因',
    });
  });

  it('lets the allow-list in site.yaml accept a number, and warns about an entry that allows nothing', () => {
    const site = `${readFileSync(join(SMALL, 'site.yaml'), 'utf8').replace(/updated:.*\n/, '')}${yaml(
      'privacy:',
      '  allow:',
      '    - file: notices/gonggao.md',
      '      field: 正文',
      '      value: "137 0570 2222"',
      '      reason: 中心对外公布的联系手机，经中心办公室审批',
      '    - file: notices/gonggao.md',
      '      field: body',
      '      value: "136-0570-1111"',
      '      reason: 值班手机',
      '    - file: notices/gonggao.md',
      '      value: "330106850315123"',
      '      reason: 测试用',
      '    - file: units/chuangkou/unit.yaml',
      '      field: leader.phone',
      '      value: "139 0000 0000"',
      '      reason: 写错了号码',
    )}`;
    const allowed = privacyIn(folder({ 'units/chuangkou/unit.yaml': UNIT, 'notices/gonggao.md': NOTICE, 'site.yaml': site }));
    expect(allowed.map(brief)).toEqual([
      'error units/chuangkou/unit.yaml:12:11 leader.phone 王建国的电话写了手机号（139****1234），这里只能写办公电话，私人手机号不能公开',
      'warning site.yaml:29:7 privacy.allow[3] 隐私检查例外清单的这一条没有用上：units/chuangkou/unit.yaml 的 leader.phone 里没有“139****0000”',
    ]);
  });

  it('does not allow the same number in another field or file', () => {
    const site = `${readFileSync(join(SMALL, 'site.yaml'), 'utf8')}${yaml(
      'privacy:',
      '  allow:',
      '    - file: units/chuangkou/unit.yaml',
      '      field: supervision.channels[0].value',
      '      value: "139 0570 1234"',
      '      reason: 放错了字段',
      '    - file: notices/gonggao.md',
      '      value: "139 0570 1234"',
      '      reason: 放错了文件',
    )}`;
    const problems = privacyIn(folder({ 'units/chuangkou/unit.yaml': UNIT, 'site.yaml': site }));
    expect(problems.filter((p) => p.field === 'leader.phone')).toHaveLength(1);
    expect(problems.filter((p) => p.kind === 'privacy-allow-unused')).toHaveLength(2);
  });
});

describe('home addresses in notices and service guides', () => {
  const notice = [
    '---',
    'type: 公示',
    'title: 服务之星评选结果公示',
    'date: 2026-11-18',
    'period:',
    '  start: 2026-11-18',
    '  end: 2026-11-26',
    'feedback: 来信寄至人民路88号政务服务中心3号楼201室',
    '---',
    '王某某，家住青溪县人民路12号，在窗口工作十年。',
    '',
    '户口簿住址与实际居住地址不一致的，以实际居住地址为准。',
    '',
  ].join('\n');
  const guide = readFileSync(join(SMALL, 'units/chuangkou/procedures/ceshi-shixiang.md'), 'utf8').replace(/^---\n/, '---\nplace: 青溪县人民路88号政务服务中心3号楼201室\n');

  it('errs on a home address said in words, not on office addresses', () => {
    const problems = privacyIn(folder({ 'notices/gongshi-open.md': notice, 'units/chuangkou/procedures/ceshi-shixiang.md': guide }));
    expect(problems.map(brief)).toEqual(['error notices/gongshi-open.md:10:5 - 正文里写了个人的家庭住址（家住青溪县人民路*号），住址属于个人隐私，不能公开']);
    expect(problems[0]).toMatchObject({ kind: 'privacy-home-address', fix: `删除门牌号，最多写到乡镇、村或社区；${FIX}` });
  });

  it('looks in front matter fields too', () => {
    const text = guide.replace('note: 在有效期内', 'note: 委托书上写明受托人住址：城关镇青石村3组18号');
    const problems = privacyIn(folder({ 'units/chuangkou/procedures/ceshi-shixiang.md': text }));
    expect(problems.map(brief)).toEqual([
      'error units/chuangkou/procedures/ceshi-shixiang.md:13:20 materials[0].note 这里写了个人的家庭住址（住址：城关镇青石村*组*号），住址属于个人隐私，不能公开',
    ]);
  });
});

describe('the example organisation', () => {
  it('has no privacy problem and no source photo with a location', () => {
    const dir = join(SMALL, '../../../content');
    const { entries } = checkContent(dir);
    expect(entries.length).toBeGreaterThan(50);
    expect([...privacyProblems(entries, { contentDir: dir, today: TODAY }), ...gpsProblems(entries, { contentDir: dir, today: TODAY })].map(brief)).toEqual([]);
  });
});
