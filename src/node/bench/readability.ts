/**
 * How readable a page is for an older reader on a small phone, measured in
 * the browser rather than assumed from the CSS: sideways scroll, the
 * narrowest column a wrapped text is squeezed into (in characters of its own
 * size), numbers split across lines, the smallest text and the smallest tap
 * targets. Used by the browser tests (which assert limits) and by
 * `npm run bench` (which prints the figures).
 */
import type { Page } from 'playwright-core';
import { UNBREAKABLE } from '#lib/no-break.ts';

export interface Readability {
  /** How far the page scrolls sideways, CSS px (0: it fits). */
  overflow: number;
  /** The narrowest block holding text that wraps, in characters of its own size; Infinity when nothing wraps. */
  narrowestColumn: { chars: number; text: string };
  /** Phone numbers, times, amounts, codes and e-mail addresses drawn on more than one line (src/lib/no-break.ts). */
  splitNumbers: string[];
  /** The smallest visible text, CSS px. */
  smallestText: { px: number; text: string };
  /** Stand-alone links and controls smaller than `minTarget` in either direction. */
  smallTargets: Array<{ what: string; width: number; height: number }>;
}

/** Measures the page as it is laid out now. `minTarget` is the tap-target floor in CSS px (44, or 60 in large mode). */
export function measureReadability(page: Page, minTarget: number): Promise<Readability> {
  return page.evaluate(
    ({ source, minTarget }) => {
      const visible = (el: Element) => {
        if (el.closest('.visually-hidden, [hidden], [aria-hidden="true"] .visually-hidden')) return false;
        const s = getComputedStyle(el);
        if (s.display === 'none' || s.visibility === 'hidden') return false;
        const r = el.getBoundingClientRect();
        return r.width > 1 && r.height > 1;
      };
      const isBlock = (el: Element) => !getComputedStyle(el).display.startsWith('inline') || getComputedStyle(el).display === 'inline-block';
      const lines = (range: Range) => {
        const tops: number[] = [];
        for (const r of range.getClientRects()) {
          if (r.width < 0.5) continue;
          if (!tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
        }
        return tops.length;
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let narrowest = { chars: Infinity, text: '' };
      let smallest = { px: Infinity, text: '' };
      const split: string[] = [];
      const pattern = new RegExp(source, 'g');
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const parent = node.parentElement;
        if (!parent || text.trim() === '' || parent.closest('script, style, noscript, template, .skip-link') || !visible(parent)) continue;
        const size = parseFloat(getComputedStyle(parent).fontSize);
        if (size < smallest.px) smallest = { px: size, text: text.trim().slice(0, 30) };
        const range = document.createRange();
        range.selectNodeContents(node);
        if (lines(range) > 1) {
          let block: Element = parent;
          while (!isBlock(block) && block.parentElement) block = block.parentElement;
          const style = getComputedStyle(block);
          const inner =
            block.getBoundingClientRect().width -
            parseFloat(style.paddingLeft) -
            parseFloat(style.paddingRight) -
            parseFloat(style.borderLeftWidth) -
            parseFloat(style.borderRightWidth);
          const chars = inner / size;
          if (chars < narrowest.chars) narrowest = { chars: Math.round(chars * 10) / 10, text: text.trim().slice(0, 30) };
        }
        // A piece kept together by the build must be on one line; anything the build missed is found by the pattern.
        if (parent.closest('.nobr')) {
          if (lines(range) > 1) split.push(text);
          continue;
        }
        for (const m of text.matchAll(pattern)) {
          const r = document.createRange();
          r.setStart(node, m.index);
          r.setEnd(node, m.index + m[0].length);
          if (lines(r) > 1) split.push(m[0]);
        }
      }
      const targets = [...document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, label')]
        // A control inside its label: the label is the target.
        .filter((el) => !(el.tagName === 'INPUT' && el.closest('label')))
        .filter((el) => !(el.tagName === 'LABEL' && !el.querySelector('input')))
        // Links inside running text are exempt (WCAG 2.5.8); a link alone in its paragraph is not.
        .filter((el) => {
          const holder = el.closest('p, li, dd, td');
          return !(holder && (holder.textContent ?? '').trim() !== (el.textContent ?? '').trim());
        })
        .filter((el) => !el.classList.contains('skip-link') && visible(el))
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { what: el.outerHTML.slice(0, 80), width: Math.round(r.width), height: Math.round(r.height) };
        })
        .filter((t) => t.width < minTarget - 0.5 || t.height < minTarget - 0.5);
      return {
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        narrowestColumn: narrowest,
        splitNumbers: split,
        smallestText: smallest,
        smallTargets: targets,
      };
    },
    { source: UNBREAKABLE.source, minTarget },
  );
}
