/**
 * Numbers as citizens type them. A phone number is dialled without the
 * dashes and spaces a page writes (057060312201 for 0570-6031 2201), or
 * grouped differently (6031-2201); a window is asked for by its number
 * (3号窗口), which must find window 3 and not window 32. Runs in the
 * browser and at build time.
 */

/** Digit groups joined across the dashes, spaces and dots people put between them: 0570-6031 2201 → 057060312201. */
export function joinDigitGroups(text: string): string {
  return text.replace(/(\d)[\s\-‐‑–—－―.·]+(?=\d)/gu, '$1');
}

/**
 * The index words for a phone number as written on a page: all its digits
 * (057060312201), and without the area code (60312201) when it has one,
 * since a local caller dials that. An extension (转 678, -678 after a full
 * number) is left out of the number dialled.
 */
export function phoneWords(phone: string): string[] {
  const main = phone.split(/转|分机|ext/iu)[0] ?? phone;
  const groups = main.match(/\d+/g) ?? [];
  const digits = groups.join('');
  if (digits.length < 5) return [];
  const words = new Set([digits]);
  const area = /^(0\d{2,3})[\s\-‐‑–—－―)）]/u.exec(main.trim().replace(/^[(（]/u, ''))?.[1];
  if (area && digits.length - area.length >= 7) words.add(digits.slice(area.length));
  return [...words];
}

/** The index word of window `n`: letters around the number, so that 3 is not the beginning of 32's word. */
export function windowWord(n: string): string {
  return `chuangkou${n}hao`;
}

/** The window number a query asks for (32号窗口, 窗口32, 32号, 32号窗), or undefined. */
export function windowAsked(text: string): string | undefined {
  const t = text.replace(/\s+/g, '');
  return /^(?:(\d{1,3})(?:号窗口|号窗|窗口|号)|窗口(\d{1,3})号?)$/u.exec(t)?.slice(1).find(Boolean);
}
