/**
 * `npm run import -- staff <roster> --unit <unit>`: a roster becomes staff
 * files in `units/<unit>/staff/`, all or nothing. Every row is read and
 * checked first (the roster's cells, then each file with the content
 * checker); if anything is wrong nothing is written and every error is
 * listed with its row and column. Existing files are kept unless the person
 * asks to overwrite them.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SLUG_PATTERN } from '#schemas/common.ts';
import { IMAGE_EXTENSIONS } from '#schemas/context.ts';
import { checkFile } from '#lib/content/check.ts';
import type { Problem } from '#lib/content/problem.ts';
import { ENCODING_NAMES, type TextEncoding } from '#lib/text-encoding.ts';
import { formatMessage, rosterRecords, STAFF_COLUMNS, type ImportMessage, type PostRef, type StaffField } from './staff-roster.ts';
import { staffYaml } from './staff-yaml.ts';
import { readTable, TableError, type Table } from './table.ts';

export interface StaffImportOptions {
  /** Path of the roster (.csv or .xlsx). */
  roster: string;
  unit: string;
  contentDir: string;
  overwrite?: boolean;
  /** YYYY-MM-DD, written in each file's header comment. */
  today: string;
}

export interface PlannedFile {
  row: number;
  name: string;
  /** Relative to the content folder. */
  relPath: string;
  text: string;
  /** A photo to copy: absolute source, destination relative to the content folder. */
  photo?: { from: string; to: string };
}

export interface StaffImportPlan {
  roster: string;
  unit: string;
  format?: Table['format'];
  encoding?: TextEncoding;
  rowsRead: number;
  /** Files that will be (or were) written. */
  files: PlannedFile[];
  skipped: ImportMessage[];
  errors: ImportMessage[];
  notes: ImportMessage[];
  warnings: string[];
}

/** The posts of a unit: each `posts/<slug>.yaml` with its `name`. */
export function readPosts(contentDir: string, unit: string): PostRef[] {
  const dir = join(contentDir, 'units', unit, 'posts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const slug = f.replace(/\.ya?ml$/, '');
      let name = slug;
      try {
        const data = parseYaml(readFileSync(join(dir, f), 'utf8')) as { name?: unknown } | null;
        if (typeof data?.name === 'string') name = data.name.trim();
      } catch {
        // A post file with a syntax error still has a file name to match; the checker reports the error.
      }
      return { slug, name };
    });
}

const columnTitle = (field: string) => STAFF_COLUMNS.find((c) => c.field === (field as StaffField))?.header;

