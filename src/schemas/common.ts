/**
 * Building blocks shared by every content type.
 *
 * Every field carries `meta({ title })`, a short Chinese name that error
 * messages show next to the YAML key ("phone（咨询电话）"), and, where the
 * form of a value is not obvious, `expected` and `example`, which the error
 * formatter turns into "应为…，例如…". The doc comments on the fields in each
 * schema module are written for the publicity officer who fills them in.
 */
import { z } from 'astro/zod';
import { isCalendarDate } from '#lib/dates.ts';
import { isPartOfDay, isReadableDays, parseMonthDay, parseWeekdays, PARTS_OF_DAY } from '#lib/hours.ts';
import { checkPhones } from '#lib/phone.ts';

/** Extra information every field may carry for messages and editor hints. */
export interface FieldMeta {
  /** Short Chinese name of the field, shown in error messages. */
  title: string;
  /** What a valid value looks like, in words ("日期"). */
  expected?: string;
  /** A valid example value. */
  example?: string;
  /** For labelled enums: each accepted value and its Chinese label. */
  labels?: Record<string, string>;
  /** How to put a wrong value right, when "应为…，例如…" would not say it well. */
  fix?: string;
  /** For references: which collection the value names (see `ref`). */
  references?: RefTarget;
}

/** A non-empty line of text. Leading and trailing spaces are removed. */
export const text = (title: string, example?: string) =>
  z
    .string()
    .trim()
    .min(1)
    .meta({ title, expected: '一段文字，不能为空', ...(example ? { example } : {}) });

/** A list of non-empty lines, at least `min` of them. */
export const lines = (title: string, min = 1) =>
  z
    .array(z.string().trim().min(1).meta({ title }))
    .min(min)
    .meta({ title, expected: `至少 ${min} 条文字的列表` });

/** A URL slug: lower-case Latin letters, digits and hyphens. Used in web addresses and QR codes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a reference may point at: a unit folder, or a file of the same unit's posts, staff or procedures. */
export type RefTarget = 'units' | 'posts' | 'staff' | 'procedures';

/**
 * A reference to another entry by its file name without extension, e.g. the
 * post `daoyi` for `posts/daoyi.yaml` in the same unit. `references` names
 * the collection, so that the form editor offers a chooser of its items.
 */
export const ref = (title: string, example: string, references: RefTarget) =>
  z.string().regex(SLUG_PATTERN).meta({ title, expected: '另一个文件的文件名（不含扩展名）', example, references });

/** What a phone field expects; also how the privacy guard knows a field is declared to hold a published number. */
export const PHONE_EXPECTED = '电话号码（写在英文引号里）';

/**
 * A Chinese phone number as text, as real pages print it (see
 * src/lib/phone.ts): a landline with its area code, a mobile, a 400/800
 * number or a public hotline; dashes of any width (023—65751638,
 * 0531－12380); an extension after 转 or a hyphen (67475557-678); several
 * numbers in one field ("2342699;2342277"); and a local landline without its
 * area code, which the checker accepts once site.yaml gives `areaCode`.
 * YAML would turn an unquoted 057188886666 into a number and drop the leading
 * zero, so the schema only accepts strings and the error formatter explains
 * how to quote.
 */
export const phone = (title = '电话') =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const result = checkPhones(value, { allowLocal: true });
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message, params: { kind: 'phone', fix: result.fix } });
    })
    .meta({ title, expected: PHONE_EXPECTED, example: '"0571-8888 6666"' });

/**
 * A phone that a source may not give: the number, or 未公布 / 待填写. Kept
 * apart from `orNotStated` so that the field still says it holds a phone
 * (the privacy guard reads `expected` to know where a number may be published).
 */
export const phoneOrNotStated = (title = '电话') =>
  z.union([notStated(title), phone(title)]).meta({ title, expected: PHONE_EXPECTED, example: '"0571-8888 6666"', fix: '写电话号码（加英文引号）；单位没有公布电话的写 未公布' });

/**
 * One labelled phone of a unit or a guide: 咨询、投诉、预约、急诊 … with its
 * number, as many as the source lists.
 */
