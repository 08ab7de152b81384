import { z } from 'astro/zod';
import { calendarDate, labelledEnum, ref, text, updated } from './common.ts';

export const NOTICE_TYPES = { notice: '公告', publicity: '公示', bulletin: '简报' } as const;
export type NoticeType = keyof typeof NOTICE_TYPES;

/** Front matter of `notices/<公告>.md`: a notice, a public-comment notice or a numbered bulletin. */
export const noticeSchema = () =>
  z
    .strictObject({
      /** 类型：公告、公示（有公示期）、简报（有期号）。 */
      type: labelledEnum('公告类型', NOTICE_TYPES),
      /** 标题。 */
      title: text('标题', '关于春节期间窗口办公时间调整的公告'),
      /** 发布日期。 */
      date: calendarDate('发布日期'),
      /** 发布单位：units 文件夹里的单位文件夹名；不写表示以机构名义发布。 */
      unit: ref('发布单位', 'menzhen', 'units').optional(),
      /** 落款，例如“青溪县人民医院办公室”。 */
      signer: text('落款').optional(),
      /** 公示期（公示必填）：从哪天到哪天，两天都包含在内。 */
      period: z
        .strictObject({
          /** 公示开始日期。 */
          start: calendarDate('公示开始日期'),
          /** 公示结束日期（含当天）。 */
          end: calendarDate('公示结束日期'),
        })
        .optional()
        .meta({ title: '公示期' }),
      /** 意见反馈方式（公示），例如“电话 0571-…，或来信寄至…”。 */
      feedback: text('意见反馈方式').optional(),
      /** 期号（简报必填），例如 6。 */
      issue: z.number().int().min(1).optional().meta({ title: '期号', example: '6' }),
      /** 总期号（简报），例如 26。 */
      totalIssue: z.number().int().min(1).optional().meta({ title: '总期号', example: '26' }),
      /** 置顶：重要公告写 true，会排在最前。 */
      pinned: z.boolean().optional().meta({ title: '置顶' }),
      /** 紧急：写 true 的公告会占满所有大厅显示屏，直到 until（或公示期结束）那天过完。 */
      urgent: z.boolean().optional().meta({ title: '紧急' }),
      /** 紧急公告在显示屏上显示到哪天（含当天）。公示可以不写，用公示期结束日期。 */
      until: calendarDate('显示到').optional(),
      /** 更新日期：不写就用 Git 里这个文件最后一次修改的日期；想手工指定时写，例如 2026-11-22。 */
      updated: updated(),
    })
    .superRefine((n, ctx) => {
      if (n.type === 'publicity' && n.period === undefined) {
        ctx.addIssue({ code: 'custom', path: ['period'], message: '公示要写公示期', params: { kind: 'required-with', fix: 'period:\n  start: 2026-11-20\n  end: 2026-11-26' } });
      }
      if (n.type !== 'publicity' && n.period !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['period'], message: '只有公示才有公示期', params: { kind: 'only-with', fix: '删除 period，或把 type 改成 公示' } });
      }
      if (n.period && n.period.end < n.period.start) {
        ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: '公示结束日期早于开始日期', params: { kind: 'date-order', fix: '检查 start 和 end 是否写反了' } });
      }
      if (n.urgent && n.until === undefined && n.period === undefined) {
        ctx.addIssue({ code: 'custom', path: ['until'], message: '紧急公告要写在显示屏上显示到哪天', params: { kind: 'required-with', fix: 'until: 2026-12-31' } });
      }
      if (n.until !== undefined && n.until < n.date) {
        ctx.addIssue({ code: 'custom', path: ['until'], message: '“显示到”早于发布日期', params: { kind: 'date-order', fix: '检查 date 和 until' } });
      }
      if (n.type === 'bulletin' && n.issue === undefined) {
        ctx.addIssue({ code: 'custom', path: ['issue'], message: '简报要写期号', params: { kind: 'required-with', fix: 'issue: 6' } });
      }
      if (n.type !== 'bulletin' && (n.issue !== undefined || n.totalIssue !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [n.issue !== undefined ? 'issue' : 'totalIssue'],
          message: '只有简报才有期号',
          params: { kind: 'only-with', fix: '删除期号，或把 type 改成 简报' },
        });
      }
    })
    .meta({ title: '公告' });

export type NoticeData = z.output<ReturnType<typeof noticeSchema>>;
