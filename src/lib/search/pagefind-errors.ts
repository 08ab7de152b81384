/**
 * What Pagefind's Node API reports, turned into a build failure a person can
 * act on. Every call of the API answers with an `errors` array instead of
 * throwing; a site must never go out with a broken or missing index, so any
 * error stops the build. Plain TypeScript, no Pagefind import, so the
 * failure path is tested without running Pagefind.
 */

/** The steps of building the index, as the build log names them. */
export const PAGEFIND_STEPS = {
  createIndex: '创建索引',
  addDirectory: '读取网站页面',
  addHTMLFile: '读取网站页面',
  writeFiles: '写出索引文件',
} as const;

export type PagefindStep = keyof typeof PAGEFIND_STEPS;

/**
 * The message for a failed step: which step, in Chinese and by its API
 * name, the page it was reading if any, and every error Pagefind gave.
 */
export function pagefindFailureMessage(step: PagefindStep, errors: readonly string[], file?: string): string {
  const listed = errors.map((e) => e.trim()).filter(Boolean);
  const what = listed.length > 0 ? `Pagefind 报告：${listed.join('；')}` : 'Pagefind 没有给出原因';
  const where = file ? `（页面 ${file}）` : '';
  return `搜索索引生成失败，网站没有发布：在“${PAGEFIND_STEPS[step]}”这一步（${step}）出错${where}。${what}。`;
}

/** Throws, with that message, when a Pagefind response has errors; otherwise does nothing. */
export function checkPagefind(step: PagefindStep, response: { errors: readonly string[] }, file?: string): void {
  if (response.errors.length > 0) throw new Error(pagefindFailureMessage(step, response.errors, file));
}
