import { z } from 'astro/zod';
import { attachmentPath, type SchemaContext } from './context.ts';
import { code, hours, labelledEnum, lines, order, phone, text, updated, url, workingDays } from './common.ts';

export const MATERIAL_FORMS = {
  original: '原件',
  copy: '复印件',
  'original-and-copy': '原件和复印件',
  electronic: '电子材料',
} as const;

/** Whom a service is for (服务对象), as content may write it and as the service guide names it. */
export const AUDIENCES = { person: '个人', organisation: '单位', both: '个人和单位' } as const;

export const ON_THE_SPOT = 'on-the-spot';
export const NO_LIMIT = 'none';

export const DAY_UNITS = { 'working-days': '工作日', 'calendar-days': '自然日' } as const;
export type DayUnit = keyof typeof DAY_UNITS;

/** A promised time limit: a number of days, or 当场办结 for items finished while the citizen waits. */
const promisedLimit = (title: string) =>
  z.union([workingDays(title), labelledEnum(title, { [ON_THE_SPOT]: '当场办结' } as const)]).meta({ title, expected: '天数（整数）或“当场办结”', example: '5' });

/** A statutory time limit may also be 无法定时限, where no law sets one. */
const statutoryLimit = (title: string) =>
  z
    .union([workingDays(title), labelledEnum(title, { [ON_THE_SPOT]: '当场办结', [NO_LIMIT]: '无法定时限' } as const)])
    .meta({ title, expected: '天数（整数）、“当场办结”或“无法定时限”', example: '20' });

const dayUnit = (title: string) => labelledEnum(title, DAY_UNITS).default('working-days');

export type Limit = number | typeof ON_THE_SPOT | typeof NO_LIMIT;

/** Days, where an on-the-spot item counts as zero and no limit as no bound. */
export function limitDays(value: Limit): number {
  return value === ON_THE_SPOT ? 0 : value === NO_LIMIT ? Infinity : value;
}

const step = z
  .strictObject({
    /** 这一步叫什么，例如“取号”“窗口受理”“缴费”“领证”。 */
    name: text('步骤名称', '窗口受理'),
    /** 这一步做什么。 */
    description: text('步骤说明').optional(),
    /** 在哪里办，例如“一楼 3 号窗口”。 */
    where: text('办理地点').optional(),
    /** 谁来办，例如“受理人员”“申请人”。 */
    who: text('经办人').optional(),
    /** 这一步要多久，例如“即时”“1 个工作日”。 */
    duration: text('步骤用时').optional(),
    /** 只在某些情况下才有这一步时，写明什么情况，例如“证件遗失的”。 */
    condition: text('适用情形').optional(),
    /** 可以不做的步骤写 true，例如“邮寄送达（自愿选择）”。 */
    optional: z.boolean().optional().meta({ title: '是否可选' }),
    /** 也可以这样办：同一步的其他办法，例如自助机缴费、手机缴费。 */
    alternatives: z
      .array(
        z
          .strictObject({
            /** 其他办法的名称，例如“自助机缴费”。 */
            name: text('办法名称', '自助机缴费'),
            /** 怎么做。 */
            description: text('办法说明').optional(),
            /** 在哪里。 */
            where: text('办理地点').optional(),
          })
          .meta({ title: '其他办法' }),
      )
      .optional()
      .meta({ title: '其他办法' }),
  })
  .meta({ title: '办理步骤' });

const feeItem = z
  .strictObject({
    /** 收费项目，例如“不动产权证书工本费”。 */
    name: text('收费项目', '不动产权证书工本费'),
    /** 金额，写明单位，例如“10 元/本”“80 元/件”。 */
    amount: text('收费金额', '10 元/本'),
    /** 收费依据：文件名称和文号。 */
    basis: text('收费依据', '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）'),
    /** 减免说明，例如“小微企业免收”。 */
    note: text('减免说明').optional(),
  })
  .meta({ title: '收费项目' });

/**
 * Fees must be stated positively: 不收费, or each item with its amount and
 * legal basis. A blank or 无 is ambiguous on a public board (no fee? not
 * filled in?) so it is refused.
 */
