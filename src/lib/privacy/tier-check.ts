/**
 * What a privacy tier cannot hide by itself: a staff member's name written
 * into free text (a pledge's title, a leader's comment, an evaluation's
 * explanation, a notice) of a unit whose tier keeps names off the web
 * (只公开岗位). The web publishes that text as written, so the checker warns
 * at the field, naming the person, and the author decides. A warning, not an
 * error: the unit's head and leader, say, are named on purpose.
 */
import type { CheckedEntry, Rule } from '../content/entry.ts';
import { fieldPath, type Problem } from '../content/problem.ts';
import { staffTierOf } from './tiers.ts';

/** Every string in a value with its path. */
function* strings(value: unknown, path: PropertyKey[] = []): Generator<[PropertyKey[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

export const namesUnderPostOnlyRule: Rule = (entries, ctx) => {
  const privacy = ctx.site?.privacy;
  if (!privacy) return [];
  const names = new Map<string, string[]>();
  for (const e of entries) {
    if (e.collection !== 'staff' || !e.unit || staffTierOf(privacy, e.unit) !== 'post-only') continue;
    // A one-character name would match everywhere; every real name has two or more.
    if (e.data.name.length >= 2) names.set(e.unit, [...(names.get(e.unit) ?? []), e.data.name]);
  }
  if (names.size === 0) return [];
  const problems: Problem[] = [];
  const check = (entry: CheckedEntry, people: readonly string[]) => {
    const texts = [...strings(entry.data), ...(entry.body ? [[['body'], entry.body] as [PropertyKey[], string]] : [])];
    for (const [path, text] of texts) {
      const found = people.filter((n) => text.includes(n));
      if (found.length === 0) continue;
      const { position } = path[0] === 'body' ? { position: { line: 1, column: 1 } } : entry.source.locate(path, 'value');
      problems.push({
        severity: 'warning',
        kind: 'privacy-tier-name',
        file: entry.file,
        line: position.line,
        column: position.column,
        field: fieldPath(path),
        message: `site.yaml 规定这个单位在网站上只公开岗位，但这里写了工作人员姓名“${found.join('、')}”，会照原样出现在网站上`,
        fix: '改成岗位称呼（如“受理岗工作人员”）；确需公开姓名的（如窗口负责人），可以不改',
      });
    }
  };
  for (const e of entries) {
    if (e.collection === 'staff') continue;
    if (e.unit && names.has(e.unit)) check(e, names.get(e.unit) ?? []);
    else if (e.collection === 'notices') check(e, [...names.values()].flat());
  }
  return problems;
};
