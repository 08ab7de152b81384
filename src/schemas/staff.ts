import { z } from 'astro/zod';
import type { SchemaContext } from './context.ts';
import { calendarDate, code, labelledEnum, order, phone, plaque, ref, text, updated } from './common.ts';

export const STAFF_BADGES = { 'party-member': '党员', 'league-member': '团员' } as const;

/**
 * `units/<单位>/staff/<姓名拼音>.yaml` plus a photo beside it: one member of
 * staff as shown on the staff board (亮身份). Only what the post requires is
 * published: there is deliberately no field for identity numbers, private
 * phones or home addresses, and the schema refuses unknown fields.
 */
export const staffSchema = <I extends z.ZodType>({ image }: SchemaContext<I>) =>
  z
    .strictObject({
      /** 姓名。 */
      name: text('姓名', '张晓明'),
      /** 工作照，放在本文件旁边，例如 ./zhang-xiaoming.jpg。照片里的拍摄地点等信息会在发布时自动去掉。还没有照片时不写这一行：公示牌和胸卡上先显示“照片待补”，检查时会提醒。 */
      photo: image().optional().meta({ title: '工作照', expected: '照片文件的相对路径，以 ./ 开头', example: './zhang-xiaoming.jpg' }),
      /** 所在岗位：posts 文件夹里的文件名，例如 daoyi（对应 posts/daoyi.yaml）。 */
      post: ref('岗位', 'daoyi', 'posts'),
      /** 窗口号，请加英文引号，例如 "3"。 */
      window: code('窗口号', '"3"').optional(),
      /** 职称，例如“主治医师”“主管护师”“助理经济师”。 */
      title: text('职称', '主治医师').optional(),
      /** 职务，例如“护士长”“窗口负责人”。 */
      position: text('职务', '护士长').optional(),
      /** 工号，请加英文引号。 */
      number: code('工号', '"MZ0213"').optional(),
      /** 编号的叫法，不写就是“工号”；民警写“警号”。 */
      numberLabel: text('编号名称', '警号').optional(),
      /** 单位配发的工作手机或岗位电话，会公开显示，请加英文引号。不要填私人手机。 */
      workPhone: phone('工作电话').optional(),
      /** 执业证书编号（医生、护士、药师等），请加英文引号。 */
      licence: code('执业证号', '"110330122000123"').optional(),
      /** 自愿亮明的政治面貌：党员、团员。不写就不显示。 */
      badges: z.array(labelledEnum('政治面貌', STAFF_BADGES)).optional().meta({ title: '政治面貌' }),
      /** 个人或岗位获得的荣誉牌，例如“党员先锋岗”。 */
      plaque: plaque().optional(),
      /** 一句话介绍，例如医生的擅长方向，可不填。 */
      intro: text('个人简介').optional(),
      /** 在公示牌上的排列顺序，越小越靠前。 */
      order: order().optional(),
      /** 现在是否在岗；休假、外出学习时写 false，公示牌上会标注“暂不在岗”。 */
      onDuty: z.boolean().default(true).meta({ title: '是否在岗' }),
      /** 不在岗的说明，例如“外出进修至 2027 年 2 月，由张晓明代岗”。 */
      absence: text('不在岗说明').optional(),
      /** 调离或退休的日期。填写后不再出现在公示牌上。 */
      left: calendarDate('离岗日期').optional(),
      /** 更新日期：不写就用 Git 里这个文件最后一次修改的日期；想手工指定时写，例如 2026-11-22。 */
      updated: updated(),
    })
    .meta({ title: '工作人员' });

export type StaffData<I = unknown> = Omit<z.output<ReturnType<typeof staffSchema>>, 'photo'> & { photo?: I | undefined };
