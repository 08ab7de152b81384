/**
 * What a privacy tier cannot hide by itself: a person's name written into
 * free text (a pledge's title, a leader's comment, an evaluation's
 * explanation, a notice) of a unit whose tier keeps names off the web
 * (只公开岗位). The tier hides people where the model knows them (staff
 * pages, a personal pledge's pledger, award winners, the unit's head: see
 * ./tiers.ts); prose it cannot rewrite without garbling it, so the web would
 * publish the name as written. That is an error for the website, at the
 * field, naming the person and the fix; the printed sheets for the hall,
 * which show every name, are not held up by it (`audience: 'print'`).
 */
import { bodyPositions, occurrenceAt, positionInValue } from '../markdown/body.ts';
import type { CheckedEntry, Rule } from '../content/entry.ts';
import { fieldPath, type Problem } from '../content/problem.ts';
import { staffTierOf } from './tiers.ts';

/** Every string in a value with its path. */
function* strings(value: unknown, path: PropertyKey[] = []): Generator<[PropertyKey[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/** The unit's head is named by position under 只公开岗位 (./tiers.ts): its own name field is not free text. */
const isHeadName = (entry: CheckedEntry, path: readonly PropertyKey[]) => entry.collection === 'units' && path.length === 2 && path[0] === 'head' && path[1] === 'name';

const FIX =
  '改写为岗位名称，例如“窗口负责人”“受理岗工作人员”（打印的公示栏、胸卡不受影响，照样印姓名）；确需在网站上公开姓名的，在 site.yaml 里把这个单位的 privacy 改为“不公开照片和编号”';

export const namesUnderPostOnlyRule: Rule = (entries, ctx) => {
  // The printer's build shows every name on purpose.
  if (ctx.audience === 'print') return [];
  const privacy = ctx.site?.privacy;
  if (!privacy) return [];
  const names = new Map<string, Set<string>>();
  const add = (unit: string, name: string) => {
    // A one-character name would match everywhere; every real name has two or more.
    if (name.length >= 2) names.set(unit, (names.get(unit) ?? new Set()).add(name));
  };
  for (const e of entries) {
    if (!e.unit || staffTierOf(privacy, e.unit) !== 'post-only') continue;
    // Everyone with a staff file, on the board or not, and the unit's head, whom the web names by position.
    if (e.collection === 'staff') add(e.unit, e.data.name);
    if (e.collection === 'units' && e.data.head) add(e.unit, e.data.head.name);
  }
  if (names.size === 0) return [];
  const problems: Problem[] = [];
  const check = (entry: CheckedEntry, people: readonly string[]) => {
    for (const [path, text] of strings(entry.data)) {
      if (isHeadName(entry, path)) continue;
      const found = people.filter((n) => text.includes(n));
      const first = found[0];
      if (first === undefined) continue;
      const position = positionInValue(entry.source, path, first, occurrenceAt(text, first, text.indexOf(first)));
      problems.push(problem(entry, fieldPath(path), position, found));
    }
    const body = entry.body;
    if (body !== undefined) {
      const found = people.filter((n) => body.includes(n));
      const first = found[0];
      if (first !== undefined) {
        const position = bodyPositions(entry, ctx.contentDir)?.(body.indexOf(first)) ?? { line: 1, column: 1 };
        problems.push(problem(entry, 'body', position, found));
      }
    }
  };
  for (const e of entries) {
    if (e.collection === 'staff') continue;
    const own = e.unit ? names.get(e.unit) : undefined;
    if (own) check(e, [...own]);
    // A notice of the organisation may name anyone.
    else if (e.collection === 'notices') check(e, [...new Set([...names.values()].flatMap((s) => [...s]))]);
  }
  return problems;
};

function problem(entry: CheckedEntry, field: string, position: { line: number; column: number }, found: readonly string[]): Problem {
  return {
    severity: 'error',
    kind: 'privacy-tier-name',
    file: entry.file,
    line: position.line,
    column: position.column,
    field,
    message: `site.yaml 规定这个单位在网站上只公开岗位，这里却写了姓名“${found.join('、')}”，会照原样出现在网站上`,
    fix: FIX,
  };
}
