/**
 * A procedure as a Word service guide (.docx), for units that must still
 * send Word files upward: the guide's elements as numbered headings, each
 * followed by its value, with materials, steps and fee items as tables. It
 * is the layout the guide import reads (heading, then paragraphs or a
 * table), so importing an exported guide gives back the same procedure;
 * a test holds that for every procedure of the example.
 */
import { hoursTables, timesText } from '#lib/hours.ts';
import { AlignmentType, BorderStyle, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { isNotStated, NOT_STATED } from '#schemas/common.ts';
import { AUDIENCES, DAY_UNITS, MATERIAL_FORMS, NO_LIMIT, ON_THE_SPOT, ONLINE_KINDS, SCOPES, type DayUnit } from '#schemas/procedure.ts';
import type { CheckedData } from '#lib/content/entry.ts';

type Procedure = CheckedData<'procedures'>;

const CN = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
  '十九',
  '二十',
  '二十一',
  '二十二',
  '二十三',
  '二十四',
  '二十五',
];

const said = (value: unknown): string => (isNotStated(value) ? NOT_STATED[value] : String(value));

function limit(value: unknown, unit: DayUnit): string {
  if (value === ON_THE_SPOT) return '当场办结';
  if (value === NO_LIMIT) return '无法定时限';
  if (typeof value === 'number') return `${value} 个${DAY_UNITS[unit]}`;
  return said(value);
}

const para = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });

const cell = (text: string | undefined, header = false) =>
  new TableCell({
    children: (text ?? '').split('\n').map((line) => para(line, header)),
    width: { size: 0, type: WidthType.AUTO },
  });

function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | undefined>>): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

/** Opening hours as lines: "周一至周五 08:00-12:00，14:00-17:30", each season's prefixed with its name and dates, and its note after. */
function hoursLines(h: NonNullable<Procedure['hours']>): string[] {
  return hoursTables(h).flatMap((t) => [
    ...t.lines.map((line) => `${t.season ? `${t.season}${t.range ? `（${t.range}）` : ''}：` : ''}${line.days} ${timesText(line)}`),
    ...(t.season && t.note ? [`${t.season}说明：${t.note}`] : []),
  ]);
}

