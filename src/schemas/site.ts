import { z } from 'astro/zod';
import type { SchemaContext } from './context.ts';
import { hours, labelledEnum, phone, supervisionChannels, text, updated, url } from './common.ts';

/** `site.yaml`: the organisation that publishes the boards, and defaults for every unit. */
/**
 * How much of the staff board goes on the open web. The printed sheets for
 * the hall (wall board, badges, desk cards, window plaques) always show
 * everything; a stricter tier keeps the rest off every page, search index,
 * data file, feed and JSON-LD block of the website (src/lib/privacy/tiers.ts).
 */
export const STAFF_WEB_TIERS = {
  all: '全部公开',
  'no-photo-number': '不公开照片和编号',
  'post-only': '只公开岗位',
} as const;
export type StaffWebTier = keyof typeof STAFF_WEB_TIERS;

const staffWebTier = (title: string) => labelledEnum(title, STAFF_WEB_TIERS);

export const siteSchema = <I extends z.ZodType>({ image }: SchemaContext<I>) =>
  z
    .strictObject({
      /** 机构全称，出现在每页页头和每张海报上，例如“青溪县公共服务窗口公开平台”。 */
      name: text('机构名称', '青溪县公共服务窗口公开平台'),
      /** 简称，用在手机页头和海报角落，例如“青溪县”。 */
      shortName: text('简称', '青溪县'),
      /** 一句话介绍本平台。 */
      description: text('平台简介').optional(),
      /** 标志图片，放在 site.yaml 旁边，例如 ./logo.png。 */
      logo: image().optional(),
      /** 网站正式发布后的首页地址，二维码会指向这里，例如 https://www.qingxi.gov.cn/gongkai/。 */
      url: url('网站地址'),
      /**
       * 网站放在域名下的哪个路径，例如 /gongkai/。不写就取网站地址里的路径。
       * 只有在网站地址与实际发布路径不同时才需要填写。
       */
      base: z
        .string()
        .regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/)
        .meta({ title: '网站路径', expected: '以 / 开头并以 / 结尾的路径', example: '/gongkai/' })
        .optional(),
      /** 网页语言，目前支持 zh-CN（简体中文）。 */
      locale: z.enum(['zh-CN']).default('zh-CN').meta({ title: '网页语言' }),
      /** 所在时区，用来判断公示期和“今天”，一般不用改。 */
      timezone: z.string().default('Asia/Shanghai').meta({ title: '时区', example: 'Asia/Shanghai' }),
      /** 总咨询电话，单位没有填写时使用，页面会写明这是兜底的电话。 */
      phone: phone('咨询电话'),
      /** 本地区号，例如 "0570"：写了以后，内容里的固定电话可以像原文那样不写区号，拨号和显示时自动加上。 */
      areaCode: z
        .string()
        .trim()
        .regex(/^0\d{2,3}$/)
        .optional()
        .meta({ title: '本地区号', expected: '0 开头的三到四位区号（写在英文引号里）', example: '"0570"' }),
      /**
       * 单位没有公布电话时，页面请群众拨打的兜底渠道，例如 12345 政务服务便民热线。
       * 不写就用上面的总咨询电话。页面写明“本单位未公布电话，可拨打 …”，不会把它当成单位的电话。
       */
      fallback: z
        .strictObject({
          /** 渠道名称，例如“政务服务便民热线”。 */
          name: text('渠道名称', '政务服务便民热线'),
          /** 号码。 */
          phone: phone('兜底电话'),
        })
        .optional()
        .meta({ title: '兜底电话' }),
      /** 全站默认的投诉和监督渠道，每个单位都会显示，单位可以追加或替换。 */
      supervision: supervisionChannels,
      /** 默认办公时间，单位和事项没有填写时使用。 */
      hours,
      /** 打印设置。 */
      print: z
        .strictObject({
          /** 海报和牌子的配色：红色（默认，红底白字）、蓝色，或黑白。任何配色用黑白打印机打出来都清楚。 */
          theme: labelledEnum('配色', { red: '红色', blue: '蓝色', mono: '黑白' }).default('red'),
        })
        .optional()
        .meta({ title: '打印设置' }),
      /** 内容检查（npm run check）的设置。 */
      checks: z
        .strictObject({
          /**
           * 多少个工作日没有更新就提醒（政务公开目录“信息变更后 20 个工作日内更新”的惯例），默认 20。
           * 提醒只是提醒，不会阻止发布。
           */
          staleAfterWorkdays: z.number().int().min(1).max(500).default(20).meta({ title: '提醒更新的工作日数', example: '20' }),
        })
        .optional()
        .meta({ title: '检查设置' }),
      /**
       * 隐私检查的例外：确实需要公开、看起来像身份证号或私人手机号的内容，逐条写明，
       * 例如单位对外公布的值班手机。每条都要写原因，便于审核。
       */
      privacy: z
        .strictObject({
          /** 例外清单。 */
          allow: z
            .array(
              z.strictObject({
                /** 文件路径（相对内容文件夹），例如 units/menzhen/unit.yaml。 */
                file: text('文件'),
                /** 字段，例如 phone 或 supervision[0].value；不写表示整个文件。 */
                field: text('字段').optional(),
                /** 允许公开的号码或文字，照原样写，例如 "138 0571 0000"。 */
                value: text('允许的内容'),
                /** 为什么可以公开，例如“单位公布的夜间值班手机，经办公室审批”。 */
                reason: text('原因'),
              }),
            )
            .default([])
            .meta({ title: '例外清单' }),
          /**
           * 工作人员信息在网站上公开到什么程度。公示栏、胸卡、台签、窗口牌等打印件总是印全，不受影响。
           * 全部公开（默认）：照片、姓名、岗位、工号等都上网；
           * 不公开照片和编号：网站上有姓名和岗位，没有照片、工号、执业证号；
           * 只公开岗位：网站上只有岗位和职责，没有任何个人信息。
           */
          staffOnWeb: staffWebTier('网上公开工作人员').optional(),
          /** 个别单位另行规定，例如 menzhen: 只公开岗位。键是单位文件夹名。 */
          units: z.record(z.string(), staffWebTier('网上公开工作人员')).optional().meta({ title: '各单位的公开程度' }),
        })
        .optional()
        .meta({ title: '隐私检查' }),
      /** 网站备案信息，显示在页脚。 */
      footer: z
        .strictObject({
          /** ICP 备案号，例如“浙ICP备12345678号”。 */
          icp: text('ICP 备案号').optional(),
          /** 公安备案号。 */
          publicSecurity: text('公安备案号').optional(),
          /** 政府网站标识码。 */
          siteCode: text('网站标识码').optional(),
          /** 主办单位。 */
          host: text('主办单位').optional(),
        })
        .optional()
        .meta({ title: '页脚信息' }),
      /** 更新日期：不写就用 Git 里这个文件最后一次修改的日期；想手工指定时写，例如 2026-11-22。 */
      updated: updated(),
    })
    .meta({ title: '网站设置' });

export type SiteData<I = unknown> = Omit<z.output<ReturnType<typeof siteSchema>>, 'logo'> & { logo?: I | undefined };
