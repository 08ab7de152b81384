/**
 * Gaps a publicity officer still has to fill: fields written 未公布 (the
 * unit's material does not say) or 待填写 (not entered yet), text that
 * stands in for a fact (原文未写, 待补充, xxx, 同上, ……), and the elements a
 * post publishing its duties only leaves out. Each is a warning at its line
 * and column, never an error: the item is published, and its pages say
 * honestly what is not stated. Beside them, a rate that rests on very few
 * responses is flagged, for the same reason: it is published, but a reader
 * should know.
 */
import type { z } from 'astro/zod';
import { collectionSchema, type CollectionName } from '#schemas/collections.ts';
import { attachmentPath, imagePath } from '#schemas/context.ts';
import { unitPhones } from '../../contacts.ts';
import { isPartOfDay } from '../../hours.ts';
import { FEW_RESPONSES, fewResponses, responsesOf } from '../../evaluations.ts';
import { POST_ELEMENTS, postGaps } from '../../posts.ts';
import type { CheckedEntry, Rule, RuleContext } from '../entry.ts';
import { metaAt } from '../explain.ts';
import { findGaps, placeholdersInText, type Gap } from '../gaps.ts';
import { bodyPositions } from '../../markdown/body.ts';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { fieldPath, type Problem } from '../problem.ts';

/** The kinds of problem the gap rules report: each a part of the content still to be filled in. */
export const GAP_KINDS: ReadonlySet<string> = new Set(['not-published', 'unfilled', 'placeholder-text', 'no-photo', 'post-gap', 'hours-part-of-day']);

const schemas = new Map<CollectionName, z.ZodType>();
/** A collection's schema, only to name its fields in Chinese. */
function schemaOf(collection: CollectionName): z.ZodType {
  let schema = schemas.get(collection);
  if (!schema) schemas.set(collection, (schema = collectionSchema(collection, { image: imagePath, file: attachmentPath })));
  return schema;
}

/** The Chinese name of the field at `path`, or of the nearest field around it that has one. */
function titleAt(collection: CollectionName, path: readonly PropertyKey[]): string | undefined {
  const schema = schemaOf(collection);
  for (let end = path.length; end > 0; end--) {
    const title = metaAt(schema, path.slice(0, end))?.title;
    if (title) return title;
  }
  return undefined;
}

function describe(gap: Gap, title: string, fallback: string | undefined): Pick<Problem, 'kind' | 'message' | 'fix'> {
  // A unit with no phone of its own: say which number pages give instead, so nobody takes it for the unit's.
  if (fallback && gap.kind !== 'placeholder') {
    return {
      kind: gap.kind,
      message: `“${title}”写的是“${gap.kind === 'unfilled' ? '待填写' : '未公布'}”：网页、打印件和显示屏上写“${fallback}”，不会把这个号码当成本单位的电话`,
      fix:
        gap.kind === 'unfilled'
          ? '按单位公开的材料填上咨询电话（加英文引号）；确实没有公布电话的，改成 未公布'
          : '单位有对外电话的填上（加英文引号）；确实没有公布的可以保留“未公布”，兜底渠道在 site.yaml 的 fallback 里设置',
    };
  }
  if (gap.kind === 'not-published') {
    return {
      kind: 'not-published',
      message: `“${title}”写的是“未公布”：本单位公开的材料里没有这一项，网站和打印件会如实写明未公布`,
      fix: '向业务科室核实后填上原文的内容；确实没有公布的，可以保留“未公布”',
    };
  }
  if (gap.kind === 'unfilled') {
    return {
      kind: 'unfilled',
      message: `“${title}”还没有填写（写的是“待填写”），网站和打印件会写明尚未填写`,
      fix: '按原文填上；原文确实没有写这一项的，改成 未公布',
    };
  }
  return {
    kind: 'placeholder-text',
    message: `“${title}”里的“${gap.words ?? ''}”是占位的字，不是内容，会原样印在公示牌上`,
    fix: '改成原文的内容；原文没有写这一项的，把整项改成 未公布；还没查到的，整项写 待填写',
  };
}

/** The sentence pages show for a unit whose own phone is 未公布 / 待填写 and that lists no other phone. */
function fallbackSentence(entry: CheckedEntry, path: readonly PropertyKey[], ctx: RuleContext): string | undefined {
  if (entry.collection !== 'units' || path.length !== 1 || path[0] !== 'phone' || !ctx.site) return undefined;
  return unitPhones(entry.data, ctx.site).fallback?.sentence.replace(/。$/, '');
}

