/**
 * Content is read only from inside the content folder: symbolic links that
 * lead out of it, and paths in content files that climb out of it, are
 * errors at the file or the line that names them; links that stay inside
 * are followed as the build follows them.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import type { Problem } from '#lib/content/problem.ts';
import { FRESHNESS_KINDS } from '#lib/content/rules/freshness.ts';
import { SMALL, yaml } from '../helpers/content.ts';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the small fixture, and a folder beside it that is not content. */
function setUp(): { dir: string; outside: string } {
  const top = mkdtempSync(join(tmpdir(), 'siliang-paths-'));
  made.push(top);
  const dir = join(top, 'content');
  const outside = join(top, 'outside');
  cpSync(SMALL, dir, { recursive: true });
  mkdirSync(outside);
  return { dir, outside };
}

/** Errors and warnings other than the fixture's own dated ones. */
const check = (dir: string) => {
  const result = checkContent(dir, { today: '2026-11-22', lastChanged: () => '2026-11-20' });
  return { ...result, problems: result.problems.filter((p) => !FRESHNESS_KINDS.has(p.kind)) };
};
const errors = (dir: string): Problem[] => check(dir).problems.filter((p) => p.severity === 'error');

let png: Buffer;
beforeAll(async () => {
  png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a6' } })
    .png()
    .toBuffer();
});

const PROCEDURE = 'units/chuangkou/procedures/ceshi-shixiang.md';
/** A valid service guide; with no extra material lines its body starts on line 20. */
const procedure = (materialExtra: string[], ...body: string[]) =>
  yaml(
    '---', // 1
    'code: "330000-000-GG-0001"', // 2
    'name: 测试证明办理', // 3
    'summary: 为申请人开具测试证明。', // 4
    'eligibility:', // 5
    '  - 本县户籍居民', // 6
    'materials:', // 7
    '  - name: 居民身份证', // 8
    '    form: 原件', // 9
    ...materialExtra, // 10…
    'steps:',
    '  - name: 窗口受理',
    'timeLimit:',
    '  statutory: 20',
    '  promised: 5',
    'visits: 1',
    'fee: 不收费',
    'legalBasis:',
    '  - 《测试条例》第三条',
    '---',
    ...body,
  );