export const labelledPhone = (title = '电话') =>
  z
    .strictObject({
      /** 这个电话是做什么的，例如“咨询”“投诉”“预约”“病案复印咨询”。 */
      label: text('电话用途', '咨询'),
      /** 号码，加英文引号；有分机写“转”或短横线，例如 "0570-6747 5557 转 678"；两个号码可以写在一起，例如 "2342699;2342277"。 */
      number: phone(title),
      /** 什么时间能打通，例如“工作日 8:00-17:00”。 */
      hours: text('接听时间', '工作日 8:00-17:00').optional(),
      /** 补充说明，例如“仅限复印预约”。 */
      note: text('电话说明').optional(),
    })
    .meta({ title: '电话' });

/** A code or number that must stay exactly as written (事项编码, 工号). */
export const code = (title: string, example: string) => z.string().trim().min(1).meta({ title, expected: '编号（写在英文引号里）', example });

/**
 * A calendar date, written 2026-11-22. Astro's YAML reader turns such a value
 * into a Date at midnight UTC while the checker's reader keeps it as text, so
 * both are accepted and normalised to the text form; dates are compared as
 * text, which sorts correctly.
 */
export const calendarDate = (title: string) =>
  z
    .union([z.string().trim(), z.date()])
    .transform((value, ctx) => {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
      if (!isCalendarDate(text)) {
        ctx.addIssue({ code: 'custom', message: `“${text}” 不是有效的日期`, params: { kind: 'date' } });
        return z.NEVER;
      }
      return text;
    })
    .meta({ title, expected: '日期，格式为 年-月-日', example: '2026-11-22' });

/** A whole number of working days, 0 or more. */
export const workingDays = (title: string) => z.number().int().min(0).max(3650).meta({ title, expected: '工作日天数（整数）', example: '5' });

export const url = (title: string) => z.url({ protocol: /^https?$/ }).meta({ title, expected: '以 http:// 或 https:// 开头的网址', example: 'https://www.example.gov.cn/' });

export const email = (title: string) => z.email().meta({ title, expected: '电子邮箱地址', example: 'jubao@example.gov.cn' });

/**
 * An enumeration that accepts either the English key or its Chinese label
 * and always yields the key: `status: kept` and `status: 已兑现` mean the
 * same. Staff often copy values from a spreadsheet in Chinese; code compares
 * keys.
 */
export function labelledEnum<const L extends Record<string, string>>(title: string, labels: L) {
  const keys = Object.keys(labels) as Array<Extract<keyof L, string>>;
  const byLabel = new Map<string, Extract<keyof L, string>>();
  for (const key of keys) byLabel.set(labels[key] as string, key);
  const accepted = [...keys, ...byLabel.keys()] as [string, ...string[]];
  return z
    .enum(accepted)
    .transform((value) => byLabel.get(value) ?? (value as Extract<keyof L, string>))
    .meta({ title, labels: { ...labels } });
}

/** A sort position: smaller numbers come first. */
export const order = () => z.number().int().meta({ title: '排列顺序', expected: '整数，越小越靠前', example: '10' });

/** The date an item was last changed by hand; overrides the date from Git. */
export const updated = () => calendarDate('更新日期').optional();

/**
 * What a source leaves out. Real service guides often omit an element (no
 * fee stated, no legal basis, no clock times), and a required field must not
 * force an officer to invent one. Two explicit values say so instead:
 *
 * - `未公布` (`not-published`): the unit's own published material does not
 *   state it. Pages show it honestly ("本事项未公布收费信息，请咨询 …").
 * - `待填写` (`unfilled`): not entered yet. Templates and the importers write
 *   this, never a plausible value.
 *
 * Both are accepted wherever a field allows them (see `orNotStated`), both
 * count as a gap in `--report` and the completeness table, never as done,
 * and the checker lists each as a warning to fill in; neither blocks
 * publishing.
 */
export const NOT_STATED = { 'not-published': '未公布', unfilled: '待填写' } as const;
export type NotStated = keyof typeof NOT_STATED;

export function isNotStated(value: unknown): value is NotStated {
  return value === 'not-published' || value === 'unfilled';
}

/** The two "not stated" values on their own, e.g. for a status that a source does not give. */
export const notStated = (title: string) => labelledEnum(title, NOT_STATED);

