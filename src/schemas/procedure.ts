import { z } from 'astro/zod';
import { attachmentPath, type SchemaContext } from './context.ts';
import { code, hours, isNotStated, labelledEnum, labelledPhone, lines, notStated, orNotStated, order, phone, text, updated, url, workingDays, type NotStated } from './common.ts';

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

/** A promised time limit: a number of days, 当场办结 for items finished while the citizen waits, or 未公布 / 待填写. */
const promisedLimit = (title: string) =>
  z
    .union([notStated(title), workingDays(title), labelledEnum(title, { [ON_THE_SPOT]: '当场办结' } as const)])
    .meta({ title, expected: '天数（整数）或“当场办结”；原文没有写的填“未公布”，还没填的填“待填写”', example: '5' });

/**
 * A statutory time limit may also be 无法定时限, where no law sets one. That
 * says "there is none", which is a fact; 未公布 says the source does not state
 * it, which is a gap.
 */
const statutoryLimit = (title: string) =>
  z
    .union([notStated(title), workingDays(title), labelledEnum(title, { [ON_THE_SPOT]: '当场办结', [NO_LIMIT]: '无法定时限' } as const)])
    .meta({ title, expected: '天数（整数）、“当场办结”或“无法定时限”；原文没有写的填“未公布”，还没填的填“待填写”', example: '20' });

const dayUnit = (title: string) => labelledEnum(title, DAY_UNITS).default('working-days');

export type Limit = number | typeof ON_THE_SPOT | typeof NO_LIMIT | NotStated;

/** Days, where an on-the-spot item counts as zero and no limit (or one not stated) as no bound. */
export function limitDays(value: Limit): number {
  return value === ON_THE_SPOT ? 0 : value === NO_LIMIT || isNotStated(value) ? Infinity : value;
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
            /** 只在某些情况下才能这样办时，写明什么情况，例如“已绑定社保卡的”。 */
            condition: text('适用情形').optional(),
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
const fee = z.union([notStated('收费标准'), z.literal('不收费'), z.array(feeItem).min(1)]).meta({
  title: '收费标准',
  expected: '“不收费”，或收费项目列表（每项写金额和收费依据）；原文没有写收费的填“未公布”',
  example: '不收费',
  fix: '写 不收费，或写金额和收费依据（fee: 下面逐项写 name、amount、basis）；原文确实没有写收费的，写 未公布',
});

/** One of several documents any one of which will do (任选其一). */
const alternativeDocument = z
  .strictObject({
    /** 材料名称，例如“居民身份证”“临时身份证”。 */
    name: text('材料名称', '居民身份证'),
    /** 说明，例如“在有效期内”。 */
    note: text('材料说明').optional(),
  })
  .meta({ title: '可选材料' });

const material = z
  .strictObject({
    /** 材料名称，例如“居民户口簿”；几样任选其一时写总称，例如“本人有效身份证件”。 */
    name: text('材料名称', '居民户口簿'),
    /** 原件、复印件、原件和复印件、电子材料。 */
    form: labelledEnum('材料形式', MATERIAL_FORMS),
    /** 份数（原件和复印件都要时是复印件的份数），原件查验一般写 1。 */
    copies: z.number().int().min(1).max(99).default(1).meta({ title: '份数', expected: '整数', example: '1' }),
    /** 原件和复印件都要、原件不止 1 份时，原件的份数，例如 2。 */
    originals: z.number().int().min(1).max(99).optional().meta({ title: '原件份数', expected: '整数', example: '1' }),
    /** 是否必须提交；只在某些情况下才要的写 false，并在 condition 里说明什么情况下要。 */
    required: z.boolean().default(true).meta({ title: '是否必需' }),
    /** 什么情况下需要，例如“委托他人办理的”。 */
    condition: text('适用情形').optional(),
    /** 哪几类申请人要带：写事项 applicants 里的名称，例如 ["本人办理", "委托代办"]；不写就是每类都要。 */
    applicants: z.array(text('申请人类型', '本人办理')).min(1).optional().meta({ title: '适用申请人', expected: '事项 applicants 里列出的名称', example: '["委托代办"]' }),
    /** 几样材料任选其一时，逐样写出，例如居民身份证、临时身份证、户口簿。 */
    anyOf: z.array(alternativeDocument).min(2).optional().meta({ title: '任选其一', expected: '至少两样材料' }),
    /** 说明，例如“在有效期内”“由医院出具”。 */
    note: text('材料说明').optional(),
    /** 材料从哪里来，例如“申请人自备”“医院出具”。 */
    source: text('材料来源').optional(),
  })
  .meta({ title: '申请材料' });

/** Another limit for one kind of applicant: 户籍人口 3 个工作日、流动人口 20 个工作日. */
const applicantLimit = z
  .strictObject({
    /** 哪类申请人，例如“本县户籍人口”“流动人口”。 */
    applicant: text('申请人类型', '流动人口'),
    /** 这类申请人的承诺时限。 */
    promised: promisedLimit('承诺办结时限'),
    /** 承诺时限按工作日还是自然日计算，默认工作日。 */
    promisedUnit: dayUnit('承诺时限计算方式'),
    /** 这类申请人的法定时限，不写就和上面的一样。 */
    statutory: statutoryLimit('法定办结时限').optional(),
    /** 法定时限按工作日还是自然日计算，默认工作日。 */
    statutoryUnit: dayUnit('法定时限计算方式'),
    /** 说明。 */
    note: text('时限说明').optional(),
  })
  .meta({ title: '不同申请人的时限' });

/** A waiting period before the limit starts or the item can be applied for: 出院 10 个工作日后方可复印. */
const waitingPeriod = z
  .strictObject({
    /** 从什么时候算起，例如“出院”“接种第一剂”。 */
    after: text('起算事件', '出院'),
    /** 要等多少天。 */
    days: workingDays('等待天数'),
    /** 等待天数按工作日还是自然日计算，默认工作日。 */
    unit: dayUnit('等待天数计算方式'),
    /** 等满以后可以做什么，例如“可申请复印病历”，不写就是“可办理”。 */
    then: text('等满后可以', '可申请复印病历').optional(),
  })
  .meta({ title: '等待期' });

/** Kinds of channel a guide may name for doing it online or by appointment, with or without an address. */
export const ONLINE_KINDS = {
  website: '网站',
  wechat: '微信公众号',
  'mini-program': '微信小程序',
  alipay: '支付宝小程序',
  app: '手机应用',
  phone: '电话',
  kiosk: '自助机',
} as const;

/** An online channel: a web address, or only a name (a WeChat 公众号, a 小程序, an app) or a phone. */
const onlineChannel = z
  .strictObject({
    /** 网址；公众号、小程序、手机应用没有网址的不写。 */
    url: url('网上办理地址').optional(),
    /** 入口名称，例如“浙里办”“青溪县人民医院微信公众号”。 */
    label: text('入口名称', '浙里办').optional(),
    /** 入口类型：网站、微信公众号、微信小程序、支付宝小程序、手机应用、电话、自助机。 */
    kind: labelledEnum('入口类型', ONLINE_KINDS).optional(),
    /** 电话办理或预约的号码。 */
    phone: phone('办理电话').optional(),
    /** 怎么进入、能办到哪一步，例如“关注后点‘服务’→‘病案复印’”。 */
    note: text('入口说明').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.url === undefined && c.label === undefined && c.phone === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['label'],
        message: '网上办理入口要写网址、入口名称或电话中的至少一样',
        params: { kind: 'required-with', fix: '加一行 label: 青溪县人民医院微信公众号（没有网址的入口写名称）' },
      });
    }
  })
  .meta({ title: '网上办理' });

