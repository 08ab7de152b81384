/**
 * `npm run export -- docx <事项文件.md|单位> [--out <文件夹>] [--content <内容文件夹>]`:
 * procedures as Word service guides (.docx), for units that must still send
 * Word files upward. The layout is the one the guide import reads
 * (guide-export.ts), so a guide sent out and edited in Word can be imported
 * again. A procedure file with errors is named with the checker's message
 * and not exported; the others are. scripts/export.ts only prints what this
 * returns.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '#lib/content/folder.ts';
import { checkFile } from '#lib/content/check.ts';
import { SLUG_PATTERN } from '#schemas/common.ts';
import { guideDocx } from './guide-export.ts';
import { problemLine } from './staff-import.ts';
import type { CommandResult } from './command.ts';

export const EXPORT_USAGE = `用法：npm run export -- docx <事项文件.md 或 单位文件夹名> [--out <输出文件夹>] [--content <内容文件夹>]
  例如：npm run export -- docx huzheng --out 上报材料/
        npm run export -- docx content/units/huzheng/procedures/shenfenzheng-buling.md
Usage: npm run export -- docx <procedure.md|unit> [--out <dir>] [--content <dir>]`;

/** A file name from a procedure's name: what Windows and macOS refuse in a name becomes a full-width look-alike or goes. */
export function docxFileName(name: string): string {
  const safe = name
    .replace(/[/\\]/g, '／')
    .replace(/[:]/g, '：')
    .replace(/[?]/g, '？')
    .replace(/[*"<>|]/g, '')
    .replace(/\p{Cc}/gu, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .trim();
  return `${safe || '办事指南'}.docx`;
}

/** The procedure files a target names: one file, or every procedure of a unit. */
function procedureFiles(target: string, contentDir: string, cwd: string): { files: string[]; error?: string } {
  const asPath = isAbsolute(target) ? target : resolve(cwd, target);
  if (target.endsWith('.md')) {
    const inContent = existsSync(asPath) ? asPath : join(contentDir, target);
    if (!existsSync(inContent)) return { files: [], error: `找不到事项文件 ${target}` };
    const rel = relative(contentDir, inContent).split(sep).join('/');
    if (rel.startsWith('..') || !/^units\/[^/]+\/procedures\/[^/]+\.md$/.test(rel)) {
      return {
        files: [],
        error: `${target} 不是内容文件夹（${contentDir}）里的事项文件：事项文件在 units/<单位>/procedures/ 下；内容文件夹不是 content/ 时加 --content <内容文件夹>`,
      };
    }
    return { files: [rel] };
  }
  if (!SLUG_PATTERN.test(target)) return { files: [], error: `“${target}”既不是事项文件（.md），也不是单位文件夹名` };
  const dir = join(contentDir, 'units', target, 'procedures');
  if (!existsSync(join(contentDir, 'units', target))) return { files: [], error: `找不到单位 units/${target}/（内容文件夹：${contentDir}）` };
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.md') && statSync(join(dir, f)).isFile())
        .sort()
        .map((f) => `units/${target}/procedures/${f}`)
    : [];
  if (files.length === 0) return { files: [], error: `单位 ${target} 还没有事项（units/${target}/procedures/ 下没有 .md 文件）` };
  return { files };
}

/** Runs the export for `args` (as after `npm run export --`). */
export async function exportCommand(args: readonly string[], options: { cwd?: string } = {}): Promise<CommandResult> {
  const cwd = options.cwd ?? process.cwd();
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { out: { type: 'string' }, content: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (error) {
    return { code: 2, stdout: '', stderr: `✗ ${(error as Error).message}\n${EXPORT_USAGE}` };
  }
  const { values, positionals } = parsed;
  if (values.help) return { code: 0, stdout: EXPORT_USAGE, stderr: '' };
  const [kind, target, ...extra] = positionals;
  if (kind !== 'docx' || target === undefined || extra.length > 0) {
    const why = kind !== undefined && kind !== 'docx' ? `不能导出“${kind}”：能导出的是 Word 办事指南（docx）` : '参数不完整';
    return { code: 2, stdout: '', stderr: `✗ ${why}\n${EXPORT_USAGE}` };
  }
  const contentDir = resolveContentDir(values.content, cwd);
  const { files, error } = procedureFiles(target, contentDir, cwd);
  if (error) return { code: 2, stdout: '', stderr: `✗ ${error}\n${EXPORT_USAGE}` };
  const outDir = resolve(cwd, values.out ?? '.');
  const lines: string[] = [`导出 Word 办事指南：${target} → ${outDir}`];
  const used = new Set<string>();
  let written = 0;
  let failed = 0;
  for (const rel of files) {
    const { entry, problems } = checkFile(contentDir, rel);
    const errors = problems.filter((p) => p.severity === 'error');
    if (!entry || entry.collection !== 'procedures' || errors.length > 0) {
      failed++;
      lines.push(`✗ ${rel} 有错误，没有导出：`);
      for (const p of errors) lines.push(`    ${problemLine(p)}`);
      continue;
    }
    let name = docxFileName(String(entry.data.name));
    for (let n = 2; used.has(name); n++) name = docxFileName(`${String(entry.data.name)}-${n}`);
    used.add(name);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, name), await guideDocx(entry.data, entry.body));
    written++;
    const shown = relative(cwd, outDir);
    lines.push(`✓ ${rel} → ${join(shown === '' ? '.' : shown.startsWith('..') ? outDir : shown, name)}`);
  }
  lines.push('', `导出 ${written} 个文件，有错误没有导出的 ${failed} 个。(${written} exported, ${failed} not exported)`);
  if (written > 0) lines.push('导出的文件可以用 Word 或 WPS 打开修改；改后要更新网站的，用 npm run import -- guide <文件> --unit <单位> --overwrite 导回。');
  return { code: failed > 0 ? 1 : 0, stdout: lines.join('\n'), stderr: '' };
}
