import { z } from 'astro/zod';
import type { SchemaContext } from './context.ts';
import { hours, labelledEnum, labelledPhone, leader, lines, order, phoneOrNotStated, plaque, supervisionChannels, text, updated } from './common.ts';

export const UNIT_KINDS = {
  'hospital-department': '医院科室',
  'service-hall-window': '政务服务窗口',
  'bureau-counter': '部门服务窗口',
  'public-health': '公共卫生服务点',
  station: '基层站所',
  other: '其他窗口',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;

/** `units/<单位>/unit.yaml`: one window unit and where to find it. */
export const unitSchema = <I extends z.ZodType>({ image }: SchemaContext<I>) =>
  z
    .strictObject({
      /** 单位名称，例如“门诊服务中心”“不动产登记窗口”。 */
      name: text('单位名称', '门诊服务中心'),
      /** 简称，用在窗口牌和台签上，可不填。 */
      shortName: text('简称').optional(),
      /** 单位类型：医院科室、政务服务窗口、部门服务窗口、公共卫生服务点、基层站所、其他窗口。 */
      kind: labelledEnum('单位类型', UNIT_KINDS),
      /** 所属单位或上级部门，例如“青溪县人民医院”“青溪县政务服务中心”。 */
      parent: text('所属单位', '青溪县人民医院'),
      /** 一句话说明这里办什么，例如“负责门诊挂号、收费、咨询和出生医学证明办理”。 */
      summary: text('单位简介'),
      /** 在哪里。 */
      location: z
        .strictObject({
          /** 地址，例如“青溪县人民路 88 号”。 */
          address: text('地址').optional(),
          /** 楼，例如“门诊楼”。 */
          building: text('楼栋', '门诊楼').optional(),
          /** 楼层，例如“一楼”。 */
          floor: text('楼层', '一楼').optional(),
          /** 窗口号，例如 ["1", "2", "3"]，请加英文引号。 */
          windows: z
            .array(z.string().trim().min(1).meta({ title: '窗口号', example: '"3"' }))
            .optional()
            .meta({ title: '窗口号' }),
          /** 怎么走，例如“从正门进入后右手边”。 */
          directions: text('路线指引').optional(),
        })
        .meta({ title: '位置' }),
      /**
       * 咨询电话，不写就用网站设置里的总咨询电话（页面会写明那是兜底的电话，不是本单位的）。
       * 本单位确实没有公布电话的写“未公布”。
       */
      phone: phoneOrNotStated('咨询电话').optional(),
      /** 更多电话，各写用途和号码，例如咨询、预约、投诉、急诊；有分机写“转”，例如 "0570-6747 5557 转 678"。 */
      phones: z.array(labelledPhone('电话')).min(1).optional().meta({ title: '电话' }),
      /** 办公时间，不写就用网站设置里的默认办公时间。 */
      hours: hours.optional(),
      /** 楼层平面图或科室分布图，放在 unit.yaml 旁边，例如 ./floor-plan.png。 */
      floorPlan: image().optional(),
      /** 用文字描述平面图，给看不见图片的人，例如“一楼大厅东侧为 1—6 号窗口”。填了平面图就必须填。 */
      floorPlanText: text('平面图文字说明').optional(),
      /** 单位获得的荣誉牌，例如 ["青年文明号", "巾帼文明岗"]。 */
      plaques: z.array(plaque()).optional().meta({ title: '荣誉牌' }),
      /** 分管领导。 */
      leader: leader.optional(),
      /** 单位负责人（科室主任、窗口负责人）。 */
      head: leader.optional().meta({ title: '单位负责人' }),
      /** 本单位的监督渠道。 */
      supervision: z
        .strictObject({
          /** add：加在全站渠道前面（默认）；replace：只显示本单位的渠道。 */
          mode: labelledEnum('使用方式', { add: '追加', replace: '替换' }).default('add'),
          /** 渠道列表。 */
          channels: supervisionChannels,
        })
        .optional()
        .meta({ title: '监督渠道' }),
      /** 单位实行的服务制度，例如 ["首问负责制", "一次性告知制", "限时办结制"]。 */
      systems: lines('服务制度').optional(),
      /** 在首页同类单位中的排列顺序，越小越靠前。 */
      order: order().optional(),
      /** 更新日期：不写就用 Git 里这个文件最后一次修改的日期；想手工指定时写，例如 2026-11-22。 */
      updated: updated(),
    })
    .superRefine((unit, ctx) => {
      if (unit.floorPlan !== undefined && unit.floorPlanText === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['floorPlanText'],
          message: '有平面图时要用文字说明平面图，给看不见图片的人',
          params: { kind: 'required-with', fix: '加一行 floorPlanText: 一楼大厅东侧为 1—6 号窗口……' },
        });
      }
    })
    .meta({ title: '窗口单位' });

export type UnitData<I = unknown> = Omit<z.output<ReturnType<typeof unitSchema>>, 'floorPlan'> & { floorPlan?: I | undefined };