/** The paragraphs and tables of a guide, in order. */
export function guideBlocks(p: Procedure, body = ''): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  let n = 0;
  const heading = (title: string) => out.push(para(`${CN[n++] ?? n}、${title}`, true));
  const element = (title: string, ...lines: string[]) => {
    heading(title);
    for (const line of lines) out.push(para(line));
  };
  const numbered = (values: unknown) => (Array.isArray(values) ? values.map((v, i) => `${i + 1}. ${String(v)}`) : [said(values)]);

  out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${said(p.name)}办事指南`, bold: true, size: 32 })] }));
  element('事项名称', said(p.name));
  element('事项编码', said(p.code));
  if (p.category) element('事项类型', p.category);
  if (p.audience) element('服务对象', AUDIENCES[p.audience]);
  element('事项简介', said(p.summary));
  element('设定依据', ...numbered(p.legalBasis));
  element('受理条件', ...numbered(p.eligibility));
  if (p.applicants) element('申请人类型', p.applicants.join('、'));

  heading('申请材料');
  if (Array.isArray(p.materials) && p.materials.length > 0) {
    const withFiles = p.materials.some((m) => m.blankForm || m.sample);
    const withApplicants = p.materials.some((m) => m.applicants);
    const withAnyOf = p.materials.some((m) => m.anyOf);
    const header = [
      '序号',
      '材料名称',
      '材料形式',
      '份数',
      '是否必需',
      '适用情形',
      ...(withApplicants ? ['适用申请人'] : []),
      ...(withAnyOf ? ['任选其一'] : []),
      '材料来源',
      '备注',
      ...(withFiles ? ['空白表格', '填写样表'] : []),
    ];
    out.push(
      table(
        header,
        p.materials.map((m, i) => [
          String(i + 1),
          m.name,
          MATERIAL_FORMS[m.form],
          // Both counts when the guide gives the originals' apart: 原件 1 份、复印件 2 份.
          m.originals !== undefined ? `原件 ${m.originals} 份、复印件 ${m.copies} 份` : String(m.copies),
          m.required ? '是' : '否',
          m.condition,
          ...(withApplicants ? [m.applicants?.join('、')] : []),
          ...(withAnyOf ? [m.anyOf?.map((a) => `${a.name}${a.note ? `（${a.note}）` : ''}`).join('\n')] : []),
          m.source,
          m.note,
          ...(withFiles ? [m.blankForm, m.sample] : []),
        ]),
      ),
    );
  } else out.push(para(Array.isArray(p.materials) ? '无需提交材料' : said(p.materials)));

  heading('办理流程');
  if (Array.isArray(p.steps)) {
    out.push(
      table(
        ['序号', '步骤名称', '步骤说明', '办理地点', '经办人', '用时', '适用情形', '是否可选', '其他办法'],
        p.steps.map((s, i) => [
          String(i + 1),
          s.name,
          s.description,
          s.where,
          s.who,
          s.duration,
          s.condition,
          s.optional ? '是' : undefined,
          s.alternatives
            ?.map((a) => `${a.name}${a.description ? `：${a.description}` : ''}${a.where ? `（地点：${a.where}）` : ''}${a.condition ? `（适用：${a.condition}）` : ''}`)
            .join('\n'),
        ]),
      ),
    );
  } else out.push(para(said(p.steps)));

  const tl = p.timeLimit;
  heading('办理时限');
  if (isNotStated(tl)) out.push(para(said(tl)));
  else {
    out.push(para(`法定办结时限：${limit(tl.statutory, tl.statutoryUnit)}`));
    out.push(para(`承诺办结时限：${limit(tl.promised, tl.promisedUnit)}`));
    for (const a of tl.byApplicant ?? []) {
      const parts = [`承诺办结时限 ${limit(a.promised, a.promisedUnit)}`];
      if (a.statutory !== undefined) parts.push(`法定办结时限 ${limit(a.statutory, a.statutoryUnit)}`);
      if (a.note) parts.push(`说明：${a.note}`);
      out.push(para(`其中，${a.applicant}：${parts.join('；')}`));
    }
    if (tl.exception) out.push(para(`时限例外：${tl.exception}`));
    if (tl.waiting) out.push(para(`等待期：${tl.waiting.after} ${tl.waiting.days} 个${DAY_UNITS[tl.waiting.unit]}后${tl.waiting.then ?? '可办理'}`));
    if (tl.note) out.push(para(`时限说明：${tl.note}`));
  }
  element('到现场次数', typeof p.visits === 'number' ? `${p.visits} 次` : said(p.visits));

  heading('收费标准');
  if (Array.isArray(p.fee))
    out.push(
      table(
        ['收费项目', '收费金额', '收费依据', '减免说明'],
        p.fee.map((f) => [f.name, f.amount, f.basis, f.note]),
      ),
    );
  else out.push(para(said(p.fee)));
  if (p.feeNote) element('收费说明', p.feeNote);
  if (p.result) element('办理结果', p.result);
  if (p.delivery) element('送达方式', ...numbered(p.delivery));
  // Several places as a numbered list, each with its labelled parts (the note last: it may hold a ；).
  if (p.place || p.places)
    element(
      '办理地点',
      ...(p.place ? [p.place] : []),
      ...(p.places ?? []).map((pl, i) =>
        [
          `${i + 1}. ${pl.name}`,
          pl.address && `地址：${pl.address}`,
          pl.directions && `路线：${pl.directions}`,
          pl.hours && `办公时间：${hoursLines(pl.hours).join('；')}；节假日安排：${pl.hours.holidays}${pl.hours.note ? `；办公时间说明：${pl.hours.note}` : ''}`,
          pl.phone && `电话：${pl.phone}`,
          pl.note && `说明：${pl.note}`,
        ]
          .filter(Boolean)
          .join('；'),
      ),
    );
  if (p.scope) element('通办范围', SCOPES[p.scope], ...(p.scopeNote ? [p.scopeNote] : []));
  if (p.appointment) element('预约', `${p.appointment.required ? '需预约' : '可预约'}：${p.appointment.how}`, ...(p.appointment.phone ? [`预约电话：${p.appointment.phone}`] : []));
  if (p.hours) {
    element('办理时间', ...hoursLines(p.hours));
    element('节假日安排', p.hours.holidays);
    if (p.hours.note) element('办公时间说明', p.hours.note);
  }
  if (Array.isArray(p.phones))
    element('电话', ...p.phones.map((ph) => `${ph.label}：${ph.number}${ph.hours ? `（接听时间：${ph.hours}）` : ''}${ph.note ? `（${ph.note}）` : ''}`));
  else {
    if (p.phones?.consult) element('咨询电话', p.phones.consult);
    if (p.phones?.complaint) element('监督投诉电话', p.phones.complaint);
  }
  // Each channel a line of labelled parts; several are numbered, so that one channel in a list comes back as a list.
  if (p.online !== undefined) {
    const channels = Array.isArray(p.online) ? p.online : [p.online];
    element(
      '网上办理',
      ...channels.map((o, i) =>
        [
          `${Array.isArray(p.online) ? `${i + 1}. ` : ''}${o.label ?? `网址：${o.url}`}`,
          o.label && o.url && `网址：${o.url}`,
          o.kind && `类型：${ONLINE_KINDS[o.kind]}`,
          o.phone && `电话：${o.phone}`,
          o.note && `说明：${o.note}`,
        ]
          .filter(Boolean)
          .join('；'),
      ),
    );
  }
  if (p.faq) element('常见问题', ...p.faq.flatMap((f) => [`问：${f.q}`, ...f.a.split('\n').map((line, i) => (i === 0 ? `答：${line}` : line))]));
  const notes = body
    .split('\n')
    .map((l) =>
      l
        .replace(/^#+\s*|^[-*]\s+|^\d+\.\s+/, '')
        .replace(/\*\*|__/g, '')
        .trim(),
    )
    .filter((l) => l !== '');
  if (notes.length > 0) element('其他说明', ...notes);
  return out;
}

/** The .docx file of a procedure. */
export async function guideDocx(p: Procedure, body = ''): Promise<Buffer> {
  const doc = new Document({
    creator: 'Siliang',
    styles: { default: { document: { run: { font: 'SimSun', size: 24 } } } },
    numbering: { config: [{ reference: 'list', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [{ children: guideBlocks(p, body) }],
  });
  return Packer.toBuffer(doc);
}