function gapProblems(entry: CheckedEntry, ctx: RuleContext): Problem[] {
  return findGaps(entry.source.data).map((gap) => {
    const field = fieldPath(gap.path);
    const title = titleAt(entry.collection, gap.path) ?? field;
    const { position } = entry.source.locate(gap.path, 'value');
    return {
      severity: 'warning',
      ...describe(gap, title, fallbackSentence(entry, gap.path, ctx)),
      file: entry.file,
      line: position.line,
      column: position.column,
      ...(field ? { field } : {}),
      ...(title && title !== field ? { fieldTitle: title } : {}),
    };
  });
}

/** Every 未公布, 待填写 and placeholder text in a file that passed its schema. */
export const gapRule: Rule = (entries, ctx) => entries.flatMap((entry) => gapProblems(entry, ctx));

interface TextNode {
  type: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: TextNode[];
}

/** Where each run of prose starts and ends in a Markdown tree: text, not code, inline code or raw HTML. */
function textRanges(node: TextNode, out: Array<[number, number]> = []): Array<[number, number]> {
  if (node.type === 'text') {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) out.push([start, end]);
    return out;
  }
  if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type.startsWith('mdx')) return out;
  for (const child of node.children ?? []) textRanges(child, out);
  return out;
}

/**
 * Placeholder text in the Markdown body of any content file (a guide's
 * 温馨提示, a notice, a post's or pledge's notes): 原文未写, 待补充, xxx, 同上,
 * …… stand in for a fact and would be published as they are. A warning at
 * the line and column where each is written. A body the Markdown parser
 * cannot read is left to the Markdown rule, which reports it as an error.
 */
export const bodyPlaceholderRule: Rule = (entries, ctx) => {
  const problems: Problem[] = [];
  for (const entry of entries) {
    const body = entry.body;
    if (body === undefined || body.trim() === '') continue;
    let tree: TextNode;
    try {
      tree = (entry.file.toLowerCase().endsWith('.mdx') ? mdxToMdast(body) : markdownToMdast(body)) as unknown as TextNode;
    } catch {
      continue;
    }
    const toFile = bodyPositions(entry, ctx.contentDir);
    for (const [start, end] of textRanges(tree)) {
      for (const found of placeholdersInText(body.slice(start, end))) {
        const position = toFile?.(start + found.index);
        problems.push({
          severity: 'warning',
          kind: 'placeholder-text',
          file: entry.file,
          ...(position ? { line: position.line, column: position.column } : {}),
          fieldTitle: '正文',
          message: `正文${position ? `第 ${position.line} 行` : ''}的“${found.words}”是占位的字，不是内容，会原样显示在网页上`,
          fix: '改成原文的内容；原文没有这句话的，删掉这一句；还没查到的，先删掉，查到后再补上',
        });
      }
    }
  }
  return problems;
};

/** How each element a post leaves out is written when the source does say it: a list of lines, or the complaint desk. */
const POST_ELEMENT_EXAMPLES: Record<keyof typeof POST_ELEMENTS, string> = {
  requirements: 'requirements:\n  - 一次性告知所需材料',
  timeLimits: 'timeLimits:\n  - 首问负责，5 分钟内答复',
  phrases: 'phrases:\n  - 您好，请问您办理什么业务？',
  complaint: 'complaint:\n  department: 中心督查室\n  phone: "区号-号码"',
};

/**
 * A post that publishes its duties only: each element its file leaves out
 * entirely (履职要求, 工作时限, 服务用语, 投诉受理) is a gap, counted and
 * warned about like one written 未公布. An element written 未公布 or 待填写
 * is already reported by gapRule at its value, so only absent ones are
 * reported here, at the post's name: there is no line of their own to point at.
 */
export const postGapRule: Rule = (entries) => {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (entry.collection !== 'posts') continue;
    const { position } = entry.source.locate(['name'], 'key');
    for (const gap of postGaps(entry.data)) {
      if (gap.state !== 'absent') continue;
      problems.push({
        severity: 'warning',
        kind: 'post-gap',
        file: entry.file,
        line: position.line,
        column: position.column,
        field: gap.field,
        fieldTitle: gap.title,
        message: `岗位“${entry.data.name}”没有写${gap.title}：网页、公示牌和显示屏上写明“未公布”`,
        fix: `按岗位的原文加上\n${POST_ELEMENT_EXAMPLES[gap.field]}\n原文确实只公布了岗位职责的，写 ${gap.field}: 未公布`,
      });
    }
  }
  return problems;
};

