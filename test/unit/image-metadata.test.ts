import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat, findMetadata, scrubImagesIn, stripMetadata } from '#lib/images/metadata.ts';

// ---------------------------------------------------------------------------
// Helpers

const WIDTH = 24;
const HEIGHT = 16;

/** A gradient, so that pixel comparisons are not trivially equal. */
function picture(): Sharp {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const at = (y * WIDTH + x) * 3;
      raw[at] = x * 10;
      raw[at + 1] = y * 15;
      raw[at + 2] = (x * y) % 256;
    }
  }
  return sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } });
}

const EXIF_WITH_GPS = {
  IFD0: { Make: 'TestCam', Model: 'Privacy 1', Artist: 'Zhang San' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '30/1 15/1 0/1',
    GPSLongitudeRef: 'E',
    GPSLongitude: '120/1 10/1 0/1',
  },
};

const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Zhang San</dc:creator>' +
  '</rdf:Description></rdf:RDF></x:xmpmeta>';

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function contains(haystack: Uint8Array, needle: string): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).includes(needle, 0, 'latin1');
}

async function pixels(image: Uint8Array): Promise<Buffer> {
  return sharp(image).raw().toBuffer();
}

async function sharpMeta(image: Uint8Array): Promise<Metadata> {
  return sharp(image).metadata();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(latin1Bytes(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

function pngChunkTypes(png: Uint8Array): string[] {
  const types: string[] = [];
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let i = 8; i + 8 <= png.length; i += 12 + view.getUint32(i)) {
    types.push(Buffer.from(png.subarray(i + 4, i + 8)).toString('latin1'));
  }
  return types;
}

/** Insert chunks right after IHDR (signature 8 bytes + IHDR 25 bytes). */
function withPngChunks(png: Uint8Array, ...chunks: Uint8Array[]): Uint8Array {
  return concat(png.subarray(0, 33), ...chunks, png.subarray(33));
}

function jpegSegment(marker: number, payload: Uint8Array): Uint8Array {
  const length = payload.length + 2;
  return concat(Uint8Array.of(0xff, marker, length >> 8, length & 0xff), payload);
}

/** Insert bytes right after SOI. */
function afterSoi(jpeg: Uint8Array, ...parts: Uint8Array[]): Uint8Array {
  return concat(jpeg.subarray(0, 2), ...parts, jpeg.subarray(2));
}

/** Marker codes of the segments before SOS. */
function jpegMarkers(jpeg: Uint8Array): number[] {
  const markers: number[] = [];
  let i = 2;
  while (i + 4 <= jpeg.length) {
    while (jpeg[i + 1] === 0xff) i++;
    const marker = jpeg[i + 1]!;
    markers.push(marker);
    if (marker === 0xda) break;
    if (marker === 0x01) {
      i += 2;
      continue;
    }
    i += 2 + ((jpeg[i + 2]! << 8) | jpeg[i + 3]!);
  }
  return markers;
}

function riffChunks(webp: Uint8Array): string[] {
  const view = new DataView(webp.buffer, webp.byteOffset, webp.byteLength);
  const chunks: string[] = [];
  for (let i = 12; i + 8 <= webp.length;) {
    const size = view.getUint32(i + 4, true);
    chunks.push(Buffer.from(webp.subarray(i, i + 4)).toString('latin1'));
    i += 8 + size + (size & 1);
  }
  return chunks;
}

/** XMP application extension as written by Adobe: raw packet plus the 258-byte "magic trailer". */
function gifXmpExtension(packet: string): Uint8Array {
  const trailer = new Uint8Array(258);
  trailer[0] = 0x01;
  for (let k = 1; k <= 256; k++) trailer[k] = 0x100 - k;
  trailer[257] = 0x00;
  return concat(Uint8Array.of(0x21, 0xff, 11), latin1Bytes('XMP DataXMP'), bytes(packet), trailer);
}

function gifCommentExtension(text: string): Uint8Array {
  const data = latin1Bytes(text);
  return concat(Uint8Array.of(0x21, 0xfe, data.length), data, Uint8Array.of(0));
}

/** Insert blocks after the logical screen descriptor and global colour table. */
function withGifBlocks(gif: Uint8Array, ...blocks: Uint8Array[]): Uint8Array {
  const flags = gif[10]!;
  const at = 13 + (flags & 0x80 ? 3 * (1 << ((flags & 0x07) + 1)) : 0);
  return concat(gif.subarray(0, at), ...blocks, gif.subarray(at));
}

// ---------------------------------------------------------------------------
// Samples, generated once with sharp

interface Samples {
  cleanJpeg: Uint8Array;
  exifJpeg: Uint8Array;
  xmpJpeg: Uint8Array;
  iccExifJpeg: Uint8Array;
  cmykExifJpeg: Uint8Array;
  cleanPng: Uint8Array;
  dirtyPng: Uint8Array;
  cleanWebp: Uint8Array;
  dirtyWebp: Uint8Array;
  cleanGif: Uint8Array;
  dirtyGif: Uint8Array;
  exifAvif: Uint8Array;
}

let s: Samples;

beforeAll(async () => {
  const cleanPng = await picture().png().toBuffer();
  const pngWithExifAndIcc = await picture().png().withIccProfile('p3').withExif(EXIF_WITH_GPS).toBuffer();
  const cleanGif = await picture().gif().toBuffer();
  s = {
    cleanJpeg: await picture().jpeg().toBuffer(),
    exifJpeg: await picture().jpeg().withExif(EXIF_WITH_GPS).toBuffer(),
    xmpJpeg: await picture().jpeg().withXmp(XMP).toBuffer(),
    iccExifJpeg: await picture().jpeg().withIccProfile('p3').withExif(EXIF_WITH_GPS).toBuffer(),
    cmykExifJpeg: await picture().toColourspace('cmyk').jpeg().withExif(EXIF_WITH_GPS).toBuffer(),
    cleanPng,
    dirtyPng: withPngChunks(
      pngWithExifAndIcc,
      pngChunk('tEXt', latin1Bytes('Author\0Zhang San')),
      pngChunk('iTXt', concat(latin1Bytes('XML:com.adobe.xmp\0\0\0\0\0'), bytes(XMP))),
      pngChunk('tIME', Uint8Array.of(0x07, 0xe9, 3, 14, 9, 30, 0)),
    ),
    cleanWebp: await picture().webp().toBuffer(),
    dirtyWebp: await picture().webp().withIccProfile('p3').withExif(EXIF_WITH_GPS).withXmp(XMP).toBuffer(),
    cleanGif,
    dirtyGif: withGifBlocks(cleanGif, gifCommentExtension('Photo by Zhang San'), gifXmpExtension(XMP)),
    exifAvif: await picture().avif().withExif(EXIF_WITH_GPS).toBuffer(),
  };
});

// ---------------------------------------------------------------------------

describe('detectFormat', () => {
  it('recognises each supported container by its magic bytes', () => {
    expect(detectFormat(s.exifJpeg)).toBe('jpeg');
    expect(detectFormat(s.dirtyPng)).toBe('png');
    expect(detectFormat(s.dirtyWebp)).toBe('webp');
    expect(detectFormat(s.dirtyGif)).toBe('gif');
    expect(detectFormat(s.exifAvif)).toBe('avif');
    expect(detectFormat(bytes('<?xml version="1.0"?>\n<!-- plan -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
  });

  it('does not mistake HTML with inline SVG, plain text or empty input for an image', () => {
    expect(detectFormat(bytes('<!DOCTYPE html><html><body><svg></svg></body></html>'))).toBe('unknown');
    expect(detectFormat(bytes('hello'))).toBe('unknown');
    expect(detectFormat(new Uint8Array())).toBe('unknown');
  });
});

describe('JPEG', () => {
  it('detects EXIF with a GPS directory, then strips both and keeps the pixels', async () => {
    const before = await sharpMeta(s.exifJpeg);
    expect(before.exif).toBeDefined();
    expect(findMetadata(s.exifJpeg)).toEqual(['exif', 'gps']);

    const { bytes: out, removed } = stripMetadata(s.exifJpeg);
    expect(removed).toEqual(['exif', 'gps']);
    expect(findMetadata(out)).toEqual([]);
    const after = await sharpMeta(out);
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(contains(out, 'TestCam')).toBe(false);
    expect((await pixels(out)).equals(await pixels(s.exifJpeg))).toBe(true);
  });

  it('strips XMP and keeps the pixels', async () => {
    expect((await sharpMeta(s.xmpJpeg)).xmp).toBeDefined();
    expect(findMetadata(s.xmpJpeg)).toEqual(['xmp']);

    const { bytes: out, removed } = stripMetadata(s.xmpJpeg);
    expect(removed).toEqual(['xmp']);
    expect((await sharpMeta(out)).xmp).toBeUndefined();
    expect(findMetadata(out)).toEqual([]);
    expect((await pixels(out)).equals(await pixels(s.xmpJpeg))).toBe(true);
  });

  it('keeps the ICC profile while removing EXIF', async () => {
    const iccBefore = (await sharpMeta(s.iccExifJpeg)).icc;
    expect(iccBefore).toBeDefined();

    const { bytes: out } = stripMetadata(s.iccExifJpeg);
    const after = await sharpMeta(out);
    expect(after.exif).toBeUndefined();
    expect(after.icc?.equals(iccBefore!)).toBe(true);
    expect(jpegMarkers(out)).toContain(0xe2);
    expect((await pixels(out)).equals(await pixels(s.iccExifJpeg))).toBe(true);
  });

  it('keeps the Adobe APP14 segment that CMYK JPEGs need to decode', async () => {
    expect(jpegMarkers(s.cmykExifJpeg)).toContain(0xee);

    const { bytes: out, removed } = stripMetadata(s.cmykExifJpeg);
    expect(removed).toContain('exif');
    expect(jpegMarkers(out)).toContain(0xee);
    expect(jpegMarkers(out)).not.toContain(0xe1);
    expect((await pixels(out)).equals(await pixels(s.cmykExifJpeg))).toBe(true);
  });

  it('removes COM and Photoshop/IPTC segments but keeps JFIF', async () => {
    const iptc = concat(latin1Bytes('Photoshop 3.0\x008BIM'), Uint8Array.of(0x04, 0x04, 0, 0, 0, 0, 0, 14), Uint8Array.of(0x1c, 0x02, 0x50, 0, 9), latin1Bytes('Zhang San'));
    const jfif = latin1Bytes('JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00');
    const dirty = afterSoi(s.cleanJpeg, jpegSegment(0xe0, jfif), jpegSegment(0xfe, latin1Bytes('Taken by Zhang San')), jpegSegment(0xed, iptc));
    expect((await sharpMeta(dirty)).iptc).toBeDefined();
    expect(findMetadata(dirty)).toEqual(['iptc', 'comment']);

    const { bytes: out, removed } = stripMetadata(dirty);
    expect(removed).toEqual(['iptc', 'comment']);
    expect((await sharpMeta(out)).iptc).toBeUndefined();
    expect(contains(out, 'Zhang San')).toBe(false);
    expect(jpegMarkers(out)[0]).toBe(0xe0);
    expect(sameBytes(out, afterSoi(s.cleanJpeg, jpegSegment(0xe0, jfif)))).toBe(true);
  });

  it('handles fill bytes and standalone markers between segments', async () => {
    const exifAt = 2;
    const exifLength = (s.exifJpeg[exifAt + 2]! << 8) | s.exifJpeg[exifAt + 3]!;
    const afterExif = exifAt + 2 + exifLength;
    // Fill bytes before APP1, a TEM marker and fill bytes before the next segment.
    const padded = concat(
      s.exifJpeg.subarray(0, 2),
      Uint8Array.of(0xff, 0xff),
      s.exifJpeg.subarray(2, afterExif),
      Uint8Array.of(0xff, 0x01, 0xff, 0xff, 0xff),
      s.exifJpeg.subarray(afterExif),
    );
    expect(findMetadata(padded)).toEqual(['exif', 'gps']);

    const { bytes: out, removed } = stripMetadata(padded);
    expect(removed).toEqual(['exif', 'gps']);
    expect(findMetadata(out)).toEqual([]);
    const expected = concat(s.exifJpeg.subarray(0, 2), Uint8Array.of(0xff, 0x01, 0xff, 0xff, 0xff), s.exifJpeg.subarray(afterExif));
    expect(sameBytes(out, expected)).toBe(true);
    expect((await pixels(out)).equals(await pixels(s.exifJpeg))).toBe(true);
  });

  it('drops an appended secondary image carrying EXIF after EOI, leaving the main image intact', async () => {
    const progressive = await picture().jpeg({ progressive: true }).toBuffer();
    for (const main of [s.cleanJpeg, progressive]) {
      const withTrailer = concat(main, s.exifJpeg);
      expect(findMetadata(withTrailer)).toEqual(['exif', 'gps']);

      const { bytes: out, removed } = stripMetadata(withTrailer);
      expect(removed).toEqual(['exif', 'gps']);
      expect(sameBytes(out, main)).toBe(true);
    }
  });

  it('leaves clean bytes after EOI alone', () => {
    const padded = concat(s.cleanJpeg, new Uint8Array(16));
    const result = stripMetadata(padded);
    expect(result.removed).toEqual([]);
    expect(result.bytes).toBe(padded);
  });
});

describe('PNG', () => {
  it('strips eXIf, text and time chunks, keeping iCCP, the other chunks and the pixels', async () => {
    const before = await sharpMeta(s.dirtyPng);
    expect(before.exif).toBeDefined();
    expect(before.xmp).toBeDefined();
    expect(findMetadata(s.dirtyPng)).toEqual(['exif', 'gps', 'xmp', 'text', 'time']);

    const { bytes: out, removed } = stripMetadata(s.dirtyPng);
    expect(removed).toEqual(['exif', 'gps', 'xmp', 'text', 'time']);
    expect(findMetadata(out)).toEqual([]);
    const after = await sharpMeta(out);
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc?.equals(before.icc!)).toBe(true);
    const kept = pngChunkTypes(out);
    expect(kept).toContain('iCCP');
    expect(kept.filter((t) => ['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME'].includes(t))).toEqual([]);
    expect(contains(out, 'Zhang San')).toBe(false);
    expect((await pixels(out)).equals(await pixels(s.dirtyPng))).toBe(true);
  });
});

describe('WebP', () => {
  it('strips EXIF and XMP chunks, clears their VP8X flags, fixes the RIFF size and keeps ICC', async () => {
    expect(riffChunks(s.dirtyWebp)).toEqual(expect.arrayContaining(['VP8X', 'ICCP', 'EXIF', 'XMP ']));
    expect(findMetadata(s.dirtyWebp)).toEqual(['exif', 'gps', 'xmp']);
    const iccBefore = (await sharpMeta(s.dirtyWebp)).icc;

    const { bytes: out, removed } = stripMetadata(s.dirtyWebp);
    expect(removed).toEqual(['exif', 'gps', 'xmp']);
    expect(findMetadata(out)).toEqual([]);
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    expect(view.getUint32(4, true)).toBe(out.length - 8);
    expect(riffChunks(out)).not.toContain('EXIF');
    expect(riffChunks(out)).not.toContain('XMP ');
    const flags = out[20]!; // VP8X is the first chunk: header at 12, flags at 20
    expect(flags & 0x0c).toBe(0);
    expect(flags & 0x20).toBe(0x20); // ICC flag untouched
    const after = await sharpMeta(out);
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc?.equals(iccBefore!)).toBe(true);
    expect((await pixels(out)).equals(await pixels(s.dirtyWebp))).toBe(true);
  });
});

describe('GIF', () => {
  it('strips comment and XMP extensions and keeps the pixels', async () => {
    expect(findMetadata(s.dirtyGif)).toEqual(['xmp', 'comment']);

    const { bytes: out, removed } = stripMetadata(s.dirtyGif);
    expect(removed).toEqual(['xmp', 'comment']);
    expect(findMetadata(out)).toEqual([]);
    expect(sameBytes(out, s.cleanGif)).toBe(true);
    expect((await pixels(out)).equals(await pixels(s.dirtyGif))).toBe(true);
  });
});

describe('AVIF', () => {
  it('reports an EXIF item but leaves the file unchanged, so a post-build check would flag it', () => {
    expect(findMetadata(s.exifAvif)).toContain('exif');
    const result = stripMetadata(s.exifAvif);
    expect(result.removed).toEqual([]);
    expect(result.bytes).toBe(s.exifAvif);
  });
});

describe('SVG', () => {
  it('removes metadata elements, prefixed or self-closing, and nothing else', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg">';
    const body = '<title>一楼平面图</title><rect width="10" height="10"/>';
    const dirty = bytes(`${head}\n  <metadata id="m"><rdf:RDF><dc:creator>Zhang San</dc:creator></rdf:RDF></metadata>\n` + `${body}<svg:metadata/><metadataish/></svg>`);
    expect(findMetadata(dirty)).toEqual(['xmp']);

    const { bytes: out, removed } = stripMetadata(dirty);
    expect(removed).toEqual(['xmp']);
    expect(new TextDecoder().decode(out)).toBe(`${head}\n  \n${body}<metadataish/></svg>`);
    expect(findMetadata(out)).toEqual([]);
  });
});

describe('clean images', () => {
  it('are returned as the same, byte-identical array', () => {
    const svg = bytes('<svg xmlns="http://www.w3.org/2000/svg"><title>平面图</title></svg>');
    for (const clean of [s.cleanJpeg, s.cleanPng, s.cleanWebp, s.cleanGif, svg]) {
      const copy = clean.slice();
      expect(findMetadata(clean)).toEqual([]);
      const result = stripMetadata(clean);
      expect(result.removed).toEqual([]);
      expect(result.bytes).toBe(clean);
      expect(sameBytes(result.bytes, copy)).toBe(true);
    }
  });
});

describe('malformed input', () => {
  it('never throws, and either leaves a truncated file untouched or leaves no metadata in it', () => {
    const dirty = [s.exifJpeg, s.iccExifJpeg, s.dirtyPng, s.dirtyWebp, s.dirtyGif, s.exifAvif];
    for (const sample of dirty) {
      for (let length = 0; length <= sample.length; length++) {
        const truncated = sample.subarray(0, length);
        const result = stripMetadata(truncated);
        if (result.removed.length === 0) {
          expect(result.bytes).toBe(truncated);
        } else {
          expect(findMetadata(result.bytes)).toEqual([]);
        }
      }
    }
  });

  it('returns a JPEG with an impossible segment length unchanged, while still reporting earlier metadata', () => {
    const app1End = 4 + ((s.exifJpeg[4]! << 8) | s.exifJpeg[5]!);
    // SOI, the EXIF segment, then a DQT whose length runs past the end of the file.
    const damaged = concat(s.exifJpeg.subarray(0, app1End), Uint8Array.of(0xff, 0xdb, 0xff, 0xff, 0));
    expect(findMetadata(damaged)).toEqual(['exif', 'gps']);
    const result = stripMetadata(damaged);
    expect(result.removed).toEqual([]);
    expect(result.bytes).toBe(damaged);
  });

  it('survives random bytes behind every magic number', () => {
    let seed = 42;
    const random = (n: number) =>
      Uint8Array.from({ length: n }, () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed & 0xff;
      });
    const magics = [
      Uint8Array.of(0xff, 0xd8, 0xff),
      Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
      concat(latin1Bytes('RIFF'), Uint8Array.of(40, 0, 0, 0), latin1Bytes('WEBPVP8X')),
      latin1Bytes('GIF89a'),
      concat(Uint8Array.of(0, 0, 0, 24), latin1Bytes('ftypavif')),
      bytes('<svg>'),
    ];
    for (const magic of magics) {
      for (let round = 0; round < 200; round++) {
        const input = concat(magic, random(round));
        expect(() => findMetadata(input)).not.toThrow();
        expect(() => stripMetadata(input)).not.toThrow();
      }
    }
  });
});

describe('scrubImagesIn', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'siliang-scrub-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rewrites exactly the images that carry metadata, recursing into folders', async () => {
    const files: Record<string, Uint8Array> = {
      'clean.jpg': s.cleanJpeg,
      'photo.jpg': s.exifJpeg,
      'staff/2025/portrait.jpg': s.iccExifJpeg,
      'staff/2025/portrait-clean.webp': s.cleanWebp,
      'floor/plan.png': s.dirtyPng,
      'floor/plan-clean.png': s.cleanPng,
      'floor/deep/er/anim.gif': s.dirtyGif,
      'logo.svg': bytes('<svg xmlns="http://www.w3.org/2000/svg"><metadata>x</metadata></svg>'),
      'icon.svg': bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'assets/hero.bin': s.dirtyWebp, // recognised by content, not by extension
      'notes.txt': bytes('Exif\0\0 is just text here'),
      'index.html': bytes('<!DOCTYPE html><svg><metadata>keep</metadata></svg>'),
    };
    const past = new Date('2020-01-01T00:00:00Z');
    for (const [name, content] of Object.entries(files)) {
      const path = join(dir, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      await utimes(path, past, past);
    }

    const scrubbed = await scrubImagesIn(dir);
    expect(scrubbed.map((r) => r.file)).toEqual(['assets/hero.bin', 'floor/deep/er/anim.gif', 'floor/plan.png', 'logo.svg', 'photo.jpg', 'staff/2025/portrait.jpg']);
    expect(scrubbed.find((r) => r.file === 'photo.jpg')?.removed).toEqual(['exif', 'gps']);

    for (const [name, original] of Object.entries(files)) {
      const path = join(dir, name);
      const now = await readFile(path);
      expect(findMetadata(now), name).toEqual([]);
      if (scrubbed.some((r) => r.file === name)) {
        expect(sameBytes(now, original), name).toBe(false);
      } else {
        expect(sameBytes(now, original), name).toBe(true);
        expect((await stat(path)).mtime.getTime(), name).toBe(past.getTime());
      }
    }

    expect(await scrubImagesIn(dir)).toEqual([]);
  });
});
