/**
 * Freshness warnings: what a supervisor needs to look at. They are never
 * errors, and "today" is always given, so these tests do not depend on the
 * day they run.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkContent, type CheckOptions } from '#lib/content/check.ts';
import type { Problem } from '#lib/content/problem.ts';
import { FRESHNESS_KINDS } from '#lib/content/rules/freshness.ts';
import { todayIn } from '#lib/dates.ts';
import { SMALL, yaml } from '../helpers/content.ts';

// Counts the processes the checker starts, to see that Git is asked once.
vi.mock('node:child_process', async (original) => {
  const actual = await original<typeof import('node:child_process')>();
  return { ...actual, execFileSync: vi.fn(actual.execFileSync) };
});

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'siliang-fresh-'));
  cpSync(SMALL, dir, { recursive: true });
  made.push(dir);
  return dir;
}
const edit = (dir: string, file: string, from: string, to: string) => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text, `${file} contains ${from}`).toContain(from);
  writeFileSync(path, text.replace(from, to));
};

/** The freshness warnings for a folder on a given day; files changed recently unless told otherwise. */
function fresh(dir: string, today: string, lastChanged: CheckOptions['lastChanged'] = () => today): Problem[] {
  const { problems } = checkContent(dir, { today, lastChanged });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return problems.filter((p) => FRESHNESS_KINDS.has(p.kind));
}
const ofKind = (problems: Problem[], kind: string) => problems.filter((p) => p.kind === kind);

describe('pledges past their deadline', () => {
  it('warns about an item still in progress after its deadline, at its status', () => {
    const [p, ...rest] = ofKind(fresh(SMALL, '2026-11-22'), 'overdue-pledge');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      severity: 'warning',
      file: 'units/chuangkou/pledges/2026.yaml',
      line: 13,
      column: 13,
      field: 'items[1].status',
      fieldTitle: '兑现情况',
      message: '承诺“上线预约取号”的完成时限 2026-06-30 已过 145 天，兑现情况还是“进行中”',
    });
    expect(p?.fix).toContain('已兑现 或 未兑现');
  });

  it('does not warn on the deadline itself, nor about items kept or not kept', () => {
    expect(ofKind(fresh(SMALL, '2026-06-30'), 'overdue-pledge')).toEqual([]);
    expect(ofKind(fresh(SMALL, '2026-07-01'), 'overdue-pledge').map((p) => p.field)).toEqual(['items[1].status']);
    // On 2027-01-01 the not-started item (deadline 2026-12-31) is overdue too; the kept and not-kept ones never are.
    expect(ofKind(fresh(SMALL, '2027-01-01'), 'overdue-pledge').map((p) => p.field)).toEqual(['items[1].status', 'items[2].status']);
  });
});

