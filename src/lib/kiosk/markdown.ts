/**
 * The little Markdown a publicity officer may write in a custom slide's
 * text (and an urgent notice's body), turned into HTML for the hall screen.
 *
 * It understands only:
 * - paragraphs, separated by a blank line;
 * - a single line break inside a paragraph, kept as a line break;
 * - `**加粗**`, within one line;
 * - lists: consecutive lines that start with `- `.
 *
 * Everything else is text. All of the input is escaped before any tag is
 * added, so no HTML written in the content (a `<script>`, an `<img onerror>`,
 * a `javascript:` link) can ever reach the page as markup, and the renderer
 * makes no links at all.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

// A list line: a hyphen and at least one space (half- or full-width), then the item.
const LIST_ITEM = /^[ \t]*-[ \t\u3000]+(.*)$/;

/** One line of text: escaped, then `**…**` made strong. */
function inline(line: string): string {
  // Escaping leaves asterisks alone, so strong is added to already safe text.
  return escapeHtml(line.trim()).replace(/\*\*(?=\S)(.+?)\*\*/g, '<strong>$1</strong>');
}

export interface RenderOptions {
  /**
   * A class put on every paragraph and list item, such as `keep`, which
   * tells the kiosk player not to cut that block between two screens.
   * Letters, digits, hyphens and spaces only.
   */
  blockClass?: string;
}

/** Renders the limited Markdown of a slide's text as safe HTML; empty text gives ''. */
export function renderSlideText(source: string, options: RenderOptions = {}): string {
  const cls = options.blockClass?.replace(/[^\w -]/g, '').trim();
  const attr = cls ? ` class="${cls}"` : '';
  const blocks = source
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((b) => b.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);

  const html: string[] = [];
  for (const lines of blocks) {
    // A block may mix lines and a list ("请带好：" then "- 身份证"): each run becomes a paragraph or a list.
    let run: string[] = [];
    let listRun = false;
    const flush = () => {
      if (run.length === 0) return;
      html.push(listRun ? `<ul>${run.map((item) => `<li${attr}>${item}</li>`).join('')}</ul>` : `<p${attr}>${run.join('<br>')}</p>`);
      run = [];
    };
    for (const line of lines) {
      const item = LIST_ITEM.exec(line);
      if ((item !== null) !== listRun) flush();
      listRun = item !== null;
      run.push(inline(item ? (item[1] ?? '') : line));
    }
    flush();
  }
  return html.join('\n');
}
