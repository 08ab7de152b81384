import { z } from 'astro/zod';
import { calendarDate, labelledEnum, NOT_STATED, order, orNotStated, ref, text, updated } from './common.ts';

export const PLEDGE_STATUSES = {
  'not-started': '未开始',
  'in-progress': '进行中',
  kept: '已兑现',
  'not-kept': '未兑现',
} as const;
export type PledgeStatus = keyof typeof PLEDGE_STATUSES;

/** What an item's status may be: a status, or 未公布 / 待填写 when the source does not give one. */
export const ITEM_STATUS_LABELS = { ...PLEDGE_STATUSES, ...NOT_STATED } as const;
export type ItemStatus = keyof typeof ITEM_STATUS_LABELS;

/** A pledge with no deadline: it holds for as long as the unit keeps it (长期坚持). */
export const STANDING = { standing: '长期' } as const;
export const STANDING_WORDS = ['长期', '长期坚持', '长期有效'] as const;

/**
 * When a pledge item is due: a date, 长期 for a standing pledge with no
 * deadline, or 未公布 / 待填写 when the source does not say.
 */
const deadline = z
  .union([
    z
      .enum(STANDING_WORDS)
      .transform(() => 'standing' as const)
      .meta({ title: '完成时限' }),
    z.literal('standing'),
    orNotStated(calendarDate('完成时限')),
  ])
  .meta({ title: '完成时限', expected: '日期，如 2026-12-31；没有期限的长期承诺写 长期；原文没有写的填“未公布”，还没填的填“待填写”', example: '2026-12-31' });

/** Whether a deadline is a date (as opposed to 长期, 未公布, 待填写). */
export function isDeadlineDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** How a deadline is shown: the date as given, 长期, 未公布 or 待填写. */
export function deadlineLabel(value: string): string {
  if (value === 'standing') return STANDING.standing;
  if (value === 'not-published' || value === 'unfilled') return NOT_STATED[value];
  return value;
}

export const REVIEW_STAGES = {
  start: '年初承诺点评',
  middle: '年中兑现点评',
  end: '年终落实点评',
} as const;

export const PLEDGER_TYPES = { unit: '本单位', 'party-branch': '党支部', staff: '工作人员' } as const;

const item = z
  .strictObject({
    /** 承诺内容，例如“挂号排队不超过 10 分钟”。 */
    text: text('承诺内容', '挂号排队不超过 10 分钟'),
    /** 完成时限，例如 2026-12-31；没有期限的长期承诺写 长期；原文没写的填 未公布。 */
    deadline,
    /** 兑现情况：未开始、进行中、已兑现、未兑现；原文没写的填 未公布。 */
    status: orNotStated(labelledEnum('兑现情况', PLEDGE_STATUSES)),
    /** 兑现佐证或未兑现的原因，已兑现和未兑现时必须写。 */
    evidence: text('兑现佐证').optional(),
    /** 兑现情况的确认日期，已兑现和未兑现时必须写。 */
    date: calendarDate('确认日期').optional(),
  })
  .superRefine((it, ctx) => {
    if (it.status === 'kept' || it.status === 'not-kept') {
      const label = PLEDGE_STATUSES[it.status];
      if (it.evidence === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['evidence'],
          message: `兑现情况是“${label}”时要写明佐证或原因`,
          params: { kind: 'required-with', fix: 'evidence: 写明做了什么、结果如何' },
        });
      }
      if (it.date === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['date'],
          message: `兑现情况是“${label}”时要写确认日期`,
          params: { kind: 'required-with', fix: 'date: 2026-06-30' },
        });
      }
    }
  })
  .meta({ title: '承诺事项' });

const review = z
  .strictObject({
    /** 点评阶段：年初承诺点评、年中兑现点评、年终落实点评。 */
    stage: labelledEnum('点评阶段', REVIEW_STAGES),
    /** 点评人，写姓名和职务，例如“王建国（副院长）”。 */
    reviewer: text('点评人', '王建国（副院长）'),
    /** 点评日期。 */
    date: calendarDate('点评日期'),
    /** 点评意见。 */
    comment: text('点评意见'),
  })
  .meta({ title: '领导点评' });

/** `units/<单位>/pledges/<承诺>.yaml`: a pledge card (亮承诺) and its fulfilment. */
export const pledgeSchema = () =>
  z
    .strictObject({
      /** 标题，例如“2026 年度门诊服务中心服务承诺”。 */
      title: text('承诺标题', '2026 年度门诊服务中心服务承诺'),
      /** 承诺年度，例如 2026。 */
      year: z.number().int().min(2000).max(2100).meta({ title: '承诺年度', example: '2026' }),
      /** 谁来承诺。 */
      by: z
        .strictObject({
          /** 本单位、党支部，或工作人员。 */
          type: labelledEnum('承诺主体', PLEDGER_TYPES),
          /** 党支部名称，例如“门诊党支部”。type 为党支部时必须写。 */
          name: text('党支部名称', '门诊党支部').optional(),
          /** 工作人员：staff 文件夹里的文件名，例如 zhang-xiaoming。type 为工作人员时必须写。 */
          staff: ref('承诺人', 'zhang-xiaoming', 'staff').optional(),
        })
        .superRefine((by, ctx) => {
          if (by.type === 'party-branch' && by.name === undefined) {
            ctx.addIssue({ code: 'custom', path: ['name'], message: '党支部承诺要写党支部名称', params: { kind: 'required-with', fix: 'name: 门诊党支部' } });
          }
          if (by.type === 'staff' && by.staff === undefined) {
            ctx.addIssue({ code: 'custom', path: ['staff'], message: '个人承诺要写是哪位工作人员', params: { kind: 'required-with', fix: 'staff: zhang-xiaoming' } });
          }
          if (by.type !== 'staff' && by.staff !== undefined) {
            ctx.addIssue({ code: 'custom', path: ['staff'], message: '只有个人承诺才写 staff', params: { kind: 'only-with', fix: '删除 staff，或把 type 改成 staff' } });
          }
        })
        .meta({ title: '承诺主体' }),
      /** 承诺事项。 */
      items: z.array(item).min(1).meta({ title: '承诺事项' }),
      /** 领导点评。 */
      reviews: z.array(review).optional().meta({ title: '领导点评' }),
      /** 排列顺序。 */
      order: order().optional(),
      /** 更新日期：不写就用 Git 里这个文件最后一次修改的日期；想手工指定时写，例如 2026-11-22。 */
      updated: updated(),
    })
    .meta({ title: '服务承诺' });

export type PledgeData = z.output<ReturnType<typeof pledgeSchema>>;
export type PledgeItem = z.output<typeof item>;
