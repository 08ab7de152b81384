import { z } from 'astro/zod';
import type { SchemaContext } from './context.ts';
import { isRestDayWords, isWorkdayWords, parseWeekdays, weekdaysExceptHolidays } from '#lib/hours.ts';
import { calendarDate, labelledEnum, ref, text, timeRange, updated } from './common.ts';

export const SLIDE_TYPES = {
  board: '单位公示栏',
  procedure: '办事指南',
  staff: '工作人员',
  duties: '岗位职责',
  pledges: '服务承诺',
  notices: '公告公示',
  evaluation: '评价结果',
  supervision: '监督渠道',
  custom: '自定义',
} as const;
export type SlideType = keyof typeof SLIDE_TYPES;

/** A screen's orientation, as content may write it and as pages name it. */
export const SCREEN_ORIENTATIONS = {
  landscape: '横屏',
  portrait: '竖屏',
} as const;
export type ScreenOrientation = keyof typeof SCREEN_ORIENTATIONS;
/** The screen each orientation is laid out for (src/styles/kiosk.css), as technicians set it up. */
export const SCREEN_PIXELS: Record<ScreenOrientation, string> = {
  landscape: '1920×1080',
  portrait: '1080×1920',
};

/**
 * The days of a schedule: weekdays as opening hours write them (周一至周五,
 * 每天), or the official calendar's working days (工作日, 调休 Saturdays
 * included, holidays left out), days off (节假日, 休息日), or weekdays less
 * the holidays (周一至周六（节假日除外）, 调休 days included), which the
 * player reads from the holiday arrangements (src/lib/kiosk/schedule.ts).
 */
export const screenDays = z
  .string()
  .trim()
  .refine((v) => parseWeekdays(v) !== undefined || isWorkdayWords(v) || isRestDayWords(v) || weekdaysExceptHolidays(v) !== undefined, {
    message: '看不懂这几天的写法',
    params: {
      kind: 'weekdays',
      fix: '写星期几，如 周一至周五、周六、每天；或按国家法定节假日安排写 工作日（含调休上班日）、节假日（含周末和法定假日）、周一至周六（节假日除外）',
    },
  })
  .meta({ title: '适用日期', expected: '星期几，如 周一至周五、周六、每天，或 工作日、节假日、周一至周六（节假日除外）', example: '工作日' });

/** When something is shown: dates, days of the week, times of day, in the organisation's time zone. */
export const when = z
  .strictObject({
    /** 从哪天开始（含当天），例如 2026-12-01。 */
    from: calendarDate('开始日期').optional(),
    /** 到哪天结束（含当天），例如 2026-12-31。 */
    to: calendarDate('结束日期').optional(),
    /** 星期几，例如 周一至周五、周六、周日、每天；或按国家法定节假日安排：工作日（含调休上班日，不含法定假日）、节假日（周末和法定假日，不含调休上班日）、周一至周六（节假日除外）（这几天里除去法定假日，加上调休上班日）。 */
    days: screenDays.optional(),
    /** 一天里的时段，例如 ["08:00-12:00", "14:00-17:30"]；可以跨过午夜，例如 "22:00-06:00"；开始和结束不能相同，全天写 "00:00-24:00"。 */
    times: z
      .array(
        timeRange({
          overnight: true,
          example: '"08:00-12:00"',
          allDay: '全天播放写 "00:00-24:00"，或者不写 times',
        }),
      )
      .min(1)
      .optional()
      .meta({ title: '时段' }),
  })
  .meta({ title: '播放时间' });

const seconds = (title: string) => z.number().int().min(3).max(600).meta({ title, expected: '秒数（3 到 600 的整数）', example: '20' });

