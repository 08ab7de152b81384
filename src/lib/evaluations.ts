/**
 * Reading an evaluation result (四评) as published: a 满意率 or a 好评率, a
 * level with no percentage, or counts per level of the 好差评 scale, and a
 * number of responses that may not be published.
 */
import { EVALUATION_LEVELS, givenRates, SATISFACTION_THRESHOLD, type EvaluationLevel, type RateField } from '#schemas/evaluation.ts';
import { NOT_STATED, type NotStated } from '#schemas/common.ts';

/**
 * Below this many responses a percentage is flagged as resting on very few
 * people. With fewer than 30, one person moves the rate by more than three
 * points, and even 100% cannot rule out a true rate under 90% (the "rule
 * of three": with n answers and no complaint, the 95% upper bound on the
 * complaint rate is about 3/n; 3/30 = 10%). 100% from 7 people is
 * compatible with a true rate near 57%, well under the 80% line the rules
 * draw. 30 is also the usual minimum sample for a proportion in survey
 * practice; it is a warning, not an error: the figure is still published.
 */
export const FEW_RESPONSES = 30;

export interface EvaluationLike {
  satisfaction?: number | undefined;
  goodRate?: number | undefined;
  level?: EvaluationLevel | undefined;
  counts?: Partial<Record<EvaluationLevel, number | undefined>> | undefined;
  responses: number | NotStated;
}

export type Rate = ReturnType<typeof givenRates>[number];

/** The rates given, in a fixed order: 满意率, then 好评率. */
export const ratesOf: (ev: Pick<EvaluationLike, RateField>) => Rate[] = givenRates;

/** Whether any rate given is below 80%, which requires an explanation and corrective measures. */
export function isBelowThreshold(ev: Pick<EvaluationLike, RateField>): boolean {
  return ratesOf(ev).some((r) => r.value < SATISFACTION_THRESHOLD);
}

/** The counts per level that the source gives, best level first. */
export function levelCounts(ev: Pick<EvaluationLike, 'counts'>): Array<{ level: EvaluationLevel; count: number }> {
  if (!ev.counts) return [];
  return EVALUATION_LEVELS.flatMap((level) => {
    const count = ev.counts?.[level];
    return count === undefined ? [] : [{ level, count }];
  });
}

/** The number of responses: as published, or the sum of the counts per level when only those are given. */
export function responsesOf(ev: Pick<EvaluationLike, 'responses' | 'counts'>): number | undefined {
  if (typeof ev.responses === 'number') return ev.responses;
  const counts = levelCounts(ev);
  return counts.length > 0 ? counts.reduce((sum, c) => sum + c.count, 0) : undefined;
}

/** "1240 人", or 未公布 / 待填写 when the source does not give it. */
export function responsesText(ev: Pick<EvaluationLike, 'responses'>): string {
  return typeof ev.responses === 'number' ? `${ev.responses} 人` : NOT_STATED[ev.responses];
}

/**
 * The rates that rest on fewer than FEW_RESPONSES responses, for the
 * checker's warning. A rate whose responses are not published is not
 * flagged here: that gap is counted as a gap.
 */
export function fewResponses(ev: EvaluationLike): Rate[] {
  if (typeof ev.responses !== 'number' || ev.responses >= FEW_RESPONSES) return [];
  return ratesOf(ev);
}

/**
 * The public evaluation (群众评) in one line, as the source gives it:
 * "满意率 96.5%，1240 人参评", "好评率 100%，参评人数未公布",
 * "评价等级 非常满意；非常满意 1180 人、满意 52 人".
 */
export function publicResultText(ev: EvaluationLike, format: (n: number) => string = String): string {
  const parts: string[] = [];
  const rates = ratesOf(ev).map((r) => `${r.name} ${format(r.value)}%`);
  if (rates.length > 0) parts.push(rates.join('，'));
  if (ev.level) parts.push(`评价等级 ${ev.level}`);
  const counts = levelCounts(ev).map((c) => `${c.level} ${c.count} 人`);
  if (counts.length > 0) parts.push(counts.join('、'));
  parts.push(typeof ev.responses === 'number' ? `${ev.responses} 人参评` : `参评人数${NOT_STATED[ev.responses]}`);
  return parts.join('；');
}

/** "满意率" or "满意率、好评率": the names of the rates below 80%, for the notice that explains them. */
export function lowRateNames(ev: Pick<EvaluationLike, RateField>): string {
  return ratesOf(ev)
    .filter((r) => r.value < SATISFACTION_THRESHOLD)
    .map((r) => r.name)
    .join('、');
}