/**
 * A 满意率 or 好评率 resting on fewer than FEW_RESPONSES responses: one or
 * two people move it by many points, and 100% from 7 does not show that
 * nine in ten are satisfied. Published as it stands, with a warning at the
 * rate. The number of responses is the one written, or the sum of the counts
 * per level when only those are given; not published, it is a gap instead.
 */
export const fewResponsesRule: Rule = (entries) => {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (entry.collection !== 'evaluations') continue;
    const responses = responsesOf(entry.data);
    if (responses === undefined) continue;
    const rates = fewResponses({ ...entry.data, responses });
    const first = rates[0];
    if (!first) continue;
    const { position } = entry.source.locate([first.field], 'key');
    const said = rates.map((r) => `${r.name} ${r.value}%`).join('、');
    const from = typeof entry.data.responses === 'number' ? `${responses} 份评价` : `${responses} 份评价（各等级人数合计）`;
    problems.push({
      severity: 'warning',
      kind: 'few-responses',
      file: entry.file,
      line: position.line,
      column: position.column,
      field: first.field,
      fieldTitle: first.name,
      message: `${said} 只基于 ${from}，不到 ${FEW_RESPONSES} 份：一两个人的评价就能让它变动很多，不能说明大多数群众满意`,
      fix: '核对评价人数是否写对；人数确实少的照实公布，可以在 method 里写明评价方式和人数少的原因，或把几个期次合起来统计',
    });
  }
  return problems;
};

/**
 * Staff with no photo yet: publishable (pages and sheets show a neutral
 * 照片待补 placeholder), and listed one by one until the photo is added.
 * The roster import says the same (src/tools/import/staff-import.ts).
 * Staff who have left are not asked.
 */
export const missingPhotoRule: Rule = (entries, ctx) => {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (entry.collection !== 'staff' || entry.data.photo !== undefined) continue;
    if (entry.data.left !== undefined && entry.data.left <= ctx.today) continue;
    const { position } = entry.source.locate(['name'], 'key');
    problems.push({
      severity: 'warning',
      kind: 'no-photo',
      file: entry.file,
      line: position.line,
      column: position.column,
      field: 'photo',
      fieldTitle: '工作照',
      message: `${entry.data.name}还没有工作照：网站、公示牌和胸卡上先显示“照片待补”`,
      fix: `把工作照放在这个文件旁边，例如 ${entry.slug}.jpg，再在 name 下面加一行 photo: ./${entry.slug}.jpg`,
    });
  }
  return problems;
};

/** Every line of opening hours in `data` (site, unit, guide, place, season), by path: objects with `days` and a list of `times`. */
function hoursLines(data: unknown, path: PropertyKey[] = []): Array<{ path: PropertyKey[]; times: unknown[] }> {
  if (Array.isArray(data)) return data.flatMap((item, i) => hoursLines(item, [...path, i]));
  if (data === null || typeof data !== 'object' || data instanceof Date) return [];
  const record = data as Record<string, unknown>;
  if (typeof record.days === 'string' && Array.isArray(record.times)) return [{ path, times: record.times }];
  return Object.entries(record).flatMap(([key, value]) => hoursLines(value, [...path, key]));
}

/**
 * Opening hours written as a part of the day with no clock times (上午,
 * 下午, 全天), as many guides print them: accepted and shown as written, but
 * the hours are not stated, so each is a gap to fill in when the unit
 * knows them.
 */
export const partOfDayRule: Rule = (entries) => {
  const problems: Problem[] = [];
  for (const entry of entries) {
    for (const line of hoursLines(entry.data)) {
      line.times.forEach((slot, i) => {
        if (typeof slot !== 'string' || !isPartOfDay(slot)) return;
        const path = [...line.path, 'times', i];
        const { position } = entry.source.locate(path, 'value');
        problems.push({
          severity: 'warning',
          kind: 'hours-part-of-day',
          file: entry.file,
          line: position.line,
          column: position.column,
          field: fieldPath(path),
          fieldTitle: '时段',
          message: `办公时间只写了“${slot}”，没有写几点到几点：网页和打印件照原文显示“${slot}”`,
          fix: `问清具体时间后写成 24 小时制的时段，例如 "08:30-12:00"（加英文引号）；原文只写了“${slot}”的，可以先保留`,
        });
      });
    }
  }
  return problems;
};
