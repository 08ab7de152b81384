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

function byPlace(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

export interface FormatOptions {
  /** The content folder, printed in the heading so people know where to look. */
  contentDir?: string;
  color?: boolean;
}

/**
 * The report printed when content has problems:
 *
 *   ✗ units/menzhen/staff/zhang.yaml:4:8  number（工号）
 *     YAML 把没有引号的 0213 读成了数字 213，开头的 0 会丢失
 *     修改：加上英文引号，写成 number: "0213"
 */
export function formatProblems(problems: readonly Problem[], options: FormatOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const errors = problems.filter((p) => p.severity === 'error').sort(byPlace);
  const warnings = problems.filter((p) => p.severity === 'warning').sort(byPlace);
  const out: string[] = [];
  const show = (p: Problem) => {
    const mark = p.severity === 'error' ? paint('31', '✗') : paint('33', '!');
    const field = p.field ? `  ${paint('1', p.field)}${p.fieldTitle ? `（${p.fieldTitle}）` : ''}` : '';
    out.push(`${mark} ${paint('36', where(p))}${field}`);
    out.push(`  ${p.message}`);
    if (p.fix) out.push(...`修改：${p.fix}`.split('\n').map((l) => `  ${l}`));
  };
  if (errors.length > 0) {
    out.push(paint('31;1', `内容有 ${errors.length} 处错误${options.contentDir ? `（内容文件夹：${options.contentDir}）` : ''}：`));
    out.push('');
    for (const p of errors) {
      show(p);
      out.push('');
    }
  }
  if (warnings.length > 0) {
    out.push(paint('33;1', `${warnings.length} 处提醒：`));
    out.push('');
    for (const p of warnings) {
      show(p);
      out.push('');
    }
  }
  out.push(summary(problems));
  return out.join('\n');
}

/** One line: "共 3 处错误、1 处提醒" / "内容检查通过". */
export function summary(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (errors === 0 && warnings === 0) return '内容检查通过，没有发现问题。(Content OK.)';
  const parts = [];
  if (errors > 0) parts.push(`${errors} 处错误`);
  if (warnings > 0) parts.push(`${warnings} 处提醒`);
  return `共 ${parts.join('、')}。(${errors} error(s), ${warnings} warning(s))${errors > 0 ? ' 改正错误后才能发布。' : ''}`;
}
