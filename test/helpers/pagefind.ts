/**
 * Reading the files Pagefind writes, in tests: gzip, Pagefind's 12-byte
 * signature, then CBOR (index chunks, filters, metadata) or JSON
 * (fragments). The CBOR reader knows what Pagefind writes: definite
 * lengths, integers, strings, arrays, maps.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd'.length;

/** The decompressed contents of a Pagefind file, without its signature. */
function pagefindBytes(path: string): Buffer {
  return gunzipSync(readFileSync(path)).subarray(SIGNATURE);
}

/** A fragment: the page's address, text, meta and filters. */
export function readFragment(path: string): { url: string; content: string; filters: Record<string, string[]>; meta: Record<string, string> } {
  return JSON.parse(pagefindBytes(path).toString('utf8'));
}

/** An index chunk, filter or metadata file, decoded. */
export function readCbor(path: string): unknown {
  const buf = pagefindBytes(path);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (!size) throw new Error(`unexpected CBOR length ${info}`);
    const value = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += size;
    return value;
  };
  const item = (): unknown => {
    const head = view.getUint8(at++);
    const info = head & 31;
    switch (head >> 5) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2:
      case 3: {
        const n = length(info);
        const bytes = buf.subarray(at, (at += n));
        return head >> 5 === 3 ? bytes.toString('utf8') : bytes;
      }
      case 4:
        return Array.from({ length: length(info) }, item);
      case 5: {
        const map: Record<string, unknown> = {};
        for (let n = length(info); n > 0; n--) map[String(item())] = item();
        return map;
      }
      case 7:
        return info === 20 ? false : info === 21 ? true : null;
      default:
        throw new Error(`unexpected CBOR type ${head >> 5}`);
    }
  };
  return item();
}
