/**
 * Gaps a publicity officer still has to fill: fields written 未公布 (the
 * unit's material does not say) or 待填写 (not entered yet), and text that
 * stands in for a fact (原文未写, 待补充, xxx, 同上, ……). Each is a warning
 * at its line and column, never an error: the item is published, and its
 * pages say honestly what is not stated.
 */
import type { z } from 'astro/zod';
import { collectionSchema, type CollectionName } from '#schemas/collections.ts';
import { attachmentPath, imagePath } from '#schemas/context.ts';
import type { CheckedEntry, Rule } from '../entry.ts';
import { metaAt } from '../explain.ts';
import { findGaps, type Gap } from '../gaps.ts';
import { fieldPath, type Problem } from '../problem.ts';

/** The kinds of problem this rule reports. */
export const GAP_KINDS: ReadonlySet<string> = new Set(['not-published', 'unfilled', 'placeholder-text', 'no-photo']);

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

function describe(gap: Gap, title: string): Pick<Problem, 'kind' | 'message' | 'fix'> {
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

function gapProblems(entry: CheckedEntry): Problem[] {
  return findGaps(entry.source.data).map((gap) => {
    const field = fieldPath(gap.path);
    const title = titleAt(entry.collection, gap.path) ?? field;
    const { position } = entry.source.locate(gap.path, 'value');
    return {
      severity: 'warning',
      ...describe(gap, title),
      file: entry.file,
      line: position.line,
      column: position.column,
      ...(field ? { field } : {}),
      ...(title && title !== field ? { fieldTitle: title } : {}),
    };
  });
}

/** Every 未公布, 待填写 and placeholder text in a file that passed its schema. */
export const gapRule: Rule = (entries) => entries.flatMap(gapProblems);

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
