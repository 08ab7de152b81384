import { z } from 'astro/zod';
import { calendarDate, labelledEnum, lines, orNotStated, ref, text, updated } from './common.ts';

/** Satisfaction below this percentage must be explained with corrective measures (整改措施). */
export const SATISFACTION_THRESHOLD = 80;

/**
 * The five levels of the 好差评 scale, best first. Keys are the Chinese
 * words themselves: officers copy counts from the 好差评 system's table,
 * where they are the column headings.
 */
export const EVALUATION_LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
export type EvaluationLevel = (typeof EVALUATION_LEVELS)[number];

/** The rates a source may give, with the name it gives them. */
export const RATE_NAMES = { satisfaction: '满意率', goodRate: '好评率' } as const;
export type RateField = keyof typeof RATE_NAMES;

const percent = (title: string) => z.number().min(0).max(100).meta({ title, expected: '0 到 100 之间的百分数（不写 % 号）', example: '96.5' });

const award = z
  .strictObject({
    /** 荣誉名称，例如“服务之星”“流动红旗”“先进集体”。 */
    name: text('荣誉名称', '服务之星'),
    /** 获奖的工作人员：staff 文件夹里的文件名；不写表示单位获得。 */
    staff: ref('获奖人', 'zhang-xiaoming', 'staff').optional(),
    /** 说明。 */
    note: text('说明').optional(),
  })
  .meta({ title: '表彰' });

const level = () => labelledEnum('评价等级', Object.fromEntries(EVALUATION_LEVELS.map((l) => [l, l])) as { [K in EvaluationLevel]: K });

const count = (title: string) => z.number().int().min(0).meta({ title, expected: '人数（整数）', example: '120' });

/** 好差评 counts per level; a source may give only some levels. */
const counts = z
  .strictObject({
    /** 评“非常满意”的人数。 */
    非常满意: count('非常满意人数').optional(),
    /** 评“满意”的人数。 */
    满意: count('满意人数').optional(),
    /** 评“基本满意”的人数。 */
    基本满意: count('基本满意人数').optional(),
    /** 评“不满意”的人数。 */
    不满意: count('不满意人数').optional(),
    /** 评“非常不满意”的人数。 */
    非常不满意: count('非常不满意人数').optional(),
  })
  .refine((c) => Object.values(c).some((n) => n !== undefined), { message: '至少写一个等级的人数', params: { kind: 'required', fix: 'counts:\n  非常满意: 120\n  满意: 30' } })
  .meta({ title: '各等级人数' });

const person = z
  .strictObject({
    /** 工作人员：staff 文件夹里的文件名。 */
    staff: ref('工作人员', 'zhang-xiaoming', 'staff'),
    /** 满意率，原文写的是满意率时填。 */
    satisfaction: percent('个人满意率').optional(),
    /** 好评率，原文写的是好评率时填。 */
    goodRate: percent('个人好评率').optional(),
    /** 满意率或好评率低于 80% 时的情况说明。 */
    explanation: text('情况说明').optional(),
    /** 满意率或好评率低于 80% 时的整改措施，每条一行。 */
    measures: lines('整改措施').optional(),
  })
  .meta({ title: '个人评价' });

interface Rated {
  satisfaction?: number | undefined;
  goodRate?: number | undefined;
  explanation?: string | undefined;
  measures?: string[] | undefined;
}

/** The rates given, with their names, in a fixed order (满意率, 好评率). */
export function givenRates(value: Pick<Rated, RateField>): Array<{ field: RateField; name: string; value: number }> {
  return (Object.keys(RATE_NAMES) as RateField[]).flatMap((field) => (value[field] === undefined ? [] : [{ field, name: RATE_NAMES[field], value: value[field] }]));
}

/** Whatever rate is given, below 80% it must be explained, with corrective measures. */
function requireExplanation(value: Rated, ctx: z.RefinementCtx) {
  const low = givenRates(value).filter((r) => r.value < SATISFACTION_THRESHOLD);
  if (low.length === 0) return;
  const why = `${low.map((r) => `${r.name} ${r.value}%`).join('、')} 低于 ${SATISFACTION_THRESHOLD}%`;
  const which = low.map((r) => r.name).join('、');
  if (value.explanation === undefined) {
    ctx.addIssue({ code: 'custom', path: ['explanation'], message: `${why}，要公开情况说明`, params: { kind: 'required-with', fix: `explanation: 说明${which}低的原因` } });
  }
  if (value.measures === undefined) {
    ctx.addIssue({ code: 'custom', path: ['measures'], message: `${why}，要公开整改措施`, params: { kind: 'required-with', fix: 'measures:\n  - 第一条整改措施' } });
  }
}

