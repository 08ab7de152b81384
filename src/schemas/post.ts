import { z } from 'astro/zod';
import { lines, order, orNotStated, phone, plaque, text, updated } from './common.ts';

/** `units/<单位>/posts/<岗位>.yaml`: one post and its duties (亮职责). */
export const postSchema = () =>
  z
    .strictObject({
      /** 岗位名称，例如“导医岗”“综合受理岗”。 */
      name: text('岗位名称', '导医岗'),
      /** 岗位职责，每条一行。 */
      duties: lines('岗位职责'),
      /** 履职要求，每条一行。原文没有写的填 未公布（或不写），网页上会如实显示“未公布”。 */
      requirements: orNotStated(lines('履职要求')).optional(),
      /** 工作时限，例如“首问负责，5 分钟内答复”，每条一行。原文没有写的填 未公布（或不写）。 */
      timeLimits: orNotStated(lines('工作时限')).optional(),
      /** 规范服务用语，例如“您好，请问您办理什么业务？”，每条一行。原文没有写的填 未公布（或不写）。 */
      phrases: orNotStated(lines('服务用语')).optional(),
      /** 对本岗位服务不满意时向谁投诉。原文没有写的填 未公布（或不写），页面会指向本单位的监督渠道。 */
      complaint: orNotStated(
        z
          .strictObject({
            /** 受理投诉的部门，例如“医务科”“中心督查室”。 */
            department: text('投诉受理部门', '医务科'),
            /** 投诉电话，请加英文引号。 */
            phone: phone('投诉电话'),
          })
          .meta({ title: '投诉受理' }),
      ).optional(),
      /** 医院岗位的“五知道”：患者应当知道的五件事，每条一行。 */
      fiveKnows: lines('五知道').optional(),
      /** 医院岗位的“五明白”：让患者明白的五件事，每条一行。 */
      fiveUnderstands: lines('五明白').optional(),
      /** 岗位获得的荣誉牌，例如“党员示范岗”。 */
      plaque: plaque().optional(),
      /** 排列顺序。 */
      order: order().optional(),
      /** 更新日期：不写就用 Git 里这个文件最后一次修改的日期；想手工指定时写，例如 2026-11-22。 */
      updated: updated(),
    })
    .meta({ title: '岗位职责' });

export type PostData = z.output<ReturnType<typeof postSchema>>;
