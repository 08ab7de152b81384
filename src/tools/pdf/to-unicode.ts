/**
 * Corrects the text layer of PDFs: every ToUnicode map that sends a glyph
 * to a sign the font draws with the same glyph as the sign meant (a radical
 * for its ideograph, ― for the em dash —; see radicals.ts) is rewritten to
 * send it to the sign meant. The drawing does not change; copying,
 * searching and reading aloud do.
 */
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from '@cantoo/pdf-lib';
import { deflateSync, inflateSync } from 'node:zlib';
import { dictOf, streamText, type PdfFile } from './pdf-file.ts';

const hex = (cp: number) => {
  const utf16 = cp > 0xffff ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)] : [cp];
  return utf16.map((u) => u.toString(16).toUpperCase().padStart(4, '0')).join('');
};

function decode(hexText: string): number | undefined {
  if (hexText.length === 4) return parseInt(hexText, 16);
  if (hexText.length === 8) {
    const [hi, lo] = [parseInt(hexText.slice(0, 4), 16), parseInt(hexText.slice(4), 16)];
    if (hi >= 0xd800 && hi <= 0xdbff) return 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
  }
  return undefined;
}

/**
 * Rewrites a ToUnicode CMap's text: single-character destinations that
 * `fixes` maps (written → meant: a radical → its ideograph, ― → —) become
 * the sign meant; a range whose destinations cross a mapped sign is
 * written out as single entries. Returns the text
 * unchanged when nothing maps.
 */
export function rewriteToUnicode(cmap: string, fixes: ReadonlyMap<number, number>): string {
  let changed = false;
  const fixChar = (dst: string) => {
    const cp = decode(dst);
    const to = cp === undefined ? undefined : fixes.get(cp);
    if (to === undefined) return dst;
    changed = true;
    return hex(to);
  };
  let out = cmap.replace(
    /beginbfchar([\s\S]*?)endbfchar/g,
    (_all, body: string) =>
      `beginbfchar${body.replace(/(<[0-9A-Fa-f]+>\s*)<([0-9A-Fa-f]+)>/g, (_m, src: string, dst: string) => `${src}<${fixChar(dst.toUpperCase())}>`)}endbfchar`,
  );
  const extra: string[] = [];
  out = out.replace(/(\d+)\s+beginbfrange([\s\S]*?)endbfrange/g, (_all, _n: string, body: string) => {
    const kept: string[] = [];
    for (const line of body
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      const m = /^<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>$/.exec(line);
      if (!m) {
        kept.push(line);
        continue;
      }
      const [lo, hi, dst] = [parseInt(m[1] as string, 16), parseInt(m[2] as string, 16), parseInt(m[3] as string, 16)];
      const width = (m[1] as string).length;
      if (![...Array(hi - lo + 1).keys()].some((i) => fixes.has(dst + i))) {
        kept.push(line);
        continue;
      }
      changed = true;
      for (let i = 0; i <= hi - lo; i++) extra.push(`<${(lo + i).toString(16).toUpperCase().padStart(width, '0')}> <${hex(fixes.get(dst + i) ?? dst + i)}>`);
    }
    return kept.length === 0 ? '' : `${kept.length} beginbfrange\n${kept.join('\n')}\nendbfrange`;
  });
  if (!changed) return cmap;
  // The PDF format allows at most 100 entries per block.
  const blocks: string[] = [];
  for (let i = 0; i < extra.length; i += 100) {
    const part = extra.slice(i, i + 100);
    blocks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
  }
  return blocks.length ? out.replace('endcmap', `${blocks.join('\n')}\nendcmap`) : out;
}

/** Fixes every ToUnicode map of a PDF (`fixes` as for rewriteToUnicode); returns the new bytes and how many maps changed. */
export async function fixPdfText(bytes: Uint8Array, fixes: ReadonlyMap<number, number>): Promise<{ bytes: Uint8Array; changed: number }> {
  if (fixes.size === 0) return { bytes, changed: 0 };
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  let changed = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const ref = object.get(PDFName.of('ToUnicode'));
    if (!(ref instanceof PDFRef)) continue;
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const filter = stream.dict.get(PDFName.of('Filter'))?.toString();
    if (filter !== undefined && filter !== '/FlateDecode') continue;
    const text = Buffer.from(filter ? inflateSync(stream.contents) : stream.contents).toString('latin1');
    const fixed = rewriteToUnicode(text, fixes);
    if (fixed === text) continue;
    doc.context.assign(ref, doc.context.flateStream(Buffer.from(fixed, 'latin1')));
    changed += 1;
  }
  return changed === 0 ? { bytes, changed } : { bytes: await doc.save({ useObjectStreams: false }), changed };
}

/**
 * fixPdfText for a PDF already read with parsePdf: the exporter reads each
 * Chromium document once, fixes its maps here, and cuts it into files
 * afterwards, so every file it writes has the corrected text. Returns how
 * many maps changed.
 */
export function fixPdfFileText(file: PdfFile, fixes: ReadonlyMap<number, number>): number {
  if (fixes.size === 0) return 0;
  const seen = new Set<number>();
  let changed = 0;
  for (const object of file.objects.values()) {
    const ref = dictOf(object.value)?.get('/ToUnicode');
    if (ref?.kind !== 'ref' || seen.has(ref.num)) continue;
    // Many fonts may share one map: it is fixed once.
    seen.add(ref.num);
    const stream = file.objects.get(ref.num);
    const dict = dictOf(stream?.value);
    const text = stream && streamText(stream);
    if (!stream || !dict || text === undefined) continue;
    const fixed = rewriteToUnicode(text, fixes);
    if (fixed === text) continue;
    stream.stream = deflateSync(Buffer.from(fixed, 'latin1'));
    dict.set('/Filter', { kind: 'atom', text: '/FlateDecode' });
    dict.set('/Length', { kind: 'atom', text: String(stream.stream.length) });
    dict.delete('/DecodeParms');
    changed += 1;
  }
  return changed;
}