/**
 * A field that also accepts 未公布 / 待填写. The explicit values are tried
 * first so that a text field holding 未公布 becomes the marker, not the text.
 * Meta (title, expected, example, fix) is taken over from `schema` with the
 * two words added to what is expected.
 */
export function orNotStated<T extends z.ZodType>(schema: T) {
  const meta = (schema.meta() ?? {}) as Partial<FieldMeta>;
  const title = meta.title ?? '';
  return z.union([notStated(title), schema]).meta({
    ...meta,
    title,
    expected: `${meta.expected ?? '按说明填写'}；原文没有写的填“未公布”，还没填的填“待填写”`,
  });
}

const TIME_RANGE = /^([01]\d|2[0-3]):([0-5]\d)-(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/**
 * A window of time in a day, 24-hour clock: "08:30-12:00". With `overnight`
 * it may cross midnight ("22:00-06:00", a screen's night schedule); without,
 * it must end after it starts (opening hours). Either way a window that
 * starts and ends at the same minute is refused: it could mean the whole day
 * or no time at all, and read as crossing midnight it would be always on.
 */
export const timeRange = ({ overnight, example, allDay }: { overnight: boolean; example: string; allDay: string }) =>
  z
    .string()
    .trim()
    .regex(TIME_RANGE)
    .superRefine((value, ctx) => {
      // A value not in the form is reported by the pattern above; comparing its parts would only add noise.
      if (!TIME_RANGE.test(value)) return;
      const [from, to] = value.split('-') as [string, string];
      if (from === to) {
        ctx.addIssue({
          code: 'custom',
          message: `时段的开始和结束都是 ${from}，看不出是全天还是一分钟也没有`,
          params: { kind: 'time-order', fix: `改正开始或结束时间，例如 ${example}；${allDay}` },
        });
      } else if (!overnight && from > to) {
        ctx.addIssue({
          code: 'custom',
          message: '结束时间要晚于开始时间',
          params: { kind: 'time-order', fix: `检查开始和结束时间是否写反了，例如 ${example}` },
        });
      }
    })
    .meta({ title: '时段', expected: '时:分-时:分（24 小时制）', example });

/** Days of the week as a screen's schedule writes them: 周一至周五、周六、周日、每天. */
export const weekdays = z
  .string()
  .trim()
  .refine((v) => parseWeekdays(v) !== undefined, { message: '看不懂这几天的写法', params: { kind: 'weekdays' } })
  .meta({ title: '适用日期', expected: '星期几，如 周一至周五、周六、周日、每天', example: '周一至周五' });

const openingRange = timeRange({ overnight: false, example: '"08:30-12:00"', allDay: '全天办公写 "00:00-24:00"' });

/**
 * One slot of opening hours: a clock range ("08:30-12:00"), or a part of the
 * day as a guide writes it without clock times ("上午"), which is shown as
 * written and counted as a gap.
 */
const hoursSlot = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (isPartOfDay(value)) return;
    const result = openingRange.safeParse(value);
    if (result.success) return;
    for (const issue of result.error.issues) {
      ctx.addIssue(
        issue.code === 'custom'
          ? { code: 'custom', message: issue.message, params: issue.params }
          : {
              code: 'custom',
              message: `“${value}”不是时段的写法`,
              params: { kind: 'time-range', fix: `写成 24 小时制的 "08:30-12:00"（加英文引号）；原文只写了上午、下午的，照原文写 ${PARTS_OF_DAY.slice(0, 3).join('、')} 等` },
            },
      );
    }
  })
  .meta({ title: '时段', expected: '时:分-时:分（24 小时制），或原文写的 上午、下午、全天', example: '"08:30-12:00"' });

/** One line of an opening-hours table: which days and which times. */
export const hoursLine = z
  .strictObject({
    /** 哪几天，例如 周一至周五、周六、周六、周日、每天；原文写“工作日”的照写（按国家法定节假日和调休计算）。 */
    days: z
      .string()
      .trim()
      .refine(isReadableDays, { message: '看不懂这几天的写法', params: { kind: 'weekdays' } })
      .meta({ title: '适用日期', expected: '星期几，如 周一至周五、周六、周日、每天，或 工作日', example: '周一至周五' }),
    /**
     * 几个时段，24 小时制，例如 ["08:30-12:00", "14:00-17:30"]；全天写 ["00:00-24:00"]。
     * 原文只写“上午”“下午”的照写：[上午]；原文没写具体时间的写 未公布。
     */
    times: orNotStated(z.array(hoursSlot).min(1).meta({ title: '时段', expected: '至少一个时段', example: '["08:30-12:00", "14:00-17:30"]' })),
  })
  .meta({ title: '办公时间' });

