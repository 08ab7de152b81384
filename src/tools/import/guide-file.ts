/**
 * The text of an imported procedure file: YAML front matter in the order
 * and style of the example's procedures (Chinese values, 事项编码 in quotes
 * so that YAML keeps it as text), a header comment saying where it came
 * from and what to check, and the guide's 温馨提示 as the Markdown body.
 */
import { Document, isMap, isSeq, type Scalar } from 'yaml';
import type { Finding } from './guide-map.ts';

export interface GuideSource {
  /** The file name as the person gave it, e.g. 身份证补领.docx, or 事项清单.xlsx. */
  file: string;
  /** The row of an item list. */
  row?: number;
  /** YYYY-MM-DD. */
  date: string;
}

const LEVEL = { gap: '缺项', unsure: '请核对', unplaced: '未导入' } as const;

/** One line of a finding, as the report and the file's header show it. */
export function findingLine(f: Finding): string {
  return `${LEVEL[f.level]}  ${f.element}：${f.message}${f.source ? `（原文：${f.source.replace(/\n/g, ' / ')}）` : ''}`;
}

export function procedureFile(data: Record<string, unknown>, body: string, from: GuideSource, findings: readonly Finding[]): string {
  const doc = new Document(data);
  const code = doc.get('code', true) as Scalar | undefined;
  if (code && typeof code.value === 'string' && code.value !== '待填写' && code.value !== '未公布') code.type = 'QUOTE_DOUBLE';
  // Quote what YAML would read as something else (a time like 08:30 is fine inside a list of strings, but 12:00 alone is not).
  const quoteAmbiguous = (node: unknown) => {
    if (isMap(node)) for (const pair of node.items) quoteAmbiguous(pair.value);
    else if (isSeq(node)) for (const item of node.items) quoteAmbiguous(item);
    else if (node && typeof (node as Scalar).value === 'string' && /^[\d:.\-\s]+$/.test((node as Scalar).value as string)) (node as Scalar).type = 'QUOTE_DOUBLE';
  };
  quoteAmbiguous(doc.contents);
  // Phone numbers always in quotes, as the checker asks (a number YAML would read loses its leading 0).
  for (const key of ['consult', 'complaint']) {
    const node = doc.getIn(['phones', key], true) as Scalar | undefined;
    if (node) node.type = 'QUOTE_DOUBLE';
  }
  const hours = doc.getIn(['hours', 'regular'], true);
  if (isSeq(hours)) for (const line of hours.items) if (isMap(line)) (line.get('times', true) as { flow?: boolean } | undefined)!.flow = true;
  const where = from.row !== undefined ? `${from.file} 第 ${from.row} 行` : from.file;
  const header = [` 由 npm run import 从 ${where} 导入（${from.date}）。`];
  if (findings.length > 0) {
    header.push(' 导入时要核对的地方（核对并改好后可以删掉这几行注释）：');
    for (const f of findings) header.push(`   ${findingLine(f)}`);
  }
  header.push(' 写着“待填写”的请按原文或向业务科室核实后填写；原文确实没有的写“未公布”。');
  doc.commentBefore = header.join('\n');
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n${body ? `\n${body}` : ''}`;
}
