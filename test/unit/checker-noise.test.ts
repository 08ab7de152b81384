/** What real content folders hold besides content, and problems that must not hide each other. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, hasErrors } from '#lib/content/check.ts';
import { lastChangedDates } from '#lib/content/updated.ts';
import { SMALL } from '../helpers/content.ts';

const UNIT = 'units/chuangkou/unit.yaml';
const PROCEDURE = 'units/chuangkou/procedures/ceshi-shixiang.md';
const STAFF = 'units/chuangkou/staff/li-hua.yaml';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'siliang-noise-'));
  dirs.push(dir);
  cpSync(SMALL, dir, { recursive: true });
  return dir;
}

function change(dir: string, file: string, from: string, to: string) {
  const text = readFileSync(join(dir, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  writeFileSync(join(dir, file), text.replace(from, to));
}

const check = (dir: string) => checkContent(dir, { today: '2026-11-22', lastChanged: () => '2026-11-20' });

describe('documents kept beside the content', () => {
  it('ignores a README.md, a SOURCES.md and the originals in a unit folder, with one notice', () => {
    const dir = copy();
    writeFileSync(join(dir, 'README.md'), '# 本机构的公开内容\n');
    writeFileSync(join(dir, 'SOURCES.md'), '# 来源\n\n- 综合受理窗口：县政务服务网办事指南\n');
    writeFileSync(join(dir, 'units/chuangkou/SOURCES.md'), '来源：窗口提供的纸质办事指南\n');
    writeFileSync(join(dir, 'units/chuangkou/办事指南原文.docx'), 'PK');
    writeFileSync(join(dir, 'units/chuangkou/花名册.xlsx'), 'PK');
    writeFileSync(join(dir, '说明.txt'), '说明\n');
    const { problems } = check(dir);
    expect(hasErrors(problems)).toBe(false);
    const notices = problems.filter((p) => p.kind === 'documents-ignored');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      severity: 'warning',
      file: 'SOURCES.md',
      message:
        '内容文件夹里有 5 个文档（SOURCES.md、units/chuangkou/SOURCES.md、units/chuangkou/办事指南原文.docx、units/chuangkou/花名册.xlsx、说明.txt），它们不是内容文件，不会发布，已忽略',
    });
  });

  it('says nothing about a README.md alone, the folder explaining itself', () => {
    const dir = copy();
    writeFileSync(join(dir, 'README.md'), '# 说明\n');
    expect(check(dir).problems.filter((p) => p.kind === 'documents-ignored' || p.kind === 'stray-file')).toEqual([]);
  });

  it('still reports a Markdown file inside a collection folder, where it would be taken for content', () => {
    const dir = copy();
    writeFileSync(join(dir, 'units/chuangkou/staff/notes.md'), '备注\n');
    expect(
      check(dir)
        .problems.filter((p) => p.kind === 'stray-file')
        .map((p) => p.file),
    ).toEqual(['units/chuangkou/staff/notes.md']);
  });
});

describe('independent problems in one run', () => {
  it('reports a guide with nowhere to go even when its unit.yaml has an error of its own', () => {
    const dir = copy();
    change(dir, UNIT, 'location:\n  building: 政务服务中心\n  floor: 一楼\n  windows: ["1", "2"]', 'location: {}\nnmae: 多写的字段');
    change(dir, STAFF, 'window: "1"\n', '');
    const errors = check(dir).problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.file}:${p.line}:${p.column} ${p.kind}`)).toEqual([`${UNIT}:6:1 unrecognized_keys`, `${PROCEDURE}:2:1 no-place`]);
  });

  it('does not ask where to go of a guide done entirely online (visits: 0)', () => {
    const dir = copy();
    change(dir, UNIT, 'location:\n  building: 政务服务中心\n  floor: 一楼\n  windows: ["1", "2"]', 'location: {}');
    change(dir, STAFF, 'window: "1"\n', '');
    change(dir, PROCEDURE, 'visits: 1', 'visits: 0');
    expect(check(dir).problems.filter((p) => p.kind === 'no-place')).toEqual([]);
    change(dir, PROCEDURE, 'visits: 0', 'visits: 1');
    expect(check(dir).problems.filter((p) => p.kind === 'no-place')).toHaveLength(1);
  });
});

describe('the date of a file outside Git', () => {
  const git = (dir: string, ...args: string[]) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=测试', '-c', 'user.email=t@example.invalid', ...args], { stdio: ['ignore', 'pipe', 'ignore'] });

  it('is not known: a folder that is no Git repository gives no date, not the day it was copied', () => {
    const dir = copy();
    const dateOf = lastChangedDates(dir, 'Asia/Shanghai');
    expect(dateOf(STAFF)).toBeUndefined();
    expect(dateOf(UNIT)).toBeUndefined();
  });

  it('comes from Git for a committed file, and is not known for a file never added', () => {
    const dir = copy();
    git(dir, 'init', '-q');
    git(dir, 'add', UNIT);
    execFileSync('git', ['-C', dir, '-c', 'user.name=测试', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'unit', '--date', '2026-09-01T10:00:00+08:00'], {
      env: { ...process.env, GIT_COMMITTER_DATE: '2026-09-01T10:00:00+08:00' },
      stdio: 'ignore',
    });
    const dateOf = lastChangedDates(dir, 'Asia/Shanghai');
    expect(dateOf(UNIT)).toBe('2026-09-01');
    expect(dateOf(STAFF)).toBeUndefined();
  });
});
