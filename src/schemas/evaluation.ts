import { z } from 'astro/zod';
import { calendarDate, lines, ref, text, updated } from './common.ts';

/** Satisfaction below this percentage must be explained with corrective measures (整改措施). */
export const SATISFACTION_THRESHOLD = 80;

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

const person = z
  .strictObject({
    /** 工作人员：staff 文件夹里的文件名。 */
    staff: ref('工作人员', 'zhang-xiaoming', 'staff'),
    /** 满意率。 */
    satisfaction: percent('个人满意率'),
    /** 满意率低于 80% 时的情况说明。 */
    explanation: text('情况说明').optional(),
    /** 满意率低于 80% 时的整改措施，每条一行。 */
    measures: lines('整改措施').optional(),
  })
  .meta({ title: '个人评价' });

function requireExplanation(value: { satisfaction: number; explanation?: string | undefined; measures?: string[] | undefined }, ctx: z.RefinementCtx) {
  if (value.satisfaction >= SATISFACTION_THRESHOLD) return;
  const why = `满意率 ${value.satisfaction}% 低于 ${SATISFACTION_THRESHOLD}%`;
  if (value.explanation === undefined) {
    ctx.addIssue({ code: 'custom', path: ['explanation'], message: `${why}，要公开情况说明`, params: { kind: 'required-with', fix: 'explanation: 说明满意率低的原因' } });
  }
  if (value.measures === undefined) {
    ctx.addIssue({ code: 'custom', path: ['measures'], message: `${why}，要公开整改措施`, params: { kind: 'required-with', fix: 'measures:\n  - 第一条整改措施' } });
  }
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
      /** 群众评：满意率。 */
      satisfaction: percent('满意率'),
      /** 参与评价的人数。 */
      responses: z.number().int().min(1).meta({ title: '评价人数', example: '1240' }),
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
      /** 满意率低于 80% 时的情况说明。 */
      explanation: text('情况说明').optional(),
      /** 满意率低于 80% 时的整改措施，每条一行。 */
      measures: lines('整改措施').optional(),
      /** 个人满意率（可选）。低于 80% 的个人也要公开说明和整改措施。 */
      people: z.array(person.superRefine(requireExplanation)).optional().meta({ title: '个人评价' }),
      /** 更新日期：不写就用 Git 里这个文件最后一次修改的日期；想手工指定时写，例如 2026-11-22。 */
      updated: updated(),
    })
    .superRefine((ev, ctx) => {
      requireExplanation(ev, ctx);
      if (ev.end < ev.start) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: '结束日期早于开始日期', params: { kind: 'date-order', fix: '检查 start 和 end 是否写反了' } });
      }
    })
    .meta({ title: '评价结果' });

export type EvaluationData = z.output<ReturnType<typeof evaluationSchema>>;