const fee = z.union([z.literal('不收费'), z.array(feeItem).min(1)]).meta({
  title: '收费标准',
  expected: '“不收费”，或收费项目列表（每项写金额和收费依据）',
  example: '不收费',
  fix: '写 不收费，或写金额和收费依据（fee: 下面逐项写 name、amount、basis）',
});

const material = z
  .strictObject({
    /** 材料名称，例如“居民户口簿”。 */
    name: text('材料名称', '居民户口簿'),
    /** 原件、复印件、原件和复印件、电子材料。 */
    form: labelledEnum('材料形式', MATERIAL_FORMS),
    /** 份数，原件查验一般写 1。 */
    copies: z.number().int().min(1).max(99).default(1).meta({ title: '份数', expected: '整数', example: '1' }),
    /** 是否必须提交；只在某些情况下才要的写 false，并在 condition 里说明什么情况下要。 */
    required: z.boolean().default(true).meta({ title: '是否必需' }),
    /** 什么情况下需要，例如“委托他人办理的”。 */
    condition: text('适用情形').optional(),
    /** 说明，例如“在有效期内”“由医院出具”。 */
    note: text('材料说明').optional(),
    /** 材料从哪里来，例如“申请人自备”“医院出具”。 */
    source: text('材料来源').optional(),
  })
  .meta({ title: '申请材料' });

