/**
 * A deliberately suspicious reader of raw HTML, for the content checker: it
 * finds every start tag and its attributes, with offsets, wherever a `<` and
 * a letter appear, including inside comments, attribute values and
 * `<noscript>`/`<style>` text. Browsers disagree with each other about such
 * places (the "mutation XSS" family), so the checker looks everywhere; the
 * build's sanitiser, which parses properly, is what actually removes things.
 */

export interface HtmlAttribute {
  /** As written (`ONCLICK` stays upper case). */
  name: string;
  /** The value with quotes removed, undefined for a bare attribute. */
  value: string | undefined;
  /** Offset of the attribute name in the scanned text. */
  start: number;
}

export interface HtmlTag {
  /** Lower-cased. */
  name: string;
  /** Offset of the `<`. */
  start: number;
  attributes: HtmlAttribute[];
}

const NAME_END = /[\s/>]/;

/** Every start tag in `html`, in order. The content of `<script>` is skipped: the script is reported as a whole. */
export function startTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1 || lt + 1 >= html.length) break;
    if (!/[A-Za-z]/.test(html[lt + 1] as string)) {
      i = lt + 1;
      continue;
    }
    let at = lt + 1;
    while (at < html.length && !NAME_END.test(html[at] as string)) at++;
    const tag: HtmlTag = { name: html.slice(lt + 1, at).toLowerCase(), start: lt, attributes: [] };
    // Attributes, until the tag ends.
    for (;;) {
      while (at < html.length && /[\s/]/.test(html[at] as string)) at++;
      if (at >= html.length || html[at] === '>') break;
      const nameStart = at;
      // An attribute name may contain almost anything; it ends at space, /, > or =.
      while (at < html.length && !/[\s/>=]/.test(html[at] as string)) at++;
      if (at === nameStart) at++; // a stray '=': step over it
      const name = html.slice(nameStart, at);
      let probe = at;
      while (probe < html.length && /\s/.test(html[probe] as string)) probe++;
      let value: string | undefined;
      if (html[probe] === '=') {
        at = probe + 1;
        while (at < html.length && /\s/.test(html[at] as string)) at++;
        const quote = html[at];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, at + 1);
          const end = close === -1 ? html.length : close;
          value = html.slice(at + 1, end);
          at = end + 1;
        } else {
          const valueStart = at;
          while (at < html.length && !/[\s>]/.test(html[at] as string)) at++;
          value = html.slice(valueStart, at);
        }
      }
      if (name !== '') tag.attributes.push({ name, value, start: nameStart });
    }
    tags.push(tag);
    if (tag.name === 'script') {
      const close = html.toLowerCase().indexOf('</script', at);
      i = close === -1 ? html.length : close;
    } else {
      // Keep looking from just after the tag name, so tags hidden in attribute values are found too.
      i = lt + 1;
    }
  }
  return tags;
}