/** How far a procedure can be done elsewhere than here (通办). */
export const SCOPES = { county: '全县通办', city: '全市通办', province: '全省通办', national: '跨省通办' } as const;

/** One of several places where a procedure is done. */
const place = z
  .strictObject({
    /** 地点名称，例如“城东院区门诊楼一楼 6 号窗口”“全市任一派出所”。 */
    name: text('地点名称', '城东院区门诊楼一楼 6 号窗口'),
    /** 地址。 */
    address: text('地址').optional(),
    /** 怎么走。 */
    directions: text('路线指引').optional(),
    /** 这里的办公时间，不写就用事项或单位的办公时间。 */
    hours: hours.optional(),
    /** 咨询电话。 */
    phone: phone('咨询电话').optional(),
    /** 说明，例如“仅办理本院区出院患者的复印”。 */
    note: text('地点说明').optional(),
  })
  .meta({ title: '办理地点' });

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

  const timeLimit = z
    .strictObject({
      /** 法定办结时限：法律法规规定的天数、“当场办结”，法律没有规定时写“无法定时限”，原文没有写的写“未公布”。 */
      statutory: statutoryLimit('法定办结时限'),
      /** 法定时限按工作日还是自然日计算，默认工作日。 */
      statutoryUnit: dayUnit('法定时限计算方式'),
      /** 承诺办结时限：本单位承诺的天数，不能长于法定时限，或“当场办结”；原文没有写的写“未公布”。 */
      promised: promisedLimit('承诺办结时限'),
      /** 承诺时限按工作日还是自然日计算，默认工作日。 */
      promisedUnit: dayUnit('承诺时限计算方式'),
      /** 例外：不算在时限里的时间，例如“除省厅制卡时间外”。凡是写时限的地方都会一起写出。 */
      exception: text('时限例外', '除省厅制卡时间外').optional(),
      /** 等待期：要等一段时间才能办，例如出院 10 个工作日后才能复印病历。 */
      waiting: waitingPeriod.optional(),
      /** 不同申请人时限不同时逐类写，例如本县户籍 3 个工作日、流动人口 20 个工作日。 */
      byApplicant: z.array(applicantLimit).min(1).optional().meta({ title: '不同申请人的时限' }),
      /** 时限说明，例如“不含公告、鉴定时间”。 */
      note: text('时限说明').optional(),
    })
    .superRefine((tl, ctx) => {
      const compare = (statutoryValue: Limit, statutoryUnit: DayUnit, promisedValue: Limit, promisedUnit: DayUnit, path: PropertyKey[]) => {
        // 未公布 on either side leaves nothing to compare.
        if (isNotStated(statutoryValue) || isNotStated(promisedValue)) return;
        const promised = limitDays(promisedValue);
        const statutory = limitDays(statutoryValue);
        // Days in different units are compared only where the answer does
        // not depend on holidays: n working days always take at least n
        // calendar days, so promising more working days than the law's
        // calendar days is too long; the other way round cannot be told.
        const comparable = statutoryUnit === promisedUnit || promisedValue === ON_THE_SPOT || (promisedUnit === 'working-days' && statutoryUnit === 'calendar-days');
        if (comparable && promised > statutory) {
          const said = (v: Limit, u: DayUnit) => (v === ON_THE_SPOT ? '当场办结' : v === NO_LIMIT ? '无法定时限' : `${String(v)} 个${DAY_UNITS[u]}`);
          ctx.addIssue({
            code: 'custom',
            path,
            message:
              statutoryUnit === promisedUnit || promisedValue === ON_THE_SPOT
                ? '承诺办结时限不能长于法定办结时限'
                : `承诺办结时限（${said(promisedValue, promisedUnit)}）长于法定办结时限（${said(statutoryValue, statutoryUnit)}）`,
            params: {
              kind: 'promised-longer',
              fix: statutoryValue === ON_THE_SPOT ? '法定要求当场办结的，promised 也写 当场办结' : `把 promised 改成不超过 ${statutory} 的天数`,
            },
          });
        }
      };
      compare(tl.statutory, tl.statutoryUnit, tl.promised, tl.promisedUnit, ['promised']);
      tl.byApplicant?.forEach((a, i) =>
        compare(a.statutory ?? tl.statutory, a.statutory === undefined ? tl.statutoryUnit : a.statutoryUnit, a.promised, a.promisedUnit, ['byApplicant', i, 'promised']),
      );
    })
    .meta({ title: '办结时限' });

  return z
    .strictObject({
      /** 事项编码，请加英文引号，例如 "330122-001-XK-0012"。 */
      code: orNotStated(code('事项编码', '"330122-001-XK-0012"')),
      /** 事项名称，例如“居民身份证补领”。 */
      name: text('事项名称', '居民身份证补领'),
      /** 一两句话说明这是什么事项、谁需要办。 */
      summary: orNotStated(text('事项简介')),
      /** 事项类型，例如“行政许可”“公共服务”“行政确认”。 */
      category: text('事项类型', '公共服务').optional(),
      /** 服务对象：个人、单位或两者。 */
      audience: labelledEnum('服务对象', AUDIENCES).optional(),
      /** 受理条件：符合哪些条件才能办，每条一行。 */
      eligibility: orNotStated(lines('受理条件')),
      /**
       * 申请人类型：不同的人办要带的材料不同时，先在这里列出几类，例如
       * ["本人办理", "委托代办", "未成年人"]，再在每项材料的 applicants 里写哪几类要带。
       */
      applicants: z.array(text('申请人类型', '本人办理')).min(2).optional().meta({ title: '申请人类型', expected: '至少两类', example: '["本人办理", "委托代办"]' }),
      /** 申请材料：每项写名称、原件还是复印件、份数和说明；确实不需要材料时写 []。 */
      materials: orNotStated(materials),
      /** 办理流程，按先后顺序。 */
      steps: orNotStated(z.array(step).min(1).meta({ title: '办理流程' })),
      /** 办结时限；原文整个没有写时限的写 timeLimit: 未公布。 */
      timeLimit: orNotStated(timeLimit),
      /** 到现场次数：全程网上办理写 0，最多跑一次写 1。 */
      visits: orNotStated(z.number().int().min(0).max(9).meta({ title: '到现场次数', expected: '整数', example: '1' })),
      /** 收费标准：不收费就写“不收费”；收费就逐项写收费项目、金额和收费依据。不能写“无”或空着；原文没有写收费的写“未公布”。 */
      fee,
      /** 收费的补充说明，例如“诊察费按医院公示的医疗服务价格收取”“契税由税务部门另行征收”。 */
      feeNote: text('收费说明').optional(),
      /** 办理结果：办完拿到什么，例如“居民身份证”“不动产权证书”“出生医学证明”。 */
      result: text('办理结果', '居民身份证').optional(),
      /** 送达方式，例如 ["窗口领取", "邮政 EMS 免费寄递"]。 */
      delivery: lines('送达方式').optional(),
      /** 办理地点，不写就用单位的位置（地址和路线指引）。 */
      place: text('办理地点').optional(),
      /** 有几处可以办时逐处写，例如医院的两个院区，或“全市任一派出所”；每处可写地址、路线和办公时间。 */
      places: z.array(place).min(1).optional().meta({ title: '办理地点' }),
      /** 办理时间，不写就用单位的办公时间。 */
      hours: hours.optional(),
      /**
       * 电话。两种写法：只有咨询和投诉电话时写 consult、complaint；
       * 电话多、各有用途时逐个写 label（用途）和 number（号码），例如咨询、预约、投诉。
       */
      phones: z
        .union([
          z
            .strictObject({
              /** 咨询电话，不写就用单位的咨询电话。 */
              consult: phone('咨询电话').optional(),
              /** 监督投诉电话，不写就用单位监督渠道里的投诉电话；没有投诉电话时用监督电话，再没有就用服务热线。 */
              complaint: phone('监督投诉电话').optional(),
            })
            .meta({ title: '电话' }),
          z.array(labelledPhone('电话')).min(1).meta({ title: '电话' }),
        ])
        .optional()
        .meta({ title: '电话' }),
      /** 设定依据：法律、法规、规章名称和条款，每条一行；原文没有写的写“未公布”。 */
      legalBasis: orNotStated(lines('设定依据')),
      /** 网上办理入口：网址，或没有网址的公众号、小程序、手机应用的名称；几个入口时写成列表。 */
      online: z
        .union([onlineChannel, z.array(onlineChannel).min(1)])
        .optional()
        .meta({ title: '网上办理' }),
      /** 预约：是否需要预约、怎么预约。 */
      appointment: z
        .strictObject({
          /** 必须预约写 true，可以预约也可以直接来写 false。 */
          required: z.boolean().meta({ title: '是否必须预约' }),
          /** 怎么预约，例如“提前一天通过医院微信公众号预约”。 */
          how: text('预约方式', '提前一天通过医院微信公众号预约'),
          /** 预约电话。 */
          phone: phone('预约电话').optional(),
        })
        .optional()
        .meta({ title: '预约' }),
      /** 通办范围：全县通办、全市通办、全省通办、跨省通办。 */
      scope: labelledEnum('通办范围', SCOPES).optional(),
      /** 通办的补充说明，例如“可在全市任一派出所申请”。 */
      scopeNote: text('通办说明').optional(),
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
    .superRefine((p, ctx) => {
      // A material's applicants name the procedure's own list, so that a page can say what each case brings.
      if (isNotStated(p.materials)) return;
      const known = new Set(p.applicants ?? []);
      p.materials.forEach((m, i) => {
        for (const [j, who] of (m.applicants ?? []).entries()) {
          if (known.has(who)) continue;
          ctx.addIssue({
            code: 'custom',
            path: ['materials', i, 'applicants', j],
            message: p.applicants
              ? `“${who}”不在事项的申请人类型（applicants）里：${p.applicants.join('、')}`
              : `材料写了适用申请人“${who}”，但事项没有列出申请人类型（applicants）`,
            params: {
              kind: 'unknown-applicant',
              fix: p.applicants ? `改成 ${p.applicants.join('、')} 中的一个，或把“${who}”加进 applicants` : `在事项里加一行 applicants: ["本人办理", "${who}"]，列出所有申请人类型`,
            },
          });
        }
      });
    })
    .meta({ title: '办事指南' });
};

export type ProcedureData = z.output<ReturnType<typeof procedureSchema>>;
export type FeeItem = z.output<typeof feeItem>;
export type Step = z.output<typeof step>;
export type Material = z.output<typeof material>;
export type OnlineChannel = z.output<typeof onlineChannel>;
export type ProcedurePlace = z.output<typeof place>;
export type TimeLimit = z.output<ReturnType<typeof procedureSchema>>['timeLimit'];
