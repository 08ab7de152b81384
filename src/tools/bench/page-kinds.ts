/**
 * What kind of page a built file is, from its address, so the benchmark can
 * report page weight per kind (a procedure page, a person, a print sheet…).
 * Pure: addresses in, names out.
 */

export const PAGE_KINDS = {
  home: '首页',
  kind: '单位目录',
  unit: '单位概览',
  procedures: '办事指南列表',
  procedure: '办事指南',
  staffList: '工作人员列表',
  person: '工作人员',
  duties: '岗位职责',
  pledges: '服务承诺',
  evaluations: '评价结果',
  notices: '公告列表',
  notice: '公告',
  search: '搜索',
  print: '打印页',
  kiosk: '显示屏',
  other: '其他',
} as const;
export type PageKind = keyof typeof PAGE_KINDS;

/** The kind of the page at `path` (relative to the site root, e.g. `units/a/procedures/b/index.html`). */
export function pageKind(path: string): PageKind {
  const p = path
    .replace(/\\/g, '/')
    .replace(/(^|\/)index\.html$/, '')
    .replace(/\/$/, '');
  if (p === '') return 'home';
  const parts = p.split('/');
  if (parts[0] === 'print') return 'print';
  if (parts[0] === 'kiosk') return 'kiosk';
  if (parts[0] === 'search') return 'search';
  if (parts[0] === 'kinds' && parts.length === 2) return 'kind';
  if (parts[0] === 'notices') return parts.length === 1 ? 'notices' : 'notice';
  if (parts[0] === 'units' && parts.length >= 2) {
    const [, , section, item] = parts;
    if (section === undefined) return 'unit';
    if (section === 'procedures') return item === undefined ? 'procedures' : 'procedure';
    if (section === 'staff') return item === undefined ? 'staffList' : 'person';
    if (section === 'duties') return 'duties';
    if (section === 'pledges') return 'pledges';
    if (section === 'evaluations') return 'evaluations';
  }
  return 'other';
}

/** Citizen pages: what a phone on a slow connection loads. */
export function isCitizenPage(kind: PageKind): boolean {
  return kind !== 'print' && kind !== 'kiosk' && kind !== 'other';
}

/** The median of a list of numbers (the lower middle for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}

/** Stylesheet and script addresses a page loads, and the size of its inline scripts. */
export function pageAssets(html: string): { styles: string[]; scripts: string[]; inlineScript: string } {
  const styles = [...html.matchAll(/<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi)].map((m) => /\bhref=["']?([^"' >]+)/i.exec(m[0])?.[1]).filter((h): h is string => Boolean(h));
  const scripts: string[] = [];
  let inlineScript = '';
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = m[1] ?? '';
    // JSON data (type="application/json", ld+json) is not code the page runs.
    if (/\btype=["']?application\/(?:ld\+)?json/i.test(attributes)) continue;
    const src = /\bsrc=["']?([^"' >]+)/i.exec(attributes)?.[1];
    if (src) scripts.push(src);
    else inlineScript += m[2] ?? '';
  }
  return { styles, scripts, inlineScript };
}
