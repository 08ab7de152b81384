/**
 * The printed formats: what each sheet is, its paper size in millimetres,
 * and the sizes it comes in. Print pages, the exporter and the tests all
 * read this table.
 */

export const PAPER = {
  a2: { width: 420, height: 594, label: 'A2' },
  a3: { width: 297, height: 420, label: 'A3' },
  a4: { width: 210, height: 297, label: 'A4' },
  a5: { width: 148, height: 210, label: 'A5' },
  /** Window plaque: 50 × 25 cm, landscape. */
  plaque: { width: 500, height: 250, label: '50×25 厘米' },
} as const;
export type PaperSize = keyof typeof PAPER;

export interface PrintFormat {
  /** Chinese name, as staff call it. */
  title: string;
  /** Sizes offered; the first is the default. */
  sizes: readonly PaperSize[];
  /** What one printed sheet holds, for the index page. */
  describe: string;
}

export const FORMATS = {
  board: { title: '单位公示栏', sizes: ['a3', 'a4', 'a2'], describe: '“四亮”一览：工作人员、岗位职责、服务承诺和监督渠道' },
  procedure: { title: '办事流程海报', sizes: ['a4', 'a3'], describe: '流程图、材料清单、时限、收费、地点和电话' },
  'desk-cards': { title: '台签（席卡）', sizes: ['a4'], describe: '每人一张，正反两面，对折成桌牌（每面 20 × 10 厘米）' },
  badges: { title: '工作牌（胸卡）', sizes: ['a4'], describe: '85.6 × 54 毫米，每张 A4 纸 8 个，带裁切线' },
  'window-plaques': { title: '窗口牌', sizes: ['plaque'], describe: '50 × 25 厘米，窗口号、岗位和荣誉牌' },
  pledge: { title: '承诺卡', sizes: ['a5', 'a4'], describe: '承诺主体、承诺事项、完成时限和兑现情况' },
  supervision: { title: '监督公示牌', sizes: ['a4'], describe: '全部投诉和监督渠道，大字' },
} as const satisfies Record<string, PrintFormat>;
export type FormatId = keyof typeof FORMATS;

/** Millimetres to PDF points (1 pt = 1/72 inch). */
export function mmToPoints(mm: number): number {
  return (mm / 25.4) * 72;
}
