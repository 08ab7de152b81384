/**
 * Problems that only show across files: references, duplicates, names that
 * would make bad addresses, files in the wrong place.
 */
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent as checkFolder } from '#lib/content/check.ts';
import { FRESHNESS_KINDS } from '#lib/content/rules/freshness.ts';
import { SMALL } from '../helpers/content.ts';

/**
 * The folder's problems on the fixture's own clock, leaving out the
 * freshness warnings its dates call for (an overdue pledge, an ended
 * public-comment notice), which test/unit/freshness.test.ts covers.
 */
const checkContent = (dir: string) => {
  const check = checkFolder(dir, { today: '2026-11-22', lastChanged: () => '2026-11-20' });
  return { ...check, problems: check.problems.filter((p) => !FRESHNESS_KINDS.has(p.kind)) };
};

const made: string[] = [];
/** A copy of the small fixture to break. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'siliang-content-'));
  cpSync(SMALL, dir, { recursive: true });
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});
const edit = (dir: string, file: string, from: string, to: string) => {
  const path = join(dir, file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
};

describe('content folder checks', () => {
  it('finds no problem in the small fixture', () => {
    expect(checkContent(SMALL).problems).toEqual([]);
  });

  it('names a post that does not exist, and the posts that do', () => {
    const dir = copy();
    edit(dir, 'units/chuangkou/staff/li-hua.yaml', 'post: shouli', 'post: shouil');
    const [p, ...rest] = checkContent(dir).problems;
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ kind: 'dangling-reference', file: 'units/chuangkou/staff/li-hua.yaml', line: 3, column: 7, field: 'post' });
    expect(p?.message).toBe('找不到岗位“shouil”：units/chuangkou/posts/里没有 shouil.yaml');
    expect(p?.fix).toContain('改成已有的岗位之一：shouli');
  });

  it('names an award winner and a notice unit that do not exist', () => {
    const dir = copy();
    edit(dir, 'units/chuangkou/evaluations/2026-q3.yaml', 'staff: li-hua', 'staff: li-hau');
    edit(dir, 'notices/gongshi-open.md', 'unit: chuangkou', 'unit: chuangkuo');
    const problems = checkContent(dir).problems;
    expect(problems.map((p) => [p.file, p.field]).sort()).toEqual([
      ['notices/gongshi-open.md', 'unit'],
      ['units/chuangkou/evaluations/2026-q3.yaml', 'awards[0].staff'],
    ]);
  });

  it('names a unit given a privacy tier in site.yaml that does not exist, and accepts one that does', () => {
    const dir = copy();
    writeFileSync(join(dir, 'site.yaml'), `${readFileSync(join(dir, 'site.yaml'), 'utf8')}privacy:\n  units:\n    chuangkou: 只公开岗位\n    chuangkuo: 不公开照片和编号\n`);
    const problems = checkContent(dir).problems;
    expect(problems.map((p) => [p.file, p.field, p.severity])).toEqual([['site.yaml', 'privacy.units.chuangkuo', 'error']]);
    expect(problems[0]?.message).toContain('chuangkuo');
  });

  it('stops the website where free text names a person of a unit whose tier is 只公开岗位, at the field, but not the printer’s build', () => {
    const dir = copy();
    edit(dir, 'units/chuangkou/pledges/2026.yaml', 'title: 2026 年度综合受理窗口服务承诺', 'title: 李华 2026 年度服务承诺');
    edit(dir, 'units/chuangkou/pledges/2026.yaml', 'comment: 承诺具体可行。', 'comment: 承诺具体可行，请张主任督促。');
    edit(dir, 'units/chuangkou/unit.yaml', 'updated: 2026-10-01', 'head:\n  name: 张主任\n  position: 窗口负责人\nupdated: 2026-10-01');
    expect(checkContent(dir).problems.filter((p) => p.kind === 'privacy-tier-name')).toEqual([]);
    writeFileSync(join(dir, 'site.yaml'), `${readFileSync(join(dir, 'site.yaml'), 'utf8')}privacy:\n  units:\n    chuangkou: 只公开岗位\n`);
    const found = checkContent(dir).problems.filter((p) => p.kind === 'privacy-tier-name');
    // The staff member's name in the title, and the head's in a comment; the head's own name field is shown by position, not flagged.
    expect(found.map((p) => [p.file, p.line, p.column, p.field, p.severity])).toEqual([
      ['units/chuangkou/pledges/2026.yaml', 1, 8, 'title', 'error'],
      ['units/chuangkou/pledges/2026.yaml', 26, 22, 'reviews[0].comment', 'error'],
    ]);
    expect(found[0]?.message).toContain('李华');
    expect(found[1]?.message).toContain('张主任');
    expect(found[0]?.fix).toContain('改写为岗位名称');
    // The printed sheets show every name: the printer's build is not held up.
    const forPrint = checkFolder(dir, { today: '2026-11-22', lastChanged: () => '2026-11-20', audience: 'print' }).problems;
    expect(forPrint.filter((p) => p.kind === 'privacy-tier-name')).toEqual([]);
  });

  it('does not call a file with errors of its own missing where it is referred to', () => {
    const dir = copy();
    edit(dir, 'units/chuangkou/staff/li-hua.yaml', 'number: "CK0101"', 'number: 0101');
    const problems = checkContent(dir).problems;
    expect(problems.map((p) => [p.file, p.field])).toEqual([['units/chuangkou/staff/li-hua.yaml', 'number']]);
  });

  it('refuses two files that would have the same address', () => {
    const dir = copy();
    cpSync(join(dir, 'units/chuangkou/procedures/ceshi-shixiang.md'), join(dir, 'units/chuangkou/procedures/ceshi-shixiang.mdx'));
    const problems = checkContent(dir).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'duplicate-id', file: 'units/chuangkou/procedures/ceshi-shixiang.mdx' });
    expect(problems[0]?.message).toContain('units/chuangkou/procedures/ceshi-shixiang.md');
  });

  it('refuses file and folder names that cannot be web addresses', () => {
    const dir = copy();
    renameSync(join(dir, 'units/chuangkou/posts/shouli.yaml'), join(dir, 'units/chuangkou/posts/受理岗.yaml'));
    renameSync(join(dir, 'units/chuangkou'), join(dir, 'units/Chuang Kou'));
    const kinds = checkContent(dir).problems.map((p) => [p.kind, p.file]);
    expect(kinds).toContainEqual(['bad-slug', 'units/Chuang Kou/posts/受理岗.yaml']);
    expect(kinds).toContainEqual(['bad-slug', 'units/Chuang Kou/']);
  });

  it('reports a file in a misspelt folder instead of silently skipping it', () => {
    const dir = copy();
    renameSync(join(dir, 'units/chuangkou/staff'), join(dir, 'units/chuangkou/staf'));
    const problems = checkContent(dir).problems;
    expect(problems.some((p) => p.kind === 'stray-file' && p.file === 'units/chuangkou/staf/li-hua.yaml')).toBe(true);
  });

  it('reports a unit folder without unit.yaml and a missing site.yaml', () => {
    const dir = copy();
    rmSync(join(dir, 'site.yaml'));
    rmSync(join(dir, 'units/chuangkou/unit.yaml'));
    const kinds = checkContent(dir).problems.map((p) => p.kind);
    expect(kinds).toContain('missing-site');
    expect(kinds).toContain('missing-unit-file');
  });

  it('warns, without stopping the build, about a window number the unit does not list', () => {
    const dir = copy();
    edit(dir, 'units/chuangkou/staff/li-hua.yaml', 'window: "1"', 'window: "9"');
    const problems = checkContent(dir).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', kind: 'unknown-window', line: 4 });
  });

  it('reports a missing content folder', () => {
    expect(checkContent('/nonexistent/siliang').problems[0]?.kind).toBe('no-content-folder');
  });
});
