/**
 * A problem found in a content folder, and how it is shown to the person who
 * edits the content: file, line, field, what is wrong, how to fix it, in
 * Chinese. Never a stack trace.
 */

export interface Problem {
  severity: 'error' | 'warning';
  /** A short stable English tag, for tests and for `--json` output. */
  kind: string;
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  line?: number;
  column?: number;
  /** The field, written as in the file: `materials[1].form`. */
  field?: string;
  /** The field's Chinese name. */
  fieldTitle?: string;
  /** What is wrong, in Chinese. */
  message: string;
  /** How to fix it, in Chinese. */
  fix?: string;
}

/** `materials[1].form` from `['materials', 1, 'form']`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** `units/a/staff/x.yaml:4:8`. */
export function where(problem: Problem): string {
  if (problem.line === undefined) return problem.file;
  return `${problem.file}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
}

/** By file, then line, then column. */
export function byPlace(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** What was checked, for the summary line. */
export interface CheckStats {
  /** Content files read. */
  files?: number;
  /** Time taken, in milliseconds. */
  ms?: number;
}

export interface FormatOptions extends CheckStats {
  /** The content folder, printed in the heading so people know where to look. */
  contentDir?: string;
  color?: boolean;
}

/** Line breaks inside a message or fix, shown so that a problem stays on one line. */
export const LINE_BREAK = ' ⏎ ';

const oneLine = (text: string) => text.replace(/\r?\n/g, LINE_BREAK);

type Paint = (code: string, text: string) => string;
const painter = (color: boolean | undefined): Paint => (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * One problem on one line, the parts two spaces apart, so that it can be
 * read, searched and clicked in an editor's terminal:
 *
 *   units/menzhen/staff/zhang.yaml:4:8  number（工号）  YAML 把没有引号的 0213 读成了数字 213，开头的 0 会丢失  修改：加上英文引号，写成 number: "0213"
 */
export function formatProblem(problem: Problem, options: { color?: boolean } = {}): string {
  const paint = painter(options.color);
  const parts = [paint('36', where(problem))];
  if (problem.field) parts.push(`${paint('1', problem.field)}${problem.fieldTitle ? `（${problem.fieldTitle}）` : ''}`);
  parts.push(oneLine(problem.message));
  if (problem.fix) parts.push(`修改：${oneLine(problem.fix)}`);
  return parts.join('  ');
}

/**
 * The report printed for a content folder: errors under one heading, then
 * warnings under another, each problem on one line, and a summary line.
 */
export function formatProblems(problems: readonly Problem[], options: FormatOptions = {}): string {
  const paint = painter(options.color);
  const errors = problems.filter((p) => p.severity === 'error').sort(byPlace);
  const warnings = problems.filter((p) => p.severity === 'warning').sort(byPlace);
  const out: string[] = [];
  if (errors.length > 0) {
    out.push(paint('31;1', `✗ 内容有 ${errors.length} 处错误${options.contentDir ? `（内容文件夹：${options.contentDir}）` : ''}，改正后才能发布：`));
    for (const p of errors) out.push(formatProblem(p, options));
    out.push('');
  }
  if (warnings.length > 0) {
    out.push(paint('33;1', `! ${warnings.length} 处提醒（不影响发布）：`));
    for (const p of warnings) out.push(formatProblem(p, options));
    out.push('');
  }
  out.push(summary(problems, options));
  return out.join('\n');
}

/** "2 处错误，3 处提醒；检查了 118 个文件，用时 640 毫秒". */
export function summary(problems: readonly Problem[], stats: CheckStats = {}): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const counts = errors === 0 && warnings === 0 ? '内容检查通过：0 处错误，0 处提醒' : `${errors} 处错误，${warnings} 处提醒`;
  const checked = [
    ...(stats.files !== undefined ? [`检查了 ${stats.files} 个文件`] : []),
    ...(stats.ms !== undefined ? [`用时 ${stats.ms} 毫秒`] : []),
  ];
  return checked.length > 0 ? `${counts}；${checked.join('，')}` : counts;
}

/** The machine-readable report (`npm run check -- --json`). */
export interface ProblemsJson {
  contentDir?: string;
  errors: number;
  warnings: number;
  files?: number;
  ms?: number;
  problems: Array<{
    file: string;
    line: number | null;
    column: number | null;
    field: string | null;
    fieldTitle: string | null;
    severity: Problem['severity'];
    kind: string;
    message: string;
    fix: string | null;
  }>;
}

export function problemsJson(problems: readonly Problem[], options: FormatOptions = {}): ProblemsJson {
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? byPlace(a, b) : a.severity === 'error' ? -1 : 1));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    ...(options.contentDir !== undefined ? { contentDir: options.contentDir } : {}),
    errors,
    warnings: problems.length - errors,
    ...(options.files !== undefined ? { files: options.files } : {}),
    ...(options.ms !== undefined ? { ms: options.ms } : {}),
    problems: sorted.map((p) => ({
      file: p.file,
      line: p.line ?? null,
      column: p.column ?? null,
      field: p.field ?? null,
      fieldTitle: p.fieldTitle ?? null,
      severity: p.severity,
      kind: p.kind,
      message: p.message,
      fix: p.fix ?? null,
    })),
  };
}

/** The unit folder a problem's file belongs to (`menzhen` for units/menzhen/…), if any. */
export function unitOf(problem: Pick<Problem, 'file'>): string | undefined {
  return /^units\/([^/]+)\//.exec(problem.file)?.[1];
}

/**
 * The supervisor's list (`npm run check -- --stale`): what is out of date,
 * grouped by unit, the organisation's own items (site, notices) first.
 */
export function formatStale(problems: readonly Problem[], unitNames: ReadonlyMap<string, string>, options: { color?: boolean; today?: string } = {}): string {
  const paint = painter(options.color);
  const groups = new Map<string, Problem[]>();
  for (const p of [...problems].sort(byPlace)) {
    const key = unitOf(p) ?? '';
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(p);
  }
  const out: string[] = [];
  out.push(`过期和需要核对的内容${options.today ? `（截至 ${options.today}）` : ''}：共 ${problems.length} 项`);
  if (problems.length === 0) {
    out.push('没有过期的承诺、公告公示或需要核对的内容。');
    return out.join('\n');
  }
  const keys = [...groups.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)));
  for (const key of keys) {
    const list = groups.get(key) ?? [];
    out.push('');
    const title = key === '' ? '全站（网站设置、公告）' : `${unitNames.get(key) ?? key}（units/${key}/）`;
    out.push(paint('1', `${title}：${list.length} 项`));
    for (const p of list) out.push(formatProblem(p, options));
  }
  return out.join('\n');
}