/** Front matter of `units/<单位>/procedures/<事项>.md`: one service guide (办事指南). */
export const procedureSchema = <I extends z.ZodType>({ file = attachmentPath }: SchemaContext<I>) => {
  const materials = z
    .array(
      material.extend({
        /** 空白表格，放在事项文件旁边，例如 ./forms/申请表.pdf。 */
        blankForm: file().optional().meta({ title: '空白表格' }),
        /** 填写样表。 */
        sample: file().optional().meta({ title: '填写样表' }),
      }),
    )
    .meta({ title: '申请材料', expected: '材料列表；确实不需要材料时写 []' });

  return z
    .strictObject({
      /** 事项编码，请加英文引号，例如 "330122-001-XK-0012"。 */
      code: code('事项编码', '"330122-001-XK-0012"'),
      /** 事项名称，例如“居民身份证补领”。 */
      name: text('事项名称', '居民身份证补领'),
      /** 一两句话说明这是什么事项、谁需要办。 */
      summary: text('事项简介'),
      /** 事项类型，例如“行政许可”“公共服务”“行政确认”。 */
      category: text('事项类型', '公共服务').optional(),
      /** 服务对象：个人、单位或两者。 */
      audience: labelledEnum('服务对象', AUDIENCES).optional(),
      /** 受理条件：符合哪些条件才能办，每条一行。 */
      eligibility: lines('受理条件'),
      /** 申请材料：每项写名称、原件还是复印件、份数和说明；确实不需要材料时写 []。 */
      materials,
      /** 办理流程，按先后顺序。 */
      steps: z.array(step).min(1).meta({ title: '办理流程' }),
      /** 办结时限。 */
      timeLimit: z
        .strictObject({
          /** 法定办结时限：法律法规规定的天数、“当场办结”，或法律没有规定时写“无法定时限”。 */
          statutory: statutoryLimit('法定办结时限'),
          /** 法定时限按工作日还是自然日计算，默认工作日。 */
          statutoryUnit: dayUnit('法定时限计算方式'),
          /** 承诺办结时限：本单位承诺的天数，不能长于法定时限，或“当场办结”。 */
          promised: promisedLimit('承诺办结时限'),
          /** 承诺时限按工作日还是自然日计算，默认工作日。 */
          promisedUnit: dayUnit('承诺时限计算方式'),
          /** 时限说明，例如“不含公告、鉴定时间”。 */
          note: text('时限说明').optional(),
        })
        .superRefine((tl, ctx) => {
          const promised = limitDays(tl.promised);
          const statutory = limitDays(tl.statutory);
          // Days in different units are compared only where the answer does
          // not depend on holidays: n working days always take at least n
          // calendar days, so promising more working days than the law's
          // calendar days is too long; the other way round cannot be told.
          const comparable = tl.statutoryUnit === tl.promisedUnit || tl.promised === ON_THE_SPOT || (tl.promisedUnit === 'working-days' && tl.statutoryUnit === 'calendar-days');
          if (comparable && promised > statutory) {
            const unitOf = (u: DayUnit) => DAY_UNITS[u];
            const said = (v: Limit, u: DayUnit) => (v === ON_THE_SPOT ? '当场办结' : v === NO_LIMIT ? '无法定时限' : `${v} 个${unitOf(u)}`);
            ctx.addIssue({
              code: 'custom',
              path: ['promised'],
              message:
                tl.statutoryUnit === tl.promisedUnit || tl.promised === ON_THE_SPOT
                  ? '承诺办结时限不能长于法定办结时限'
                  : `承诺办结时限（${said(tl.promised, tl.promisedUnit)}）长于法定办结时限（${said(tl.statutory, tl.statutoryUnit)}）`,
              params: {
                kind: 'promised-longer',
                fix: tl.statutory === ON_THE_SPOT ? '法定要求当场办结的，promised 也写 当场办结' : `把 promised 改成不超过 ${statutory} 的天数`,
              },
            });
          }
        })
        .meta({ title: '办结时限' }),
      /** 到现场次数：全程网上办理写 0，最多跑一次写 1。 */
      visits: z.number().int().min(0).max(9).meta({ title: '到现场次数', expected: '整数', example: '1' }),
      /** 收费标准：不收费就写“不收费”；收费就逐项写收费项目、金额和收费依据。不能写“无”或空着。 */
      fee,
      /** 收费的补充说明，例如“诊察费按医院公示的医疗服务价格收取”“契税由税务部门另行征收”。 */
      feeNote: text('收费说明').optional(),
      /** 办理结果：办完拿到什么，例如“居民身份证”“不动产权证书”“出生医学证明”。 */
      result: text('办理结果', '居民身份证').optional(),
      /** 送达方式，例如 ["窗口领取", "邮政 EMS 免费寄递"]。 */
      delivery: lines('送达方式').optional(),
      /** 办理地点，不写就用单位的位置。 */
      place: text('办理地点').optional(),
      /** 办理时间，不写就用单位的办公时间。 */
      hours: hours.optional(),
      /** 电话。 */
      phones: z
        .strictObject({
          /** 咨询电话，不写就用单位的咨询电话。 */
          consult: phone('咨询电话').optional(),
          /** 监督投诉电话，不写就用单位监督渠道里的投诉电话；没有投诉电话时用监督电话，再没有就用服务热线。 */
          complaint: phone('监督投诉电话').optional(),
        })
        .optional()
        .meta({ title: '电话' }),
      /** 设定依据：法律、法规、规章名称和条款，每条一行。 */
      legalBasis: lines('设定依据'),
      /** 网上办理入口。 */
      online: z
        .strictObject({
          /** 网址。 */
          url: url('网上办理地址'),
          /** 入口名称，例如“浙里办”“医院微信公众号”。 */
          label: text('入口名称', '浙里办').optional(),
        })
        .optional()
        .meta({ title: '网上办理' }),
      /** 常见问题。 */
      faq: z
        .array(
          z
            .strictObject({
              /** 问题。 */
              q: text('问题'),
              /** 回答。 */
              a: text('回答'),
            })
            .meta({ title: '常见问题' }),
        )
        .optional()
        .meta({ title: '常见问题' }),
      /** 在单位事项列表中的排列顺序。 */
      order: order().optional(),
      /** 更新日期：不写就用 Git 里这个文件最后一次修改的日期；想手工指定时写，例如 2026-11-22。 */
      updated: updated(),
    })
    .meta({ title: '办事指南' });
};

export type ProcedureData = z.output<ReturnType<typeof procedureSchema>>;
export type FeeItem = z.output<typeof feeItem>;
export type Step = z.output<typeof step>;
