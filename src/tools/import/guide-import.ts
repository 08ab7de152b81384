/**
 * `npm run import -- guide <file.docx|folder> --unit <unit>` and
 * `npm run import -- guides <items.xlsx|csv> --unit <unit>`: Word service
 * guides, or an item list with one row per item, become procedure files in
 * `units/<unit>/procedures/`. All or nothing: every source is read, mapped and
 * checked by the privacy guard first, and if any cannot be read or holds an
 * identity number or a private mobile, nothing is written. What the importer
 * could not place is listed per file and written 待填写 / 未公布; after
 * writing, the content checker runs on the new files, so that its warnings
 * point at them.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { SLUG_PATTERN } from '#schemas/common.ts';
import { checkFile } from '#lib/content/check.ts';
import { findIdentityNumbers, findMobiles, maskIdentity, maskMobile } from '#lib/privacy/index.ts';
import { ENCODING_NAMES, type TextEncoding } from '#lib/text-encoding.ts';
import { ELEMENTS, guideElements, matchHeading, type GuideElements, type Section } from './guide-elements.ts';
import { findingLine, procedureFile } from './guide-file.ts';
import { mapGuide, UNFILLED, type Finding, type GuideStats } from './guide-map.ts';
import { GuideReadError, readGuide } from './guide-read.ts';
import { problemLine } from './staff-import.ts';
import { readTable, TableError, type Table } from './table.ts';

export interface GuideImportOptions {
  kind: 'guide' | 'guides';
  /** A .docx file or a folder of them (guide), or an .xlsx/.csv item list (guides). */
  input: string;
  unit: string;
  contentDir: string;
  overwrite?: boolean;
  /** YYYY-MM-DD: the files' header line, and the privacy guard's today. */
  today: string;
}

export interface PlannedGuide {
  /** The source file's name, and the row for an item list. */
  source: string;
  row?: number;
  name: string;
  relPath: string;
  text: string;
  findings: Finding[];
  stats: GuideStats;
}

export interface GuideImportPlan {
  kind: GuideImportOptions['kind'];
  input: string;
  unit: string;
  format?: Table['format'];
  encoding?: TextEncoding;
  files: PlannedGuide[];
  skipped: string[];
  /** Sources that cannot be imported: nothing is written while there is one. */
  errors: string[];
  /** 2 when the command cannot run as asked (no such unit or file), 1 for a source that cannot be imported. */
  errorCode: 1 | 2;
  /** The checker's messages about the written files. */
  checked: string[];
  checkErrors: number;
}

