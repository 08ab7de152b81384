/**
 * `npm run check` as a publicity officer and a supervisor use it: the
 * script run in a child process on a broken copy of the small fixture.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL } from '../helpers/content.ts';
import { runScript, type Run } from '../helpers/run.ts';

const broken = mkdtempSync(join(tmpdir(), 'siliang-cli-'));
const report = join(broken, '..', `${broken.split(/[\\/]/).at(-1)}-report.html`);
const runs: Record<string, Run> = {};

beforeAll(async () => {
  cpSync(SMALL, broken, { recursive: true });
  const edit = (file: string, from: string, to: string) => {
    const path = join(broken, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
  };
  edit('units/chuangkou/staff/li-hua.yaml', 'number: "CK0101"', 'number: 0101');
  edit('units/chuangkou/posts/shouli.yaml', 'phone: "0570-1234 9999"', 'phone: "138 0570 123"');
  edit('units/chuangkou/procedures/ceshi-shixiang.md', 'steps:', 'steps: []\nstepz:');
  edit('units/chuangkou/procedures/ceshi-shixiang.md', 'eligibility:\n  - 本县户籍居民\n', '');
  const now = ['--now', '2026-11-22'];
  const [text, json, stale, staleJson, brokenTable, brokenHtml, table, html, goodStale, good, badNow] = await Promise.all([
    runScript('check.ts', ['--content', broken, ...now]),
    runScript('check.ts', ['--content', broken, ...now, '--json']),
    runScript('check.ts', ['--content', broken, ...now, '--stale']),
    runScript('check.ts', ['--content', broken, ...now, '--stale', '--json']),
    runScript('check.ts', ['--content', broken, ...now, '--report']),
    runScript('check.ts', ['--content', broken, ...now, '--report', '--html']),
    runScript('check.ts', ['--content', SMALL, ...now, '--report']),
    runScript('check.ts', ['--content', SMALL, ...now, '--report', '--html', '--out', report]),
    runScript('check.ts', ['--content', SMALL, ...now, '--stale']),
    runScript('check.ts', ['--content', SMALL, ...now]),
    runScript('check.ts', ['--content', SMALL, '--now', '2026-13-01']),
  ]);
  Object.assign(runs, { text, json, stale, staleJson, brokenTable, brokenHtml, table, html, goodStale, good, badNow });
});

afterAll(() => {
  rmSync(broken, { recursive: true, force: true });
  rmSync(report, { force: true });
});

const LOCATED = /^[^\s:]+(?:\/[^\s:]+)*:\d+:\d+ {2}\S/;

describe('npm run check on a folder with errors', () => {
  it('exits 1 and prints each problem on one line: place, field, message, fix', () => {
    const { code, stdout } = runs.text as Run;
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toContain(
      'units/chuangkou/staff/li-hua.yaml:6:9  number（工号）  YAML 把没有引号的 0101 读成了数字 101，开头的 0 会丢失  修改：加上英文引号，写成 number: "0101"',
    );
    expect(lines).toContain(
      'units/chuangkou/posts/shouli.yaml:8:10  complaint.phone（投诉电话）  手机号码应为 11 位，这里只有 10 位：“1380570123”  修改：核对号码，是不是少写了数字？',
    );
    expect(lines).toContain('units/chuangkou/procedures/ceshi-shixiang.md:16:1  stepz  不认识的字段“stepz”  修改：是不是想写 steps（办理流程）？');
    // A fix over several lines stays on one line.
    expect(lines).toContain('units/chuangkou/procedures/ceshi-shixiang.md:2:1  eligibility（受理条件）  缺少必填的“受理条件”  修改：加上 ⏎ eligibility: ⏎   - 第一项');
    // eslint-disable-next-line no-control-regex -- an ANSI colour escape
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('puts errors under one heading and warnings under another, then a summary', () => {
    const lines = (runs.text as Run).stdout.trimEnd().split('\n');
    const errorsAt = lines.findIndex((l) => l.startsWith('✗ 内容有 5 处错误'));
    const warningsAt = lines.findIndex((l) => l.startsWith('! 3 处提醒'));
    expect(errorsAt).toBe(0);
    expect(warningsAt).toBeGreaterThan(errorsAt);
    const problemLines = lines.filter((l) => LOCATED.test(l));
    expect(problemLines).toHaveLength(8);
    expect(lines.slice(errorsAt + 1, warningsAt).filter((l) => LOCATED.test(l))).toHaveLength(5);
    expect(lines.at(-1)).toMatch(/^5 处错误，3 处提醒；检查了 11 个文件，用时 \d+ 毫秒$/);
  });

  it('gives the same problems as JSON with --json', () => {
    const { code, stdout } = runs.json as Run;
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      today: string;
      errors: number;
      warnings: number;
      files: number;
      ms: number;
      problems: Array<Record<string, unknown>>;
    };
    expect(report).toMatchObject({ today: '2026-11-22', errors: 5, warnings: 3, files: 11 });
    expect(report.ms).toBeGreaterThanOrEqual(0);
    expect(report.problems).toHaveLength(8);
    expect(report.problems[0]).toEqual({
      file: 'units/chuangkou/posts/shouli.yaml',
      line: 8,
      column: 10,
      field: 'complaint.phone',
      fieldTitle: '投诉电话',
      severity: 'error',
      kind: 'phone',
      message: '手机号码应为 11 位，这里只有 10 位：“1380570123”',
      fix: '核对号码，是不是少写了数字？',
    });
    expect(report.problems.map((p) => p.severity)).toEqual([...Array(5).fill('error'), ...Array(3).fill('warning')]);
  });

  it('lists only what is out of date with --stale, grouped by unit, and still exits 1', () => {
    const { code, stdout, stderr } = runs.stale as Run;
    expect(code).toBe(1);
    expect(stderr).toContain('注意：内容还有 5 处错误，有错误的文件没有计入上面的结果。运行 npm run check 查看并改正。');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('过期和需要核对的内容（截至 2026-11-22）：共 3 项');
    expect(lines).toContain('全站（网站设置、公告）：1 项');
    expect(lines).toContain('综合受理窗口（units/chuangkou/）：2 项');
    expect(lines.filter((l) => LOCATED.test(l)).map((l) => l.split('  ')[0])).toEqual([
      'notices/gongshi-ended.md:7:8',
      'units/chuangkou/pledges/2026.yaml:13:13',
      'units/chuangkou/unit.yaml:14:10',
    ]);
    expect(stdout).not.toContain('工号');
  });

  it('exits 1 with --stale --json, saying how many errors the content has', () => {
    const { code, stdout } = runs.staleJson as Run;
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { contentErrors: number; errors: number; warnings: number; problems: unknown[] };
    expect(report).toMatchObject({ contentErrors: 5, errors: 0, warnings: 3 });
    expect(report.problems).toHaveLength(3);
  });

  it('still prints the completeness table with --report, and exits 1', () => {
    const { code, stdout, stderr } = runs.brokenTable as Run;
    expect(code).toBe(1);
    expect(stdout).toContain('综合受理窗口（units/chuangkou/）');
    expect(stderr).toContain('注意：内容还有 5 处错误');
    const page = runs.brokenHtml as Run;
    expect(page.code).toBe(1);
    expect(page.stdout).toContain('<html lang="zh-CN">');
  });
});

describe('npm run check on a valid folder', () => {
  it('exits 0 when there are only warnings', () => {
    const { code, stdout } = runs.good as Run;
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^0 处错误，3 处提醒；检查了 11 个文件，用时 \d+ 毫秒$/);
  });

  it('exits 0 with --stale when there are only warnings', () => {
    const { code, stdout, stderr } = runs.goodStale as Run;
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('过期和需要核对的内容（截至 2026-11-22）：共 3 项');
    expect(stderr).not.toContain('错误');
  });

  it('prints the completeness table with --report', () => {
    const { code, stdout, stderr } = runs.table as Run;
    expect(code).toBe(0);
    expect(stderr).not.toContain('错误');
    expect(stdout).toContain('综合受理窗口（units/chuangkou/）  完整度 88%');
    expect(stdout).toMatch(/受理条件 +1\/1 +100%/);
  });

  it('writes a printable page with --report --html --out', () => {
    expect((runs.html as Run).code).toBe(0);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('综合受理窗口');
  });

  it('refuses a clock it cannot read', () => {
    expect((runs.badNow as Run).code).toBe(2);
    expect((runs.badNow as Run).stderr).toContain('--now 要写成 2026-11-22 这样的日期');
  });
});
