/**
 * Rules that look at the content folder as a whole, after every file has
 * passed its own schema and references have been checked: what inspectors
 * check on a service guide (compliance.ts), what has gone out of date
 * (freshness.ts), personal data that must not be published (src/lib/privacy)
 * and Markdown that would run code or be stripped (src/lib/markdown). Each rule is a plain function over the valid entries; it
 * reports, never throws, and never reports a problem a schema already has.
 */
import type { CheckedEntry, Rule, RuleContext } from '../entry.ts';
import type { Problem } from '../problem.ts';
import { complianceRules } from './compliance.ts';
import { freshnessRules } from './freshness.ts';
import { bodyPlaceholderRule, fewResponsesRule, gapRule, missingPhotoRule, partOfDayRule, postGapRule } from './gaps.ts';
import { holidayYearsRule } from './holidays.ts';
import { markdownProblems } from '../../markdown/check.ts';
import { gpsProblems, privacyProblems } from '../../privacy/index.ts';
import { namesUnderPostOnlyRule } from '../../privacy/tier-check.ts';

// The types live with the entries (../entry.ts), so that the rules need not import this registry.
export type { Rule, RuleContext } from '../entry.ts';

/** Every rule, in the order their problems are listed. */
export const RULES: readonly Rule[] = [...complianceRules, gapRule, bodyPlaceholderRule, partOfDayRule, postGapRule, fewResponsesRule, missingPhotoRule, privacyProblems, namesUnderPostOnlyRule, gpsProblems, markdownProblems, ...freshnessRules, holidayYearsRule];

export function runRules(entries: readonly CheckedEntry[], ctx: RuleContext, rules: readonly Rule[] = RULES): Problem[] {
  return rules.flatMap((rule) => rule(entries, ctx));
}
