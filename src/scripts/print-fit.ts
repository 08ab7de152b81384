/**
 * Fits the content of printed sheets on print pages. A sheet marked
 * `data-fit` whose content is too long first has its text shrunk, down to
 * 80% at most and only while no text falls below the format's minimum sizes
 * (src/lib/print/type-scale.ts, as the custom properties `--body-min`,
 * `--heading-min` and `--caption-min`); if it still does not fit, the
 * content that does not fit moves to a continuation sheet with the same
 * heading and footer (less what only the first sheet carries,
 * `[data-first-sheet-only]`), block by block (`[data-flow]` children of the
 * sheet's flow area) and, for a single block too long for a sheet, item by
 * item (`[data-flow-list] > li`). Nothing is ever cut off. The sheets of a
 * piece that continued are numbered (`[data-sheet-of]`). When done,
 * `<html data-fitted>` tells the PDF exporter.
 *
 * Fixed-size pieces (badges, desk cards) cannot continue on another sheet:
 * their lines are sized at build time (components/print/fit-text.ts) and
 * marked `data-fit-line`. Each is measured here; one whose text is wider
 * than its box even so is marked `data-overflow`, and so is its sheet, so
 * that the exporter reports it like any sheet that could not be fitted.
 */

import { fill } from '#i18n/fill.ts';

/** Text never shrinks below this; a sheet may set its own floor with data-fit-min. */
const MIN_SCALE = 0.8;
const CONTINUED = '（续）';

function flowRoot(sheet: Element): HTMLElement {
  return (sheet.querySelector('[data-flow-root]') ?? sheet.querySelector('.sheet-body')) as HTMLElement;
}

function overflows(sheet: Element): boolean {
  const body = sheet.querySelector('.sheet-body') as HTMLElement | null;
  if (!body) return false;
  return body.scrollHeight > body.clientHeight + 1 || body.scrollWidth > body.clientWidth + 1;
}

/**
 * An empty sheet to carry on `sheet`'s content: its copy without the flowing
 * content, and without what only the first sheet carries
 * (`[data-first-sheet-only]`: a board's full header and its channels strip,
 * which would otherwise take a third of every further sheet); a sheet that
 * drops them shows its short running head instead (CSS on
 * `[data-continued]`).
 */
function continuation(sheet: HTMLElement): HTMLElement {
  const next = sheet.cloneNode(true) as HTMLElement;
  flowRoot(next).replaceChildren();
  for (const once of next.querySelectorAll('[data-first-sheet-only]')) once.remove();
  next.dataset.continued = 'true';
  for (const title of next.querySelectorAll('[data-continued-title]')) if (!title.textContent?.endsWith(CONTINUED)) title.append(CONTINUED);
  return next;
}

/** Moves list items from the end of `block` into a copy of it on `next`; true if any moved. */
function splitBlock(block: HTMLElement, nextRoot: HTMLElement, sheet: HTMLElement): boolean {
  const list = block.querySelector('[data-flow-list]');
  if (!list || list.children.length < 2) return false;
  const copy = block.cloneNode(true) as HTMLElement;
  const copyList = copy.querySelector('[data-flow-list]') as HTMLElement;
  copyList.replaceChildren();
  for (const heading of copy.querySelectorAll('h2, h3')) if (!heading.textContent?.endsWith(CONTINUED)) heading.append(CONTINUED);
  nextRoot.prepend(copy);
  let moved = false;
  while (overflows(sheet) && list.children.length > 1) {
    copyList.prepend(list.lastElementChild as Element);
    moved = true;
  }
  // An ordered list carries on numbering where the first part stopped.
  if (list.tagName === 'OL') copyList.setAttribute('start', String(list.children.length + Number(list.getAttribute('start') ?? 1)));
  return moved;
}

/** A length custom property of `el` in pt (`10.5pt`), 0 when unset. */
function ptProperty(el: Element, name: string): number {
  const value = getComputedStyle(el).getPropertyValue(name).trim();
  const n = parseFloat(value);
  if (!Number.isFinite(n)) return 0;
  return value.endsWith('px') ? n * 0.75 : n;
}

/**
 * The texts of `sheet` set below the format's minimum for their kind: a
 * caption (`[data-caption]`: QR address, the printed-on line) below
 * `--caption-min`, a heading (h1–h4, `[data-heading]`) below
 * `--heading-min`, anything else below `--body-min`. Half a tenth of a
 * point is rounding, not a smaller size.
 */