/** One slide of a screen's playlist. */
const slideSchema = <I extends z.ZodType>(image: () => I) =>
  z
    .strictObject({
      /** 放什么：单位公示栏、办事指南、工作人员、岗位职责、服务承诺、公告公示、评价结果、监督渠道、自定义。 */
      type: labelledEnum('幻灯片类型', SLIDE_TYPES),
      /** 哪个单位：units 文件夹里的单位文件夹名。除“公告公示”“监督渠道”“自定义”外都要写。 */
      unit: ref('单位', 'huzheng', 'units').optional(),
      /** 办事指南：该单位 procedures 文件夹里的文件名。 */
      procedure: ref('办事事项', 'shenfenzheng-buling', 'procedures').optional(),
      /** 显示多少秒，不写就用屏幕的默认时长。内容一屏放不下时，每一屏都显示这么久。 */
      duration: seconds('显示时长').optional(),
      /** 只在这些时间播放（不写就一直播放）。 */
      when: when.optional(),
      /** 自定义幻灯片的标题。 */
      title: text('标题').optional(),
      /** 自定义幻灯片的文字。可以用 **加粗**、以“- ”开头的列表和空行分段。 */
      text: text('文字').optional(),
      /** 自定义幻灯片的图片（海报、平面图），放在 screens 文件夹里，以 ./ 开头，例如 ./chunjie-haibao.png。 */
      image: image().optional(),
      /** 图片上写了什么，给看不见图片的人：有图片就必须写。 */
      alt: text('图片说明').optional(),
    })
    .superRefine((s, ctx) => {
      const needsUnit = ['board', 'procedure', 'staff', 'duties', 'pledges', 'evaluation'].includes(s.type);
      if (needsUnit && s.unit === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['unit'],
          message: `“${SLIDE_TYPES[s.type]}”要写是哪个单位`,
          params: { kind: 'required-with', fix: 'unit: huzheng' },
        });
      }
      if (s.type === 'procedure' && s.procedure === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['procedure'],
          message: '“办事指南”要写是哪个事项',
          params: {
            kind: 'required-with',
            fix: 'procedure: shenfenzheng-buling',
          },
        });
      }
      if (s.type === 'custom' && s.text === undefined && s.title === undefined && s.image === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['text'],
          message: '自定义幻灯片要写标题、文字或图片',
          params: {
            kind: 'required-with',
            fix: 'title: 温馨提示\ntext: 请提前准备好身份证件。',
          },
        });
      }
      if (s.image !== undefined && s.alt === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['alt'],
          message: '有图片就要写图片说明，读屏软件和搜索都靠它',
          params: {
            kind: 'required-with',
            fix: 'alt: 春节期间办公时间安排海报',
          },
        });
      }
      if (s.type !== 'custom' && (s.text !== undefined || s.image !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [s.text !== undefined ? 'text' : 'image'],
          message: '只有“自定义”幻灯片才写文字和图片',
          params: {
            kind: 'only-with',
            fix: '删除这一项，或把 type 改成 自定义',
          },
        });
      }
    })
    .meta({ title: '幻灯片' });

/** `screens/<屏幕>.yaml`: a display screen in a hall and what it plays. */
export const screenSchema = <I extends z.ZodType>({ image }: SchemaContext<I>) =>
  z
    .strictObject({
      /** 屏幕名称，例如“政务服务中心一楼大厅屏”。技术人员用识别模式查看。 */
      name: text('屏幕名称', '政务服务中心一楼大厅屏'),
      /** 屏幕位置，例如“一楼大厅东侧墙面”。 */
      location: text('屏幕位置', '一楼大厅东侧墙面').optional(),
      /** 横屏（1920×1080）或竖屏（1080×1920）。 */
      orientation: labelledEnum('屏幕方向', SCREEN_ORIENTATIONS).default('landscape'),
      /** 看屏幕的人大约站在或坐在几米外，例如 3。不写按 3 米算。字的大小由它和屏幕尺寸算出（src/lib/kiosk/type-scale.ts）：越远字越大。 */
      viewingDistance: z.number().min(1).max(15).meta({ title: '观看距离', expected: '米数（1 到 15）', example: '3' }).optional(),
      /** 屏幕对角线多少英寸，例如 55。不写按 55 英寸算。同样的距离，屏幕越小字要占得越多。 */
      diagonal: z.number().min(20).max(120).meta({ title: '屏幕尺寸', expected: '英寸数（20 到 120）', example: '55' }).optional(),
      /** 每张幻灯片默认显示多少秒。 */
      duration: seconds('默认显示时长').default(15),
      /** 整个播放列表只在这些时间播放；其余时间屏幕显示机构名称、时间和监督电话。 */
      when: when.optional(),
      /** 播放列表，按顺序轮播。 */
      slides: z.array(slideSchema(image)).min(1).meta({ title: '播放列表' }),
      updated: updated(),
    })
    .meta({ title: '显示屏' });

type ScreenOutput = z.output<ReturnType<typeof screenSchema>>;
/** A slide as the site sees it; `I` is what the image pipeline makes of a picture. */
export type SlideData<I = unknown> = Omit<ScreenOutput['slides'][number], 'image'> & { image?: I };
export type ScreenData<I = unknown> = Omit<ScreenOutput, 'slides'> & { slides: Array<SlideData<I>> };
export type When = z.output<typeof when>;
