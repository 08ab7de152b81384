/**
 * Numbers a reader copies down must never be split across lines: a phone
 * number broken after its area code reads as two numbers, "08:30-" on one
 * line and "12:00" on the next as two times. Chinese text may break between
 * any two characters and CSS breaks after a space or a hyphen, so these are
 * kept together explicitly, in the HTML every output gets (web pages, print
 * sheets and hall screens alike, including Markdown bodies no component
 * sees): each is wrapped in `<span class="nobr">`, which the style sheets
 * set `white-space: nowrap`. A web address breaks only after a slash (or a
 * dot of its host), an e-mail address only before its @ (or after a dot).
 * The breaks at a dot or an @ are for narrow screens only: they are
 * `<wbr class="screen-break">`, which printed pages drop (global.css), since
 * on paper every host fits a line and an address breaks only at a slash.
 *
 * Pure: HTML in, HTML out. Only text between tags changes; tags, attributes,
 * comments and the contents of script, style, title, textarea, option and
 * template are left exactly as they were.
 */

/**
 * What is kept together, as one alternation (the first that matches wins):
 * e-mail addresses; phone numbers with an area code (0570-6013 0110,
 * 0570-60130110-801), mobiles written in groups (138 0000 0000); times and
 * time ranges (8:30, 08:30-12:00, 8:30 至 12:00); dates (2026-11-22);
 * amounts with their unit (40 元, 0.5 元/页, 40元/证); and codes of letters
 * and digits (FJ0417, 3-2-501). Nothing is matched from inside a longer
 * word or a character reference (&#39;).
 */
export const UNBREAKABLE =
  /(?<![\w&#.@-])(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|0\d{2,3}-\d{3,4}(?:[ \u00a0]?\d{3,4})?(?:-\d{1,5})?|1\d{2}[ \u00a0-]\d{4}[ \u00a0-]\d{4}|\d{1,2}:\d{2}(?:\s*[-–—~～至到]\s*\d{1,2}:\d{2})?|\d{4}-\d{1,2}-\d{1,2}|\d+(?:\.\d+)?\s*(?:万元|元)(?:\s*\/\s*[\u4e00-\u9fff]{1,2})?|[A-Za-z]+\d[\w-]*|\d+(?:-\d+)+)/gu;

/** A web address in text: scheme and host, then its path. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'，。；、）)]+/gu;

/** Elements whose text is not rendered as HTML content, or may hold no elements. */
const RAW = /^<(script|style|title|textarea|option|template)\b/i;

/** Splits HTML into text and markup: even indexes are text, odd ones tags or comments. */
const MARKUP = /(<!--[\s\S]*?-->|<[^>]*>)/;

/**
 * A web address that breaks only after a slash: each part up to and
 * including its slash kept whole. The scheme (https://) is a part of its
 * own, and the host may break after its dots: a host alone
 * (gongkai.qingxi.example/) can be wider than a small phone in large text.
 */
export function urlHtml(url: string): string {
  const [scheme = '', host = '', path = ''] = /^(https?:\/\/)?([^/]*\/?)(.*)$/s.exec(url)?.slice(1) ?? [];
  return pieces([scheme, ...host.split(/(?<=\.)/), ...path.split(/(?<=\/)/)]);
}

/** An e-mail address, breaking only before its @ and after the dots of its domain. */
export function emailHtml(address: string): string {
  const at = address.indexOf('@');
  return pieces([address.slice(0, at), ...address.slice(at).split(/(?<=\.)/)]);
}

/**
 * Parts kept whole, with a break between them: after a slash a plain
 * `<wbr>`, anywhere else (a dot of a host, before an @) one that only
 * screens use. A host alone can be wider than a phone's 320 px column in
 * large text, where breaking at its dots beats scrolling sideways; on paper
 * the narrowest column holds any host, and the address keeps the one rule.
 */
function pieces(parts: string[]): string {
  const kept = parts.filter((p) => p !== '');
  return kept.map((p, i) => `<span class="nobr">${p}</span>${i === kept.length - 1 ? '' : p.endsWith('/') ? '<wbr>' : '<wbr class="screen-break">'}`).join('');
}

/** One run of text (already HTML-escaped) with its numbers kept together and its addresses breaking only after slashes. */
export function keepTogetherText(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    out += keepNumbers(text.slice(last, m.index)) + urlHtml(m[0]);
    last = m.index + m[0].length;
  }
  return out + keepNumbers(text.slice(last));
}

function keepNumbers(text: string): string {
  return text.replace(UNBREAKABLE, (m) => (m.includes('@') ? emailHtml(m) : `<span class="nobr">${m}</span>`));
}

/** A page's HTML with every phone number, time, date, amount, code and e-mail address in its text kept on one line. */
export function keepTogether(html: string): string {
  const parts = html.split(MARKUP);
  let raw: string | undefined;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i % 2 === 1) {
      if (raw) {
        if (part.toLowerCase().startsWith(`</${raw}`)) raw = undefined;
      } else {
        raw = RAW.exec(part)?.[1]?.toLowerCase();
        if (raw && part.endsWith('/>')) raw = undefined;
      }
      continue;
    }
    if (!raw && part.trim() !== '') parts[i] = keepTogetherText(part);
  }
  return parts.join('');
}
