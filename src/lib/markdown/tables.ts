/**
 * Tables written in Markdown (a notice's list of winners, a guide's fees),
 * made usable by everyone after the sanitiser has run:
 *
 * - A `<caption>` names the table for screen readers, which announce it on
 *   entering the table. Markdown has no caption syntax, so it is taken from
 *   the text that introduces the table: the paragraph just before it (in a
 *   notice, the one ending "现予以公示："), else the nearest heading above
 *   it, else the column headings. Never invented; and kept out of sight, since the
 *   reader sees that text right above the table already.
 * - The table can take the keyboard focus: on a phone it scrolls sideways
 *   inside itself (global.css keeps its columns readable), and a keyboard
 *   user must be able to scroll it.
 *
 * Pure: works on the hast tree (src/lib/markdown/sanitize.ts runs it).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

const HEADING = /^h[1-6]$/;

/** The text of a node and its descendants. */
function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** The caption for a table whose preceding siblings (nearest last) are `before`. */
function captionFor(table: Element, before: ReadonlyArray<RootContent | ElementContent>): string {
  const elements = before.filter((n): n is Element => n.type === 'element');
  const previous = elements.at(-1);
  const heading = [...elements].reverse().find((e) => HEADING.test(e.tagName));
  if (previous && previous.tagName === 'p') {
    const text = textOf(previous)
      .trim()
      .replace(/[：:]\s*$/, '');
    if (text !== '') return text;
  }
  if (heading) {
    const text = textOf(heading).trim();
    if (text !== '') return text;
  }
  const headers: string[] = [];
  const collect = (node: ElementContent) => {
    if (node.type !== 'element') return;
    if (node.tagName === 'th') headers.push(textOf(node).trim());
    else node.children.forEach(collect);
  };
  table.children.forEach(collect);
  return headers.filter(Boolean).join('、');
}

function walk(parent: Root | Element): void {
  parent.children.forEach((child, index) => {
    if (child.type !== 'element') return;
    if (child.tagName === 'table') {
      const hasCaption = child.children.some((c) => c.type === 'element' && c.tagName === 'caption');
      if (!hasCaption) {
        const caption = captionFor(child, parent.children.slice(0, index));
        if (caption !== '') {
          child.children.unshift({ type: 'element', tagName: 'caption', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: caption }] });
        }
      }
      child.properties = { ...child.properties, tabIndex: 0 };
      return;
    }
    walk(child);
  });
}

/** Gives every table a caption and makes it focusable; returns the same tree. */
export function captionTables(tree: Root): Root {
  walk(tree);
  return tree;
}
