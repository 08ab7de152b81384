/**
 * Paging a slide longer than the screen: it is measured as laid out, cut
 * into screens before blocks marked `keep` (src/lib/kiosk/pages.ts), and
 * moved up one screen at a time, with a line saying which screen it is.
 */
import { pageNote, pageOffsets, pageView, type PageNoteStrings } from '#lib/kiosk/pages.ts';

/** Where a slide's screens begin, and its top margin, kept above every later screen. */
export interface Layout {
  offsets: number[];
  gap: number;
}

/** The layout of `slide` as the browser lays it out now: one screen when it has no inner block to move. */
export function measure(slide: HTMLElement): Layout {
  const inner = slide.querySelector<HTMLElement>('.slide-inner');
  if (!inner) return { offsets: [0], gap: 0 };
  inner.style.transform = '';
  inner.style.clipPath = '';
  const style = getComputedStyle(slide);
  const gap = parseFloat(getComputedStyle(inner).paddingTop) || 0;
  const visible = slide.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) - gap;
  const top = inner.getBoundingClientRect().top;
  const blocks = [...inner.querySelectorAll('.keep')].map((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top - top, bottom: r.bottom - top };
  });
  return { offsets: pageOffsets(inner.scrollHeight, visible, blocks), gap };
}

/** Shows screen `page` of `slide`, and writes which screen it is into `note` in the build's words (`strings`). */
export function showPage(slide: HTMLElement, layout: Layout, page: number, note: HTMLElement, strings: PageNoteStrings): void {
  const inner = slide.querySelector<HTMLElement>('.slide-inner');
  if (inner) Object.assign(inner.style, pageView(layout.offsets, page, layout.gap, inner.offsetHeight));
  note.textContent = pageNote(strings, page, layout.offsets.length, slide.getAttribute('aria-label') ?? '');
}