/** A day of the year for a season's start or end: 05-01 or 5月1日. */
const monthDay = (title: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      const md = parseMonthDay(value);
      if (md === undefined) {
        ctx.addIssue({ code: 'custom', message: `“${value}”不是月和日的写法`, params: { kind: 'month-day', fix: '写成 "05-01"（加英文引号）或 5月1日' } });
        return z.NEVER;
      }
      return md;
    })
    .meta({ title, expected: '月-日，例如 "05-01" 或 5月1日（每年相同，不写年份）', example: '"05-01"' });

/** One season's hours (夏季、冬季), with the days of the year it runs when the source gives them. */
const season = z
  .strictObject({
    /** 季节名称，照原文写，例如 夏季、冬季、夏令时。 */
    name: text('季节名称', '夏季'),
    /** 从每年哪天开始，例如 "05-01" 或 5月1日；原文没写日期的，from 和 to 都不写。 */
    from: monthDay('开始日期').optional(),
    /** 到每年哪天结束（含当天），例如 "09-30"；冬季可以跨年，例如 from: "10-01"、to: "04-30"。 */
    to: monthDay('结束日期').optional(),
    /** 这个季节的办公时间，一行写一组日子。 */
    regular: z.array(hoursLine).min(1).meta({ title: '办公时间' }),
    /** 这个季节的补充说明。 */
    note: text('说明').optional(),
  })
  .superRefine((s, ctx) => {
    if ((s.from === undefined) !== (s.to === undefined)) {
      const missing = s.from === undefined ? 'from' : 'to';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: '季节的开始和结束日期要么都写，要么都不写',
        params: { kind: 'required-with', fix: missing === 'from' ? '补上 from: "05-01"，或删掉 to' : '补上 to: "09-30"，或删掉 from' },
      });
    }
  })
  .meta({ title: '季节作息' });

/**
 * Words that say nothing about public holidays: a board must tell citizens
 * whether the window is open on them.
 */
const MEANINGLESS = /^(?:无|暂无|没有|无安排|空|略|不详|待定|同上|见上|详见上文|[-—–/\\.。…]+|n\/?a|null|none)$/i;

/**
 * Opening hours, including what happens on public holidays: either the same
 * all year (`regular`) or per season (`seasons`: 夏季 and 冬季), which every
 * output shows together.
 */
export const hours = z
  .strictObject({
    /** 平时的办公时间，一行写一组日子。全年不变时写这里；分夏季、冬季的写 seasons。 */
    regular: z.array(hoursLine).min(1).optional().meta({ title: '办公时间' }),
    /** 分季节的办公时间（夏季、冬季作息），每个季节一组；写了 seasons 就不写 regular。 */
    seasons: z.array(season).min(1).optional().meta({ title: '季节作息' }),
    /** 法定节假日怎么安排，必须写明，例如“法定节假日休息，调休上班日正常办公”或“节假日照常”。 */
    holidays: text('节假日安排', '法定节假日休息，调休上班日正常办公')
      .refine((v) => !MEANINGLESS.test(v), {
        message: '“节假日安排”要写明法定节假日是否办公，不能只写“无”之类的字',
        params: { kind: 'holidays', fix: '写成 holidays: 法定节假日休息，调休上班日正常办公；或 holidays: 节假日照常办公' },
      })
      .meta({ title: '节假日安排', expected: '一句话说明法定节假日是否办公', example: '法定节假日休息，调休上班日正常办公' }),
    /** 其他说明，例如“中午不休息”“每月最后一个周五下午不对外”。网页、海报、公示栏和显示屏上都会显示。 */
    note: text('办公时间说明').optional(),
  })
  .superRefine((h, ctx) => {
    if (h.regular === undefined && h.seasons === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['regular'],
        message: '没有写办公时间',
        params: { kind: 'required', fix: '写 regular（全年不变的办公时间），或 seasons（分夏季、冬季的办公时间）' },
      });
    } else if (h.regular !== undefined && h.seasons !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['seasons'],
        message: 'regular 和 seasons 只能写一个：分季节的，把全年都一样的时段也写进每个季节',
        params: { kind: 'only-with', fix: '删掉 regular，把它的时段写进 seasons 的每个季节' },
      });
    }
  })
  .meta({ title: '办公时间' });

