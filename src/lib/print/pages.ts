/**
 * Every print page of a site, with its address: the print index lists
 * them, `npm run posters` exports them, the tests read them back.
 */
import type { SiteModel } from '../model.ts';
import { paths } from '../urls.ts';
import { FORMATS, type FormatId, type PaperSize } from './formats.ts';
import { unitWindows } from './printed.ts';

export interface PrintPage {
  /** The unit, or none for the organisation's own sheets. */
  unit?: string;
  format: FormatId;
  size: PaperSize;
  /** Site path of the print page. */
  path: string;
  /** What is printed, for file names and the index: 居民身份证补领. */
  title: string;
  /** A file name for the exported PDF, unique within the unit. */
  file: string;
}

export function printPages(site: SiteModel<unknown>): PrintPage[] {
  const pages: PrintPage[] = [];
  const add = (page: Omit<PrintPage, 'file'>, name: string) => pages.push({ ...page, file: `${name}-${page.size}.pdf` });
  for (const unit of site.units) {
    const u = unit.id;
    for (const size of FORMATS.board.sizes) add({ unit: u, format: 'board', size, path: paths.print(u, 'board', size), title: unit.data.name }, 'board');
    for (const p of unit.procedures) {
      for (const size of FORMATS.procedure.sizes)
        add({ unit: u, format: 'procedure', size, path: paths.print(u, 'procedures', p.slug, size), title: p.data.name }, `procedure-${p.slug}`);
    }
    if (unit.staff.length > 0) {
      add({ unit: u, format: 'desk-cards', size: 'a4', path: paths.print(u, 'desk-cards'), title: `${unit.data.name}台签` }, 'desk-cards');
      add({ unit: u, format: 'badges', size: 'a4', path: paths.print(u, 'badges'), title: `${unit.data.name}工作牌` }, 'badges');
    }
    if (unitWindows(unit).length > 0) {
      add({ unit: u, format: 'window-plaques', size: 'plaque', path: paths.print(u, 'window-plaques'), title: `${unit.data.name}窗口牌` }, 'window-plaques');
    }
    for (const p of unit.pledges) {
      for (const size of FORMATS.pledge.sizes) add({ unit: u, format: 'pledge', size, path: paths.print(u, 'pledges', p.slug, size), title: p.data.title }, `pledge-${p.slug}`);
    }
    add({ unit: u, format: 'supervision', size: 'a4', path: paths.print(u, 'supervision'), title: `${unit.data.name}监督渠道` }, 'supervision');
  }
  add({ format: 'supervision', size: 'a4', path: 'print/supervision/', title: `${site.site.name}监督渠道` }, 'supervision');
  return pages;
}
