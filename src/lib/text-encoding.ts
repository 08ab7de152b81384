/**
 * Text encodings of CSV files exported from Excel and WPS on Chinese
 * Windows: "CSV UTF-8" (with a byte-order mark), plain "CSV" (GBK, the
 * system code page), and "Unicode text" (UTF-16 with a byte-order mark,
 * tab-separated). The encoding is detected, never asked for: a byte-order
 * mark decides; otherwise text that is valid UTF-8 is UTF-8 (GBK text of
 * any length is almost never valid UTF-8), and anything else is read as GBK
 * (through GB18030, its superset, so rare characters in names survive).
 *
 * Here in src/lib rather than beside the roster import (src/tools/import/)
 * because the checker uses it too: to say which encoding a content file that
 * is not UTF-8 was saved in.
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk';

/** How each encoding is named in messages. */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（带 BOM）',
  'utf-16le': 'UTF-16（Unicode 文本）',
  'utf-16be': 'UTF-16BE',
  gbk: 'GBK',
};

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

/** The text of a file in whichever encoding it was saved, without a byte-order mark. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text =
    encoding === 'utf-8-bom'
      ? new TextDecoder('utf-8').decode(bytes.subarray(3))
      : encoding === 'utf-16le'
        ? new TextDecoder('utf-16le').decode(bytes.subarray(2))
        : encoding === 'utf-16be'
          ? iconv.decode(buffer.subarray(2), 'utf-16be')
          : encoding === 'gbk'
            ? iconv.decode(buffer, 'gb18030')
            : new TextDecoder('utf-8').decode(bytes);
  return { text, encoding };
}