describe('items not updated for too long', () => {
  it('warns about living items older than 20 working days, not about records', () => {
    const stale = ofKind(
      fresh(SMALL, '2026-11-22', () => '2026-10-01'),
      'stale',
    );
    // The procedure's own `updated: 2026-11-10` wins over the file's date; evaluations, notices and the site are records.
    expect(stale.map((p) => p.file).sort()).toEqual([
      'units/chuangkou/pledges/2026.yaml',
      'units/chuangkou/posts/shouli.yaml',
      'units/chuangkou/staff/li-hua.yaml',
      'units/chuangkou/unit.yaml',
    ]);
    expect(stale.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('points at the updated field when there is one, and says where the date came from', () => {
    const unit = ofKind(fresh(SMALL, '2026-11-22'), 'stale');
    expect(unit).toEqual([
      {
        severity: 'warning',
        kind: 'stale',
        file: 'units/chuangkou/unit.yaml',
        line: 14,
        column: 10,
        field: 'updated',
        fieldTitle: '更新日期',
        // 36 weekdays, less four of 国庆 after 10月1日, plus Saturday 10月10日 worked in exchange.
        message: '已经 33 个工作日没有更新（上次更新 2026-10-01，按 updated 字段），超过了 20 个工作日',
        fix: '核对内容是否仍然准确：有变化就改正；核对无误就把 updated 改成 2026-11-22',
      },
    ]);
    const staff = ofKind(
      fresh(SMALL, '2026-11-22', () => '2026-09-01'),
      'stale',
    ).find((p) => p.file.endsWith('li-hua.yaml'));
    // 58 days Monday to Friday, less 中秋 and 国庆 (6 weekdays off), plus the Sundays and Saturdays worked (9月20日, 10月10日).
    expect(staff).toMatchObject({ line: 1, column: 1, message: '已经 54 个工作日没有更新（上次更新 2026-09-01，按修改记录），超过了 20 个工作日' });
    expect(staff?.fix).toContain('加一行 updated: 2026-11-22');
  });

  it('counts working days: 20 is still fresh, 21 is stale', () => {
    // 2026-10-23 (Friday) + 20 working days = 2026-11-20; + 21 = 2026-11-23.
    const staffStale = (today: string) =>
      ofKind(
        fresh(SMALL, today, () => '2026-10-23'),
        'stale',
      ).some((p) => p.file.endsWith('li-hua.yaml'));
    expect(staffStale('2026-11-20')).toBe(false);
    expect(staffStale('2026-11-22')).toBe(false);
    expect(staffStale('2026-11-23')).toBe(true);
  });

  it('takes the period from site.yaml checks.staleAfterWorkdays', () => {
    const dir = copy();
    edit(dir, 'site.yaml', 'updated: 2026-11-01', 'updated: 2026-11-01\nchecks:\n  staleAfterWorkdays: 40');
    expect(ofKind(fresh(dir, '2026-11-22'), 'stale')).toEqual([]);
    // unit.yaml was updated on 2026-10-01: with 国庆 and its 调休 counted, 40 working days run to 12-01.
    expect(ofKind(fresh(dir, '2026-12-01'), 'stale')).toEqual([]);
    expect(ofKind(fresh(dir, '2026-12-02'), 'stale').map((p) => p.file)).toEqual(['units/chuangkou/unit.yaml']);
  });

  it('leaves out staff who have left and pledges whose items are all settled', () => {
    const dir = copy();
    edit(dir, 'units/chuangkou/staff/li-hua.yaml', 'plaque: 党员先锋岗', 'plaque: 党员先锋岗\nleft: 2026-11-01');
    edit(dir, 'units/chuangkou/pledges/2026.yaml', '    status: 进行中', '    status: 已兑现\n    evidence: 已上线\n    date: 2026-06-30');
    edit(dir, 'units/chuangkou/pledges/2026.yaml', '    status: 未开始', '    status: 未兑现\n    evidence: 取消\n    date: 2026-06-30');
    const files = ofKind(
      fresh(dir, '2026-11-22', () => '2026-01-05'),
      'stale',
    ).map((p) => p.file);
    expect(files).not.toContain('units/chuangkou/staff/li-hua.yaml');
    expect(files).not.toContain('units/chuangkou/pledges/2026.yaml');
  });

  /** A copy of the fixture committed to a new Git repository on 2026-09-01. */
  function committed(): string {
    const dir = copy();
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', dir, '-c', 'user.name=测试', '-c', 'user.email=t@example.invalid', ...args], {
        stdio: 'ignore',
        env: { ...process.env, GIT_AUTHOR_DATE: '2026-09-01T10:00:00+08:00', GIT_COMMITTER_DATE: '2026-09-01T10:00:00+08:00' },
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'content');
    return dir;
  }

  it('reads the dates of every file from one git log for the whole folder', () => {
    const dir = committed();
    const spy = vi.mocked(execFileSync);
    spy.mockClear();
    const stale = ofKind(checkContent(dir, { today: '2026-11-22' }).problems, 'stale');
    expect(stale.find((p) => p.file.endsWith('li-hua.yaml'))?.message).toBe('已经 54 个工作日没有更新（上次更新 2026-09-01，按修改记录），超过了 20 个工作日');
    const calls = spy.mock.calls.filter(([cmd]) => cmd === 'git');
    expect(calls.filter(([, args]) => (args as string[]).includes('log'))).toHaveLength(1);
    // The log, and the files changed or added since the last commit.
    expect(calls.length).toBeLessThanOrEqual(3);
  });

  it('counts a file changed since the last commit from its modification time', () => {
    const dir = committed();
    edit(dir, 'units/chuangkou/staff/li-hua.yaml', 'title: 助理经济师', 'title: 经济师');
    const today = todayIn('Asia/Shanghai');
    const files = ofKind(checkContent(dir, { today }).problems, 'stale').map((p) => p.file);
    expect(files).toContain('units/chuangkou/posts/shouli.yaml');
    expect(files).not.toContain('units/chuangkou/staff/li-hua.yaml');
  });
});

describe('public-comment notices past their period', () => {
  it('warns about a period that has ended, at its end date', () => {
    const ended = ofKind(fresh(SMALL, '2026-11-22'), 'notice-ended');
    expect(ended).toEqual([
      expect.objectContaining({
        file: 'notices/gongshi-ended.md',
        line: 7,
        column: 8,
        field: 'period.end',
        message: '公示期已于 2026-09-07 结束（76 天前），网站上标为“公示已结束”',
      }),
    ]);
  });

  it('does not warn on the last day of the period', () => {
    expect(ofKind(fresh(SMALL, '2026-11-26'), 'notice-ended').map((p) => p.file)).toEqual(['notices/gongshi-ended.md']);
    expect(ofKind(fresh(SMALL, '2026-11-27'), 'notice-ended').map((p) => p.file)).toEqual(['notices/gongshi-ended.md', 'notices/gongshi-open.md']);
  });
});

describe('urgent notices past their last day on the screens', () => {
  const notice = (...front: string[]) => ['---', 'type: 公告', 'title: 系统停机升级的紧急通知', 'date: 2026-11-16', ...front, '---', '暂停办理。', ''].join('\n');

  it('warns about an urgent notice still published after its until date, at that date', () => {
    const dir = copy();
    writeFileSync(join(dir, 'notices/tingji.md'), notice('urgent: true', 'until: 2026-11-18'));
    const ended = ofKind(fresh(dir, '2026-11-22'), 'notice-ended').filter((p) => p.file === 'notices/tingji.md');
    expect(ended).toEqual([
      {
        severity: 'warning',
        kind: 'notice-ended',
        file: 'notices/tingji.md',
        line: 6,
        column: 8,
        field: 'until',
        fieldTitle: '显示到',
        message: '紧急公告在显示屏上显示到 2026-11-18，已过去 4 天：大厅显示屏不再显示，网站上仍在发布',
        fix: '事情已经过去的，删除这个文件，或移到内容文件夹外存档；仍然有效的，把 until 改到新的日期；要留在网站上作记录的，删除 urgent 和 until 两行',
      },
    ]);
  });

  it('does not warn on the last day, nor about a notice without an end', () => {
    const dir = copy();
    writeFileSync(join(dir, 'notices/tingji.md'), notice('urgent: true', 'until: 2026-11-22'));
    expect(ofKind(fresh(dir, '2026-11-22'), 'notice-ended').map((p) => p.file)).toEqual(['notices/gongshi-ended.md']);
    expect(ofKind(fresh(dir, '2026-11-23'), 'notice-ended').map((p) => p.file)).toEqual(['notices/gongshi-ended.md', 'notices/tingji.md']);
    // notices/gonggao.md has neither a period nor an until: it is current until someone removes it.
    expect(ofKind(fresh(dir, '2027-06-01'), 'notice-ended').map((p) => p.file)).not.toContain('notices/gonggao.md');
  });

  it('warns once about an urgent public-comment notice, by its period, which is what the site shows', () => {
    const dir = copy();
    edit(dir, 'notices/gongshi-open.md', 'period:', 'urgent: true\nuntil: 2026-11-20\nperiod:');
    // Off the screens since 2026-11-20, but the period runs to 2026-11-26: still current.
    expect(ofKind(fresh(dir, '2026-11-22'), 'notice-ended').map((p) => p.file)).toEqual(['notices/gongshi-ended.md']);
    expect(
      ofKind(fresh(dir, '2026-11-27'), 'notice-ended')
        .filter((p) => p.file === 'notices/gongshi-open.md')
        .map((p) => p.field),
    ).toEqual(['period.end']);
  });

  it('says so for a notice that is not urgent but gives an until date', () => {
    const dir = copy();
    writeFileSync(join(dir, 'notices/tingji.md'), notice('until: 2026-11-18'));
    const [p] = ofKind(fresh(dir, '2026-11-22'), 'notice-ended').filter((q) => q.file === 'notices/tingji.md');
    expect(p).toMatchObject({ field: 'until', message: '公告写明显示到 2026-11-18，已过去 4 天，网站上仍在发布' });
    expect(p?.fix).toContain('删除 until 这一行');
  });
});

describe('staff who have left but are still on a board', () => {
  function leaving(left: string) {
    const dir = copy();
    edit(dir, 'units/chuangkou/staff/li-hua.yaml', 'plaque: 党员先锋岗', `plaque: 党员先锋岗\nleft: ${left}`);
    edit(dir, 'units/chuangkou/unit.yaml', 'updated: 2026-10-01', 'head:\n  name: 李华\n  position: 窗口负责人\nupdated: 2026-10-01');
    writeFileSync(
      join(dir, 'units/chuangkou/pledges/2026-li-hua.yaml'),
      yaml('title: 李华的承诺', 'year: 2026', 'by:', '  type: 工作人员', '  staff: li-hua', 'items:', '  - text: 微笑服务', '    deadline: 2026-12-31', '    status: 进行中'),
    );
    return dir;
  }

  it('names the pledge, the post left empty and the unit head, not past evaluations', () => {
    const left = ofKind(fresh(leaving('2026-11-01'), '2026-11-22'), 'left-staff');
    expect(left.map((p) => [p.file, p.line, p.field, p.message])).toEqual([
      ['units/chuangkou/pledges/2026-li-hua.yaml', 5, 'by.staff', '承诺人李华已于 2026-11-01 离岗，这份承诺还有 1 项没有办结'],
      ['units/chuangkou/posts/shouli.yaml', 1, 'name', '这个岗位上的工作人员（李华）都已离岗，公示牌上这个岗位没有人'],
      ['units/chuangkou/unit.yaml', 15, 'head.name', '单位负责人李华已于 2026-11-01 离岗'],
    ]);
    expect(left.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('names an evaluation for a period that began after the person left', () => {
    const left = ofKind(fresh(leaving('2026-06-01'), '2026-11-22'), 'left-staff');
    expect(left.find((p) => p.file.includes('evaluations'))).toMatchObject({
      field: 'awards[0].staff',
      message: '李华已于 2026-06-01 离岗，却出现在 2026 年第三季度（2026-07-01 起）的表彰里',
    });
  });

  it('says nothing before the day they leave', () => {
    expect(ofKind(fresh(leaving('2026-12-01'), '2026-11-22'), 'left-staff')).toEqual([]);
  });
});
