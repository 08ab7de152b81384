/**
 * What has gone out of date, for the supervisors who must keep boards
 * current (`npm run check -- --stale`): pledges past their deadline still
 * marked as not started or in progress, items nobody has touched for longer
 * than the organisation's period (site.yaml `checks.staleAfterWorkdays`,
 * default 20 working days, the disclosure catalogues' rule, counted with the
 * official holidays and 调休 days of src/lib/holidays.ts), notices past
 * their end (a public-comment period over, an urgent notice's last day on
 * the hall screens gone by) that are still published, and staff who have
 * left but are still named on a board. All are warnings: they never stop a
 * build.
 */
import { daysBetween } from '../../dates.ts';
import { isOverdue, statusLabel } from '../../pledges.ts';
import { workdaysBetween } from '../../workdays.ts';
import type { CheckedData, CheckedEntry, Rule, RuleContext } from '../entry.ts';
import type { Problem } from '../problem.ts';
import { lastChangedDates } from '../updated.ts';

/** The kinds of problem these rules report: what `--stale` lists. */
export const FRESHNESS_KINDS: ReadonlySet<string> = new Set(['overdue-pledge', 'stale', 'notice-ended', 'left-staff']);

export const DEFAULT_STALE_AFTER_WORKDAYS = 20;

function warning(entry: CheckedEntry, path: PropertyKey[], kind: string, problem: Pick<Problem, 'message' | 'fix' | 'field' | 'fieldTitle'>): Problem {
  const { position, exact } = entry.source.locate(path);
  return {
    severity: 'warning',
    kind,
    file: entry.file,
    line: exact || path.length === 0 ? position.line : 1,
    column: exact || path.length === 0 ? position.column : 1,
    ...problem,
  };
}

/** A pledge item whose deadline has passed while it is still 未开始 or 进行中. */
export const overduePledgeRule: Rule = (entries, ctx) => {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (entry.collection !== 'pledges') continue;
    entry.data.items.forEach((item, i) => {
      if (!isOverdue(item, ctx.today)) return;
      problems.push(
        warning(entry, ['items', i, 'status'], 'overdue-pledge', {
          field: `items[${i}].status`,
          fieldTitle: '兑现情况',
          message: `承诺“${item.text}”的完成时限 ${item.deadline} 已过 ${daysBetween(item.deadline, ctx.today)} 天，兑现情况还是“${statusLabel(item.status)}”`,
          fix: '核实后把 status 改成 已兑现 或 未兑现，并写上 evidence（佐证或原因）和 date（确认日期）',
        }),
      );
    });
  }
  return problems;
};

/** Collections whose items describe the present and should be looked at regularly. */
const LIVING = new Set(['units', 'procedures', 'posts', 'staff', 'pledges']);

function isLiving(entry: CheckedEntry, today: string): boolean {
  if (!LIVING.has(entry.collection)) return false;
  if (entry.collection === 'staff') {
    const left = entry.data.left;
    return left === undefined || left > today;
  }
  // A pledge whose every item is settled is a record, no longer a promise.
  if (entry.collection === 'pledges') return entry.data.items.some((i) => i.status === 'not-started' || i.status === 'in-progress');
  return true;
}

/** An item not updated for longer than the organisation's period, counted in working days. */
export const staleRule: Rule = (entries, ctx: RuleContext) => {
  const site = ctx.site;
  const limit = site?.checks?.staleAfterWorkdays ?? DEFAULT_STALE_AFTER_WORKDAYS;
  const living = entries.filter((e) => isLiving(e, ctx.today));
  if (living.length === 0) return [];
  // One `git log` for the whole folder, asked only when some entry has no `updated` field.
  let fromGit: ((relPath: string) => string | undefined) | undefined;
  const lastChanged = (relPath: string) => {
    if (ctx.lastChanged) return ctx.lastChanged(relPath);
    fromGit ??= lastChangedDates(ctx.contentDir, site?.timezone ?? 'Asia/Shanghai');
    return fromGit(relPath);
  };
  const problems: Problem[] = [];
  for (const entry of living) {
    const own = entry.data.updated;
    const date = own ?? lastChanged(entry.file);
    if (date === undefined) continue;
    const days = workdaysBetween(date, ctx.today, ctx.holidays);
    if (days <= limit) continue;
    problems.push(
      warning(entry, own ? ['updated'] : [], 'stale', {
        ...(own ? { field: 'updated', fieldTitle: '更新日期' } : {}),
        message: `已经 ${days} 个工作日没有更新（上次更新 ${date}${own ? '，按 updated 字段' : '，按修改记录'}），超过了 ${limit} 个工作日`,
        fix: own
          ? `核对内容是否仍然准确：有变化就改正；核对无误就把 updated 改成 ${ctx.today}`
          : `核对内容是否仍然准确：有变化就改正；核对无误就加一行 updated: ${ctx.today}`,
      }),
    );
  }
  return problems;
};

/**
 * The day a notice stops being current, and where it is written: the end of
 * a public-comment notice's period (the site marks it ended the day after),
 * else the last day an urgent notice takes over the hall screens (`until`).
 * A notice with neither stays current until someone removes it.
 */
function noticeEnd(n: CheckedData<'notices'>): { date: string; path: PropertyKey[] } | undefined {
  if (n.period) return { date: n.period.end, path: ['period', 'end'] };
  if (n.until !== undefined) return { date: n.until, path: ['until'] };
  return undefined;
}

/**
 * A notice past its end that is still published: a public-comment notice
 * (公示) whose period has ended, an urgent notice whose time on the hall
 * screens is over. The site keeps both at their address, so someone has to
 * decide whether to follow up, archive or remove them.
 */
