/**
 * The YAML text of an imported staff file: fields in the order of the staff
 * schema, numbers that are text (工号, 窗口号, 执业证号) always in quotes so
 * that YAML never reads them as numbers, and a header comment saying where
 * the file came from.
 */
import { Document, type Scalar, type YAMLSeq } from 'yaml';
import type { StaffData } from './staff-roster.ts';

/** Fields written in double quotes whatever they contain. */
export const QUOTED_FIELDS = ['window', 'number', 'licence'] as const;

const ORDER: ReadonlyArray<keyof StaffData> = [
  'name',
  'photo',
  'post',
  'window',
  'title',
  'position',
  'number',
  'numberLabel',
  'licence',
  'badges',
  'plaque',
  'intro',
  'order',
  'onDuty',
  'absence',
  'left',
];

export interface ImportedFrom {
  /** The roster's file name, as the person gave it. */
  roster: string;
  row: number;
  /** YYYY-MM-DD. */
  date: string;
}

export function staffYaml(data: StaffData, from: ImportedFrom): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) if (data[key] !== undefined) ordered[key] = data[key];
  const doc = new Document(ordered);
  for (const key of QUOTED_FIELDS) {
    const node = doc.get(key, true) as Scalar | undefined;
    if (node) node.type = 'QUOTE_DOUBLE';
  }
  const badges = doc.get('badges', true) as YAMLSeq | undefined;
  if (badges) badges.flow = true;
  doc.commentBefore = [
    ` 由 npm run import 从花名册 ${from.roster} 第 ${from.row} 行导入（${from.date}）。`,
    ' 可以直接修改这个文件；再次导入时，已有的文件不会被覆盖（加 --overwrite 才覆盖）。',
  ].join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