describe('symbolic links in the content folder', () => {
  it('reports a staff file linked from outside the folder, by name, and does not read it', () => {
    const { dir, outside } = setUp();
    // A valid identity number the privacy guard would report, were the file read.
    writeFileSync(join(outside, 'wang.yaml'), yaml('name: 王五', 'photo: ./li-hua.jpg', 'post: shouli', 'title: 身份证 33010619900101123X'));
    symlinkSync(join(outside, 'wang.yaml'), join(dir, 'units/chuangkou/staff/wang-wu.yaml'));
    const { problems, files } = check(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', kind: 'link-outside', file: 'units/chuangkou/staff/wang-wu.yaml' });
    expect(problems[0]?.line).toBeUndefined();
    expect(problems[0]?.message).toContain('内容文件夹外面');
    expect(problems[0]?.message).toContain(join(outside, 'wang.yaml'));
    expect(problems[0]?.fix).toContain('复制');
    expect(files).toBe(check(SMALL).files);
  });

  it('reports a blank form linked to a file outside, at the line that names it as well as by its own name', () => {
    const { dir, outside } = setUp();
    writeFileSync(join(outside, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
    mkdirSync(join(dir, 'units/chuangkou/procedures/forms'));
    symlinkSync(join(outside, 'passwd'), join(dir, 'units/chuangkou/procedures/forms/shenqingbiao.pdf'));
    writeFileSync(join(dir, PROCEDURE), procedure(['    blankForm: ./forms/shenqingbiao.pdf'], '正文'));
    const found = errors(dir);
    expect(found.map((p) => [p.kind, p.file, p.line, p.column, p.field])).toEqual([
      ['link-outside', 'units/chuangkou/procedures/forms/shenqingbiao.pdf', undefined, undefined, undefined],
      ['outside-content', PROCEDURE, 10, 16, 'materials[0].blankForm'],
    ]);
    expect(found[1]?.message).toContain(join(outside, 'passwd'));
  });

  it('reports a staff photo linked from outside at its photo field', () => {
    const { dir, outside } = setUp();
    writeFileSync(join(outside, 'portrait.jpg'), readFileSync(join(dir, 'units/chuangkou/staff/li-hua.jpg')));
    unlinkSync(join(dir, 'units/chuangkou/staff/li-hua.jpg'));
    symlinkSync(join(outside, 'portrait.jpg'), join(dir, 'units/chuangkou/staff/li-hua.jpg'));
    const photo = errors(dir).find((p) => p.file === 'units/chuangkou/staff/li-hua.yaml');
    expect(photo).toMatchObject({ kind: 'outside-content', line: 2, column: 8, field: 'photo' });
  });

  it('reports a link through a linked folder that leads outside', () => {
    const { dir, outside } = setUp();
    mkdirSync(join(outside, 'forms'));
    writeFileSync(join(outside, 'forms', 'biao.pdf'), '%PDF-1.4\n');
    symlinkSync(join(outside, 'forms'), join(dir, 'units/chuangkou/procedures/forms'));
    writeFileSync(join(dir, PROCEDURE), procedure(['    blankForm: ./forms/biao.pdf'], '正文'));
    expect(errors(dir).map((p) => [p.kind, p.file])).toEqual([
      ['link-outside', 'units/chuangkou/procedures/forms'],
      ['outside-content', PROCEDURE],
    ]);
  });

  it('follows a link to a folder inside the content folder and checks what it finds under the link’s own path, as the build publishes it', () => {
    const { dir } = setUp();
    symlinkSync('chuangkou', join(dir, 'units/fenzhan'));
    const staff = join(dir, 'units/chuangkou/staff/li-hua.yaml');
    writeFileSync(staff, readFileSync(staff, 'utf8').replace('number: "CK0101"', 'number: 0101'));
    const found = errors(dir);
    expect(found.map((p) => [p.file, p.field])).toEqual([
      ['units/chuangkou/staff/li-hua.yaml', 'number'],
      ['units/fenzhan/staff/li-hua.yaml', 'number'],
    ]);
    expect(check(dir).files).toBeGreaterThan(check(SMALL).files);
  });

  it('accepts a form linked from elsewhere inside the folder', () => {
    const { dir } = setUp();
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared/biao.pdf'), '%PDF-1.4\n');
    mkdirSync(join(dir, 'units/chuangkou/procedures/forms'));
    symlinkSync('../../../../shared/biao.pdf', join(dir, 'units/chuangkou/procedures/forms/biao.pdf'));
    writeFileSync(join(dir, PROCEDURE), procedure(['    blankForm: ./forms/biao.pdf'], '正文'));
    expect(errors(dir)).toEqual([]);
  });

  it('reports a link round in a loop once, however many ways lead to it, and finishes', () => {
    const { dir } = setUp();
    symlinkSync('..', join(dir, 'units/chuangkou/loop'));
    symlinkSync('chuangkou', join(dir, 'units/fenzhan'));
    const loops = errors(dir).filter((p) => p.kind === 'link-loop');
    expect(loops).toHaveLength(1);
    expect(loops[0]?.file).toMatch(/^units\/(chuangkou|fenzhan)\/loop$/);
  });

  it('reports a link to nothing', () => {
    const { dir } = setUp();
    symlinkSync('nowhere.yaml', join(dir, 'units/chuangkou/staff/zhang-san.yaml'));
    expect(errors(dir)).toMatchObject([{ kind: 'broken-link', file: 'units/chuangkou/staff/zhang-san.yaml' }]);
  });
});

describe('paths in a Markdown body', () => {
  it('refuses a picture that climbs out of the content folder, at its line and column', () => {
    const { dir } = setUp();
    writeFileSync(join(dir, PROCEDURE), procedure([], '正文', '', '![平面图](../../../../outside-secret.png)'));
    expect(errors(dir)).toMatchObject([{ kind: 'outside-content', file: PROCEDURE, line: 22, column: 8, fieldTitle: '正文' }]);
  });

  it('refuses a picture path to a system file, whatever its extension', () => {
    const { dir } = setUp();
    writeFileSync(join(dir, PROCEDURE), procedure([], '![口令](../../../../../../../../etc/passwd)'));
    const [p, ...rest] = errors(dir);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ kind: 'outside-content', line: 20, column: 7 });
    expect(p?.message).toContain('内容文件夹外面');
  });

  it('refuses a picture in the folder that is a link to a file outside it', () => {
    const { dir, outside } = setUp();
    writeFileSync(join(outside, 'secret.png'), png);
    symlinkSync(join(outside, 'secret.png'), join(dir, 'units/chuangkou/procedures/tu.png'));
    writeFileSync(join(dir, PROCEDURE), procedure([], '见下图：![流程](./tu.png)'));
    const onLine = errors(dir).filter((p) => p.file === PROCEDURE);
    expect(onLine).toMatchObject([{ kind: 'outside-content', line: 20, column: 11 }]);
    expect(onLine[0]?.message).toContain(join(outside, 'secret.png'));
  });

  it('refuses a percent-escaped climb out, as the build would read it', () => {
    const { dir } = setUp();
    writeFileSync(join(dir, PROCEDURE), procedure([], '![图](%2e%2e/%2e%2e/%2e%2e/%2e%2e/x.png)'));
    expect(errors(dir)).toMatchObject([{ kind: 'outside-content', line: 20 }]);
  });

  it('reports a picture that is not there', () => {
    const { dir } = setUp();
    writeFileSync(join(dir, PROCEDURE), procedure([], '![流程](./liucheng.png)'));
    const [p] = errors(dir);
    expect(p).toMatchObject({ kind: 'missing-file', line: 20, column: 7 });
    expect(p?.message).toBe('找不到图片文件 units/chuangkou/procedures/liucheng.png');
  });

  it('accepts a picture beside the file, with or without ./', () => {
    const { dir } = setUp();
    writeFileSync(join(dir, 'units/chuangkou/procedures/tu.png'), png);
    writeFileSync(join(dir, PROCEDURE), procedure([], '![流程](./tu.png)', '', '![流程](tu.png)'));
    expect(errors(dir)).toEqual([]);
  });

  it('refuses a link to a file outside the folder, and leaves links to pages, anchors and web addresses alone', () => {
    const { dir } = setUp();
    writeFileSync(
      join(dir, PROCEDURE),
      procedure([], '[申请表](../../../../secret.pdf)', '', '[首页](../../../../) [常见问题](#faq) [政务网](https://zwfw.ceshi.example/) [站内](/search/)'),
    );
    expect(errors(dir)).toMatchObject([{ kind: 'outside-content', line: 20, column: 7 }]);
  });
});