export const endedNoticeRule: Rule = (entries, ctx) => {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (entry.collection !== 'notices') continue;
    const notice = entry.data;
    const end = noticeEnd(notice);
    if (!end || end.date >= ctx.today) continue;
    const ago = daysBetween(end.date, ctx.today);
    problems.push(
      notice.period
        ? warning(entry, end.path, 'notice-ended', {
            field: 'period.end',
            fieldTitle: '公示结束日期',
            message: `公示期已于 ${end.date} 结束（${ago} 天前），网站上标为“公示已结束”`,
            fix: '公示有结果的，发布结果公告；不再需要时删除这个文件，或移到内容文件夹外存档',
          })
        : warning(entry, end.path, 'notice-ended', {
            field: 'until',
            fieldTitle: '显示到',
            message: notice.urgent
              ? `紧急公告在显示屏上显示到 ${end.date}，已过去 ${ago} 天：大厅显示屏不再显示，网站上仍在发布`
              : `公告写明显示到 ${end.date}，已过去 ${ago} 天，网站上仍在发布`,
            fix: notice.urgent
              ? '事情已经过去的，删除这个文件，或移到内容文件夹外存档；仍然有效的，把 until 改到新的日期；要留在网站上作记录的，删除 urgent 和 until 两行'
              : '不再需要时删除这个文件，或移到内容文件夹外存档；要一直留在网站上的，删除 until 这一行',
          }),
    );
  }
  return problems;
};

/** Staff who have left (`left` on or before today) but are still named on a board. */
export const leftStaffRule: Rule = (entries, ctx) => {
  const left = new Map<string, CheckedData<'staff'> & { left: string }>();
  const current = new Map<string, string[]>();
  for (const e of entries) {
    if (e.collection !== 'staff') continue;
    const data = e.data;
    if (data.left !== undefined && data.left <= ctx.today) left.set(e.id, { ...data, left: data.left });
    else {
      const key = `${e.unit}/${data.post}`;
      current.set(key, [...(current.get(key) ?? []), data.name]);
    }
  }
  if (left.size === 0) return [];
  const problems: Problem[] = [];
  const person = (unit: string | undefined, slug: string | undefined) => (slug === undefined ? undefined : left.get(`${unit}/${slug}`));
  for (const entry of entries) {
    if (entry.collection === 'pledges') {
      const data = entry.data;
      const who = person(entry.unit, data.by.staff);
      const open = data.items.filter((i) => i.status === 'not-started' || i.status === 'in-progress').length;
      if (!who || open === 0) continue;
      problems.push(
        warning(entry, ['by', 'staff'], 'left-staff', {
          field: 'by.staff',
          fieldTitle: '承诺人',
          message: `承诺人${who.name}已于 ${who.left} 离岗，这份承诺还有 ${open} 项没有办结`,
          fix: '把没有办结的承诺交给在岗的同事重新承诺，或核实后把兑现情况改成 已兑现 或 未兑现',
        }),
      );
    } else if (entry.collection === 'evaluations') {
      const data = entry.data;
      const lists = [
        ['awards', data.awards ?? [], '表彰'],
        ['people', data.people ?? [], '个人评价'],
      ] as const;
      for (const [key, list, what] of lists) {
        list.forEach((item, i) => {
          const who = person(entry.unit, item.staff);
          // Someone evaluated for a period that began after they left cannot be right.
          if (!who || who.left >= data.start) return;
          problems.push(
            warning(entry, [key, i, 'staff'], 'left-staff', {
              field: `${key}[${i}].staff`,
              fieldTitle: what === '表彰' ? '获奖人' : '工作人员',
              message: `${who.name}已于 ${who.left} 离岗，却出现在 ${data.period}（${data.start} 起）的${what}里`,
              fix: '核对评价结果：删除这一项，或改成本期在岗的工作人员',
            }),
          );
        });
      }
    } else if (entry.collection === 'units') {
      const data = entry.data;
      for (const role of ['head', 'leader'] as const) {
        const name = data[role]?.name;
        const who = [...left.entries()].find(([id, s]) => id.startsWith(`${entry.id}/`) && s.name === name)?.[1];
        if (!who) continue;
        problems.push(
          warning(entry, [role, 'name'], 'left-staff', {
            field: `${role}.name`,
            fieldTitle: role === 'head' ? '单位负责人' : '分管领导',
            message: `${role === 'head' ? '单位负责人' : '分管领导'}${who.name}已于 ${who.left} 离岗`,
            fix: `改成现任${role === 'head' ? '负责人' : '分管领导'}的姓名和职务`,
          }),
        );
      }
    } else if (entry.collection === 'posts') {
      // A post everyone on which has left shows on the board with nobody in it.
      const slug = entry.slug;
      const gone = [...left.entries()].filter(([id, s]) => id.startsWith(`${entry.unit}/`) && s.post === slug).map(([, s]) => s.name);
      if (gone.length === 0 || (current.get(`${entry.unit}/${slug}`)?.length ?? 0) > 0) continue;
      problems.push(
        warning(entry, ['name'], 'left-staff', {
          field: 'name',
          fieldTitle: '岗位名称',
          message: `这个岗位上的工作人员（${gone.join('、')}）都已离岗，公示牌上这个岗位没有人`,
          fix: '给接任的工作人员建文件并写 post: ' + slug + '；岗位撤销的，删除这个文件',
        }),
      );
    }
  }
  return problems;
};

export const freshnessRules: readonly Rule[] = [overduePledgeRule, staleRule, endedNoticeRule, leftStaffRule];