export const CHANNEL_TYPES = {
  'complaint-phone': '投诉电话',
  'supervision-phone': '监督电话',
  hotline: '服务热线',
  'report-email': '举报邮箱',
  'report-mailbox': '举报信箱',
  'leader-mailbox': '领导信箱',
  'suggestion-box': '意见箱',
  online: '网上投诉',
} as const;
export type ChannelType = keyof typeof CHANNEL_TYPES;

/** What kind of value each channel type holds, for validation and display. */
export const CHANNEL_VALUE_KIND: Record<ChannelType, 'phone' | 'email' | 'place' | 'url' | 'any'> = {
  'complaint-phone': 'phone',
  'supervision-phone': 'phone',
  hotline: 'phone',
  'report-email': 'email',
  'report-mailbox': 'place',
  'leader-mailbox': 'any',
  'suggestion-box': 'place',
  online: 'url',
};

/** A complaint or supervision channel: phone, mailbox, suggestion box, online form. */
export const supervisionChannel = z
  .strictObject({
    /** 渠道类型：投诉电话、监督电话、服务热线、举报邮箱、举报信箱、领导信箱、意见箱、网上投诉。 */
    type: labelledEnum('渠道类型', CHANNEL_TYPES),
    /** 渠道名称，不写就用类型名，例如“县卫健局监督电话”。 */
    name: text('渠道名称', '县卫健局监督电话').optional(),
    /** 号码、邮箱、网址或设置地点。电话请加英文引号。 */
    value: text('号码或地址', '"0571-8888 6666"'),
    /** 受理时间，例如“工作日 8:30-17:30”，全天受理可写“24 小时”。 */
    hours: text('受理时间', '工作日 8:30-17:30').optional(),
    /** 补充说明。 */
    note: text('说明').optional(),
  })
  .superRefine((channel, ctx) => {
    const kind = CHANNEL_VALUE_KIND[channel.type];
    const label = CHANNEL_TYPES[channel.type];
    const issue = (message: string, fix: string) => ctx.addIssue({ code: 'custom', path: ['value'], message, input: channel.value, params: { kind: 'channel-value', fix } });
    if (kind === 'phone') {
      const result = checkPhones(channel.value, { allowLocal: true });
      if (!result.ok) issue(`“${label}”应填电话号码：${result.message}`, result.fix);
    } else if (kind === 'email' && !z.email().safeParse(channel.value).success) {
      issue(`“${label}”应填电子邮箱地址，实际是“${channel.value}”`, '写成 value: jubao@example.gov.cn');
    } else if (kind === 'url' && !/^https?:\/\/\S+$/.test(channel.value)) {
      issue(`“${label}”应填以 http:// 或 https:// 开头的网址，实际是“${channel.value}”`, '写成 value: https://www.example.gov.cn/tousu/');
    }
  })
  .meta({ title: '监督渠道' });

export const supervisionChannels = z.array(supervisionChannel).min(1).meta({ title: '监督渠道' });

/** A person in charge: name and position, optionally a work phone. */
export const leader = z
  .strictObject({
    /** 姓名。 */
    name: text('姓名', '王建国'),
    /** 职务，例如“副院长”“中心副主任”。 */
    position: text('职务', '副院长'),
    /** 办公电话（不要填私人手机）。 */
    phone: phone('办公电话').optional(),
  })
  .meta({ title: '分管领导' });

/** Honour plaques are free text, since provinces award many kinds; these are the common ones. */
export const COMMON_PLAQUES = ['党员先锋岗', '党员示范岗', '青年文明号', '示范服务窗口', '党员责任区', '巾帼文明岗'] as const;
export const plaque = () => text('荣誉牌', '党员先锋岗');