/** One line for a checker problem: `units/a/staff/x.yaml  photo（工作照）  message  修改：fix`. */
export function problemLine(p: Problem): string {
  const place = p.line !== undefined ? `${p.file}:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : p.file;
  const field = p.field ? `  ${p.field}${p.fieldTitle ? `（${p.fieldTitle}）` : ''}` : '';
  return `${place}${field}  ${p.message}${p.fix ? `  修改：${p.fix.replace(/\n/g, ' ')}` : ''}`;
}

/** Reads and checks a roster; writes nothing. */
export async function planStaffImport(options: StaffImportOptions): Promise<StaffImportPlan> {
  const plan: StaffImportPlan = { roster: options.roster, unit: options.unit, rowsRead: 0, files: [], skipped: [], errors: [], notes: [], warnings: [] };
  const { contentDir, unit } = options;
  if (!SLUG_PATTERN.test(unit)) {
    plan.errors.push({ message: `单位“${unit}”不对：--unit 后面写单位文件夹名（小写英文字母、数字和短横线），例如 --unit chuangkou` });
    return plan;
  }
  if (!existsSync(join(contentDir, 'units', unit, 'unit.yaml')) && !existsSync(join(contentDir, 'units', unit, 'unit.yml'))) {
    const units = existsSync(join(contentDir, 'units'))
      ? readdirSync(join(contentDir, 'units'))
          .filter((u) => !u.startsWith('.'))
          .sort()
      : [];
    plan.errors.push({
      message: `找不到单位 units/${unit}/unit.yaml（内容文件夹：${contentDir}）。${units.length > 0 ? `已有的单位：${units.join('、')}` : '先用 npm run new -- unit <单位> 新建单位'}`,
    });
    return plan;
  }
  const rosterPath = resolve(options.roster);
  if (!existsSync(rosterPath) || !statSync(rosterPath).isFile()) {
    plan.errors.push({ message: `找不到花名册文件 ${options.roster}` });
    return plan;
  }
  let table: Table;
  try {
    table = await readTable(rosterPath);
  } catch (error) {
    if (error instanceof TableError) {
      plan.errors.push({ message: error.message });
      return plan;
    }
    throw error;
  }
  plan.format = table.format;
  if (table.encoding) plan.encoding = table.encoding;

  const rosterDir = dirname(rosterPath);
  const photoPath = (name: string) => resolve(rosterDir, name);
  const result = rosterRecords(table, {
    posts: readPosts(contentDir, unit),
    photoExists: (name) => existsSync(photoPath(name)) && statSync(photoPath(name)).isFile(),
    // The checker's list: a roster may name any photo the staff file may.
    imageExtensions: IMAGE_EXTENSIONS,
  });
  plan.rowsRead = result.rowsRead;
  plan.errors.push(...result.errors);
  plan.notes.push(...result.notes);
  plan.skipped.push(...result.skipped);

  const rosterName = basename(options.roster);
  for (const record of result.records) {
    const relPath = `units/${unit}/staff/${record.slug}.yaml`;
    if (existsSync(join(contentDir, relPath)) && !options.overwrite) {
      plan.skipped.push({ row: record.row, message: `${relPath} 已经存在，没有覆盖（${record.data.name}）；要用花名册里的内容覆盖，加 --overwrite` });
      continue;
    }
    // A roster without a photo column does not take away a photo already beside the file.
    const kept =
      record.data.photo === undefined
        ? IMAGE_EXTENSIONS.map((ext) => `${record.slug}.${ext}`).find((name) => existsSync(join(contentDir, 'units', unit, 'staff', name)))
        : undefined;
    const data = kept ? { ...record.data, photo: `./${kept}` } : record.data;
    const text = staffYaml(data, { roster: rosterName, row: record.row, date: options.today });
    // The checker sees the file as it will be; a photo still to be copied is not there yet.
    for (const problem of checkFile(contentDir, relPath, text).problems) {
      if (problem.field === 'photo') continue;
      if (problem.severity === 'error') {
        const column = problem.field ? columnTitle(problem.field.split(/[.[]/)[0] as string) : undefined;
        plan.errors.push({ row: record.row, ...(column ? { column } : {}), message: `${problem.message}${problem.fix ? `（修改：${problem.fix.replace(/\n/g, ' ')}）` : ''}` });
      }
    }
    const planned: PlannedFile = { row: record.row, name: record.data.name, relPath, text };
    if (record.photoSource !== undefined && record.data.photo !== undefined) {
      const photoTo = `units/${unit}/staff/${record.data.photo.slice(2)}`;
      if (existsSync(join(contentDir, photoTo)) && !options.overwrite) {
        plan.notes.push({ row: record.row, message: `${photoTo} 已经存在，保留原来的照片` });
      } else {
        planned.photo = { from: photoPath(record.photoSource), to: photoTo };
      }
    }
    plan.files.push(planned);
  }
  return plan;
}

/**
 * Writes a plan that has no errors: each file and its photo. Then checks
 * each written file with the content checker; its problems (a photo still
 * missing, say) become the plan's warnings.
 */
export function writeStaffImport(plan: StaffImportPlan, contentDir: string): void {
  if (plan.errors.length > 0) throw new Error('refusing to write an import with errors');
  for (const file of plan.files) {
    mkdirSync(dirname(join(contentDir, file.relPath)), { recursive: true });
    writeFileSync(join(contentDir, file.relPath), file.text);
    if (file.photo) copyFileSync(file.photo.from, join(contentDir, file.photo.to));
  }
  for (const file of plan.files) {
    for (const problem of checkFile(contentDir, file.relPath).problems) plan.warnings.push(problemLine(problem));
  }
}

/**
 * Who still needs a photo: rows that named none. They are published with a
 * placeholder, and the checker keeps reminding (the same warning as here)
 * until the photo is added.
 */
export function photoReminders(plan: StaffImportPlan): string[] {
  return plan.files
    .filter((f) => !f.photo && !/^photo:/m.test(f.text))
    .map((f) => {
      const slug = basename(f.relPath, extname(f.relPath));
      return `${f.relPath}：第 ${f.row} 行（${f.name}）还没有工作照，公示牌和胸卡上先显示“照片待补”；有照片后放到 ${dirname(f.relPath)}/${slug}.jpg，并在文件里加一行 photo: ./${slug}.jpg`;
    });
}

/** The summary printed after an import (or a dry run), in Chinese with English counts. */
export function formatStaffImport(plan: StaffImportPlan, options: { dryRun: boolean; written: boolean }): string {
  const out: string[] = [];
  const source = plan.format ? `（${plan.format === 'xlsx' ? 'Excel 工作簿' : `CSV，${ENCODING_NAMES[plan.encoding ?? 'utf-8']} 编码`}）` : '';
  out.push(`导入工作人员：${plan.roster}${source} → units/${plan.unit}/staff/`);
  const failed = plan.errors.length > 0;
  if (!failed) {
    for (const file of plan.files) {
      out.push(
        `${options.written ? '✓ 写入' : '  将写入'} ${file.relPath}（第 ${file.row} 行 ${file.name}${file.photo ? `，照片 ${basename(file.photo.from)} → ${basename(file.photo.to)}` : ''}）`,
      );
    }
  }
  for (const s of [...plan.skipped].sort((a, b) => (a.row ?? 0) - (b.row ?? 0))) out.push(`- 跳过 ${formatMessage(s)}`);
  for (const n of plan.notes) out.push(`· ${formatMessage(n)}`);
  for (const w of options.written ? [...plan.warnings, ...photoReminders(plan)] : failed ? [] : photoReminders(plan)) out.push(`! 提醒 ${w}`);
  for (const e of plan.errors) out.push(`✗ ${formatMessage(e)}`);
  out.push('');
  const written = options.written ? plan.files.length : 0;
  out.push(
    `读取 ${plan.rowsRead} 行，写入 ${written} 个文件，跳过 ${plan.skipped.length} 行，错误 ${plan.errors.length} 处。` +
      `(${plan.rowsRead} rows read, ${written} files written, ${plan.skipped.length} skipped, ${plan.errors.length} errors)`,
  );
  if (failed) {
    out.push('有错误，没有写入任何文件：改正花名册后重新导入。(Nothing was written.)');
  } else if (options.dryRun) {
    out.push(
      plan.files.length > 0
        ? `试运行，没有写入文件；去掉 --dry-run 就会写入上面 ${plan.files.length} 个文件。(Dry run: nothing was written.)`
        : '试运行，没有要写入的文件。(Dry run: nothing to write.)',
    );
  } else if (written > 0) {
    out.push('下一步：把缺少的工作照放到 staff 文件夹（文件名见提醒），然后运行 npm run check 检查。');
  }
  return out.join('\n');
}