/** A file name from a procedure's name: its pinyin, without tones, at most 40 letters. */
export function procedureSlug(name: string): string {
  const syllables = pinyin(name.replace(/[（(][^）)]*[）)]/g, ''), { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .filter((s) => s !== '' && s !== '-');
  let slug = '';
  for (const s of syllables) {
    const next = /^[a-z]+$/.test(s) && /[a-z]$/.test(slug) ? `${slug}${s}` : `${slug}-${s}`;
    if (next.replace(/^-/, '').length > 40) break;
    slug = next;
  }
  slug = slug.replace(/-+/g, '-').replace(/^-|-$/g, '');
  return SLUG_PATTERN.test(slug) ? slug : '';
}

function unitError(contentDir: string, unit: string): string | undefined {
  if (!SLUG_PATTERN.test(unit)) return `单位“${unit}”不对：--unit 后面写单位文件夹名（小写英文字母、数字和短横线），例如 --unit chuangkou`;
  if (existsSync(join(contentDir, 'units', unit, 'unit.yaml')) || existsSync(join(contentDir, 'units', unit, 'unit.yml'))) return undefined;
  const units = existsSync(join(contentDir, 'units'))
    ? readdirSync(join(contentDir, 'units'))
        .filter((u) => !u.startsWith('.'))
        .sort()
    : [];
  return `找不到单位 units/${unit}/unit.yaml（内容文件夹：${contentDir}）。${units.length > 0 ? `已有的单位：${units.join('、')}` : '先用 npm run new -- unit <单位> 新建单位'}`;
}

/** Every text of a guide, for the privacy guard, with the element it is in (a mobile is allowed in a phone element). */
function guideTexts(guide: GuideElements): Array<{ element: string | undefined; text: string }> {
  const out: Array<{ element: string | undefined; text: string }> = [];
  if (guide.title) out.push({ element: undefined, text: guide.title });
  for (const line of guide.preamble) out.push({ element: undefined, text: line });
  for (const s of guide.sections) {
    const text = [s.heading, ...s.lines, ...s.tables.flat().flat(), ...s.footnotes].join('\n');
    out.push({ element: s.element, text });
  }
  return out;
}

/** The privacy guard over a source: identity numbers anywhere, mobiles outside the phone elements. */
function privacyStops(source: string, guide: GuideElements, today: string): string[] {
  const out: string[] = [];
  for (const { element, text } of guideTexts(guide)) {
    const where = element ? `“${ELEMENTS[element as keyof typeof ELEMENTS]}”` : '正文';
    for (const id of findIdentityNumbers(text, { today, oldNumbers: true })) out.push(`${source}：${where}里有身份证号 ${maskIdentity(id.text)}，不能公开`);
    if (element === 'consult' || element === 'complaint' || element === 'phones') continue;
    for (const m of findMobiles(text)) out.push(`${source}：${where}里有手机号 ${maskMobile(m.text)}，手机号只能作为公开的咨询或投诉电话写在电话一栏`);
  }
  return out;
}

/** An item list's rows as guides: the header row names the elements, each row below is one item. */
export function listGuides(table: Table): { guides: Array<{ row: number; guide: GuideElements }>; errors: string[] } {
  const headerAt = table.rows.findIndex((r) => r.cells.filter((c) => matchHeading(c.text)).length >= 3);
  if (headerAt < 0) return { guides: [], errors: ['找不到表头：事项清单的第一行（或前几行中的一行）要写“事项名称”“申请材料”“办理时限”等列名'] };
  const header = table.rows[headerAt]!.cells.map((c) => ({ text: c.text, match: matchHeading(c.text) }));
  const guides: Array<{ row: number; guide: GuideElements }> = [];
  for (const r of table.rows.slice(headerAt + 1)) {
    if (r.cells.every((c) => c.text === '')) continue;
    const sections: Section[] = [];
    r.cells.forEach((cell, i) => {
      const h = header[i];
      if (!h || cell.text === '') return;
      if (!h.match && /^(?:序号|编号|No\.?)$/i.test(h.text)) return;
      sections.push({
        element: h.match?.element,
        heading: h.text || `第 ${i + 1} 列`,
        approx: h.match?.approx ?? false,
        lines: cell.text
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean),
        tables: [],
        footnotes: [],
      });
    });
    guides.push({ row: r.row, guide: { sections, preamble: [] } });
  }
  return { guides, errors: [] };
}

/** Reads, maps and checks every source; writes nothing. */
export async function planGuideImport(options: GuideImportOptions): Promise<GuideImportPlan> {
  const plan: GuideImportPlan = { kind: options.kind, input: options.input, unit: options.unit, files: [], skipped: [], errors: [], errorCode: 1, checked: [], checkErrors: 0 };
  const fail = (message: string, code: 1 | 2) => {
    plan.errors.push(message);
    if (code === 2) plan.errorCode = 2;
    return plan;
  };
  const unitProblem = unitError(options.contentDir, options.unit);
  if (unitProblem) return fail(unitProblem, 2);
  const input = resolve(options.input);
  if (!existsSync(input)) return fail(`找不到 ${options.input}`, 2);

  const sources: Array<{ source: string; row?: number; guide: GuideElements }> = [];
  if (options.kind === 'guide') {
    let files: string[];
    if (statSync(input).isDirectory()) {
      // Word's lock files (~$名称.docx) are not guides.
      files = readdirSync(input)
        .filter((f) => /\.(?:docx|doc)$/i.test(f) && !f.startsWith('~$'))
        .sort()
        .map((f) => join(input, f));
      if (files.length === 0) return fail(`文件夹 ${options.input} 里没有 Word 文档（.docx）`, 2);
    } else files = [input];
    for (const file of files) {
      try {
        sources.push({ source: basename(file), guide: guideElements(await readGuide(file)) });
      } catch (error) {
        if (!(error instanceof GuideReadError)) throw error;
        plan.errors.push(`${basename(file)}：${error.message}`);
      }
    }
  } else {
    let table: Table;
    try {
      table = await readTable(input);
    } catch (error) {
      if (!(error instanceof TableError)) throw error;
      return fail(`${basename(input)}：${error.message}`, 1);
    }
    plan.format = table.format;
    if (table.encoding) plan.encoding = table.encoding;
    const list = listGuides(table);
    for (const e of list.errors) plan.errors.push(`${basename(input)}：${e}`);
    for (const g of list.guides) sources.push({ source: basename(input), row: g.row, guide: g.guide });
  }
  for (const s of sources) plan.errors.push(...privacyStops(s.row !== undefined ? `${s.source} 第 ${s.row} 行` : s.source, s.guide, options.today));
  if (plan.errors.length > 0) return plan;

  const used = new Set<string>();
  for (const s of sources) {
    const mapped = mapGuide(s.guide);
    const name = String(mapped.data.name);
    const base = (name !== UNFILLED && procedureSlug(name)) || procedureSlug(basename(s.source, extname(s.source))) || 'shixiang';
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    const relPath = `units/${options.unit}/procedures/${slug}.md`;
    const where = s.row !== undefined ? `${s.source} 第 ${s.row} 行` : s.source;
    if (existsSync(join(options.contentDir, relPath)) && !options.overwrite) {
      plan.skipped.push(`${relPath} 已经存在，没有覆盖（${where}：${name}）；要用导入的内容覆盖，加 --overwrite`);
      continue;
    }
    const text = procedureFile(mapped.data, mapped.body, { file: s.source, ...(s.row !== undefined ? { row: s.row } : {}), date: options.today }, mapped.findings);
    plan.files.push({ source: s.source, ...(s.row !== undefined ? { row: s.row } : {}), name, relPath, text, findings: mapped.findings, stats: mapped.stats });
  }
  return plan;
}