function requireRate(fields: readonly string[], fix: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (fields.some((f) => value[f] !== undefined)) return;
    ctx.addIssue({ code: 'custom', path: [fields[0] as string], message: `没有写评价结果：${fields.join('、')} 至少写一个`, params: { kind: 'required', fix } });
  };
}

/** `units/<单位>/evaluations/<期次>.yaml`: results of one evaluation period (四评). */
export const evaluationSchema = () =>
  z
    .strictObject({
      /** 期次名称，例如“2026 年第三季度”。 */
      period: text('评价期次', '2026 年第三季度'),
      /** 期次开始日期。 */
      start: calendarDate('开始日期'),
      /** 期次结束日期。 */
      end: calendarDate('结束日期'),
      /** 群众评：满意率（百分数）。原文给的是好评率的写 goodRate，只给等级的写 level，给各等级人数的写 counts；至少写一种。 */
      satisfaction: percent('满意率').optional(),
      /** 群众评：好评率（百分数），原文写“好评率”时填这里，不要改称满意率。 */
      goodRate: percent('好评率').optional(),
      /** 群众评的等级，原文只给等级、没有百分数时填：非常满意、满意、基本满意、不满意、非常不满意。 */
      level: level().optional(),
      /** 好差评各等级的人数，例如 非常满意: 1180、满意: 52；原文没给的等级不写。 */
      counts: counts.optional(),
      /** 参与评价的人数；原文没写的填 未公布。 */
      responses: orNotStated(z.number().int().min(1).meta({ title: '评价人数', expected: '人数（整数）', example: '1240' })),
      /** 群众评的方式，例如“窗口评价器、电话回访、短信评价”。 */
      method: text('评价方式').optional(),
      /** 自己评：本单位的自查小结。 */
      self: text('自我评价').optional(),
      /** 领导评：领导的评价意见。 */
      leader: z
        .strictObject({
          /** 评价人，写姓名和职务。 */
          reviewer: text('评价人'),
          /** 评价意见。 */
          comment: text('评价意见'),
        })
        .optional()
        .meta({ title: '领导评价' }),
      /** 组织评：排名或考核结果，例如“全中心 12 个窗口中排名第 2”。 */
      ranking: text('组织评价').optional(),
      /** 本期获得的表彰。 */
      awards: z.array(award).optional().meta({ title: '表彰' }),
      /** 满意率或好评率低于 80% 时的情况说明。 */
      explanation: text('情况说明').optional(),
      /** 满意率或好评率低于 80% 时的整改措施，每条一行。 */
      measures: lines('整改措施').optional(),
      /** 个人满意率或好评率（可选）。低于 80% 的个人也要公开说明和整改措施。 */
      people: z
        .array(
          person.superRefine((p, ctx) => {
            requireRate(['satisfaction', 'goodRate'], 'satisfaction: 95')(p, ctx);
            requireExplanation(p, ctx);
          }),
        )
        .optional()
        .meta({ title: '个人评价' }),
      /** 更新日期：不写就用 Git 里这个文件最后一次修改的日期；想手工指定时写，例如 2026-11-22。 */
      updated: updated(),
    })
    .superRefine((ev, ctx) => {
      requireRate(['satisfaction', 'goodRate', 'level', 'counts'], 'satisfaction: 96.5（满意率）；原文是好评率的写 goodRate: 99.2；只有等级的写 level: 非常满意')(ev, ctx);
      requireExplanation(ev, ctx);
      if (ev.end < ev.start) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: '结束日期早于开始日期', params: { kind: 'date-order', fix: '检查 start 和 end 是否写反了' } });
      }
    })
    .meta({ title: '评价结果' });

export type EvaluationData = z.output<ReturnType<typeof evaluationSchema>>;
export type EvaluationCounts = z.output<typeof counts>;