export function belowMinimum(sheet: HTMLElement): string[] {
  const min = { body: ptProperty(sheet, '--body-min'), heading: ptProperty(sheet, '--heading-min'), caption: ptProperty(sheet, '--caption-min') };
  const small: string[] = [];
  const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent?.trim()) continue;
    const style = getComputedStyle(parent);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const pt = parseFloat(style.fontSize) * 0.75;
    const kind = parent.closest('[data-caption]') ? 'caption' : parent.closest('h1, h2, h3, h4, [data-heading]') ? 'heading' : 'body';
    if (pt < min[kind] - 0.05) small.push(node.textContent.trim());
  }
  return small;
}

function fit(sheet: HTMLElement): void {
  const floor = Math.max(0.5, Number(sheet.dataset.fitMin ?? MIN_SCALE));
  for (let scale = 1; scale >= floor - 1e-9; scale -= 0.05) {
    sheet.style.setProperty('--fit', scale.toFixed(2));
    // Smaller would put some text under the format's minimum: back one step, and continue on another sheet instead.
    if (scale < 1 && belowMinimum(sheet).length > 0) {
      sheet.style.setProperty('--fit', (scale + 0.05).toFixed(2));
      break;
    }
    if (!overflows(sheet)) return;
  }
  let current = sheet;
  for (let guard = 0; overflows(current) && guard < 50; guard++) {
    const next = continuation(current);
    current.after(next);
    const root = flowRoot(current);
    const nextRoot = flowRoot(next);
    let moved = false;
    while (overflows(current)) {
      const blocks = [...root.children].filter((c) => c instanceof HTMLElement && c.hasAttribute('data-flow')) as HTMLElement[];
      const last = blocks.at(-1);
      if (!last) break;
      if (blocks.length === 1) {
        moved = splitBlock(last, nextRoot, current) || moved;
        break;
      }
      nextRoot.prepend(last);
      moved = true;
    }
    if (!moved || nextRoot.children.length === 0) {
      // Nothing could move: leave the sheet as it is and say so, for the exporter to report.
      next.remove();
      current.dataset.overflow = 'true';
      return;
    }
    current = next;
  }
}

/**
 * True when a one-line box's text runs past its edge (and is cut by its
 * `overflow: hidden`). Half a pixel of rounding is not a cut.
 */
export function lineIsCut(line: Element): boolean {
  return line.scrollWidth > line.clientWidth + 1;
}

/** Marks every `[data-fit-line]` that is cut, and its sheet, with `data-overflow`. */
export function markCutLines(root: ParentNode = document): HTMLElement[] {
  const cut = [...root.querySelectorAll<HTMLElement>('[data-fit-line]')].filter(lineIsCut);
  for (const line of cut) {
    line.dataset.overflow = 'true';
    const sheet = line.closest<HTMLElement>('.sheet');
    if (sheet) sheet.dataset.overflow = 'true';
  }
  return cut;
}

/**
 * Numbers the sheets of every piece that continued: each `[data-sheet-of]`
 * of a sheet gets its template (`第 {n} 张，共 {total} 张`) filled in. A piece
 * on one sheet is not numbered. A continuation follows its first sheet
 * (data-continued), so the pieces are runs in document order.
 */
export function numberSheets(root: ParentNode = document): void {
  const pieces: HTMLElement[][] = [];
  for (const sheet of root.querySelectorAll<HTMLElement>('.sheet[data-fit]')) {
    const last = pieces.at(-1);
    if (sheet.dataset.continued === 'true' && last) last.push(sheet);
    else pieces.push([sheet]);
  }
  for (const sheets of pieces) {
    if (sheets.length < 2) continue;
    for (const [i, sheet] of sheets.entries()) {
      for (const label of sheet.querySelectorAll<HTMLElement>('[data-sheet-of]')) {
        label.textContent = fill(label.dataset.sheetOf ?? '', { n: i + 1, total: sheets.length });
      }
    }
  }
}

export function fitSheets(): void {
  const run = async () => {
    await document.fonts.ready;
    await Promise.all(
      [...document.images].map((img) =>
        img.complete
          ? undefined
          : new Promise((done) => {
              img.addEventListener('load', done, { once: true });
              img.addEventListener('error', done, { once: true });
            }),
      ),
    );
    for (const sheet of [...document.querySelectorAll<HTMLElement>('.sheet[data-fit]')]) fit(sheet);
    numberSheets();
    const cut = markCutLines();
    // The exporter reports cut lines; whoever prints from the browser is told on the screen-only toolbar.
    const toolbar = document.querySelector('.toolbar');
    if (cut.length > 0 && toolbar) {
      const warning = document.createElement('p');
      warning.setAttribute('role', 'alert');
      warning.textContent = `有 ${cut.length} 处文字太长，最小的字号也放不下，打印出来会被裁掉：${cut.map((l) => `“${l.textContent?.trim() ?? ''}”`).join('、')}。请在内容文件里缩短后重新生成。`;
      toolbar.append(warning);
    }
    document.documentElement.dataset.fitted = 'true';
  };
  void run();
}