/** Writes a plan without errors, then checks the written files with the content checker. */
export function writeGuideImport(plan: GuideImportPlan, contentDir: string): void {
  if (plan.errors.length > 0) throw new Error('refusing to write an import with errors');
  for (const file of plan.files) {
    mkdirSync(dirname(join(contentDir, file.relPath)), { recursive: true });
    writeFileSync(join(contentDir, file.relPath), file.text);
  }
  for (const file of plan.files) {
    for (const problem of checkFile(contentDir, file.relPath).problems) {
      plan.checked.push(`${problem.severity === 'error' ? '✗ 错误' : '! 提醒'} ${problemLine(problem)}`);
      if (problem.severity === 'error') plan.checkErrors++;
    }
  }
}

/** The share of elements placed automatically, over every file of a plan. */
export function placedShare(files: readonly { stats: GuideStats }[]): { found: number; placed: number; unsure: number; unplaced: number } {
  const total = { found: 0, placed: 0, unsure: 0, unplaced: 0 };
  for (const f of files) for (const k of ['found', 'placed', 'unsure', 'unplaced'] as const) total[k] += f.stats[k];
  return total;
}

/** The import report: per file, what was placed and what to check. */
export function formatGuideImport(plan: GuideImportPlan, options: { dryRun: boolean; written: boolean }): string {
  const out: string[] = [];
  const source = plan.format ? `（${plan.format === 'xlsx' ? 'Excel 工作簿' : `CSV，${ENCODING_NAMES[plan.encoding ?? 'utf-8']} 编码`}）` : '';
  out.push(`导入办事指南：${plan.input}${source} → units/${plan.unit}/procedures/`);
  const failed = plan.errors.length > 0;
  if (!failed) {
    for (const file of plan.files) {
      const where = file.row !== undefined ? `${file.source} 第 ${file.row} 行` : file.source;
      const { found, placed, unsure, unplaced } = file.stats;
      out.push(
        `${options.written ? '✓ 写入' : '  将写入'} ${file.relPath}（${where}：${file.name}；${found} 项中自动导入 ${placed} 项，待核对 ${unsure} 项，未导入 ${unplaced} 项）`,
      );
      for (const f of file.findings) out.push(`    ${findingLine(f)}`);
    }
  }
  for (const s of plan.skipped) out.push(`- 跳过 ${s}`);
  for (const e of plan.errors) out.push(`✗ ${e}`);
  for (const c of plan.checked) out.push(c);
  out.push('');
  const total = placedShare(plan.files);
  const written = options.written ? plan.files.length : 0;
  if (!failed && total.found > 0) {
    out.push(
      `共 ${total.found} 项：自动导入 ${total.placed} 项（${Math.round((100 * total.placed) / total.found)}%），待核对 ${total.unsure} 项，未导入 ${total.unplaced} 项。` +
        `(${total.found} elements: ${total.placed} placed, ${total.unsure} to check, ${total.unplaced} not placed)`,
    );
  }
  out.push(
    `写入 ${written} 个文件，跳过 ${plan.skipped.length} 个，错误 ${plan.errors.length} 处。(${written} files written, ${plan.skipped.length} skipped, ${plan.errors.length} errors)`,
  );
  if (failed) out.push('有错误，没有写入任何文件：改正后重新导入。(Nothing was written.)');
  else if (options.dryRun)
    out.push(
      plan.files.length > 0
        ? `试运行，没有写入文件；去掉 --dry-run 就会写入上面 ${plan.files.length} 个文件。(Dry run: nothing was written.)`
        : '试运行，没有要写入的文件。(Dry run: nothing to write.)',
    );
  else if (written > 0) out.push('下一步：按上面的“缺项”“请核对”“未导入”逐项核对原文，把“待填写”改成原文的内容，然后运行 npm run check。');
  return out.join('\n');
}
