import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ATTIRES, describePortrait, portraitSvg, renderPortrait, type PortraitOptions } from '#tools/portrait.ts';

const sha1 = (data: Buffer | string): string => createHash('sha1').update(data).digest('hex');

/** Byte offsets of JPEG APPn segments (0xFFE0–0xFFEF) before the image data. */
function jpegAppMarkers(jpeg: Buffer): number[] {
  const markers: number[] = [];
  let offset = 2; // after SOI
  while (offset + 4 <= jpeg.length && jpeg[offset] === 0xff) {
    const marker = jpeg[offset + 1] ?? 0;
    if (marker === 0xda) break; // start of scan
    if (marker >= 0xe0 && marker <= 0xef) markers.push(marker);
    offset += 2 + jpeg.readUInt16BE(offset + 2);
  }
  return markers;
}

async function pixel(image: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i] ?? -1, data[i + 1] ?? -1, data[i + 2] ?? -1];
}

describe('illustrated staff portraits', () => {
  it('draws the same picture for the same seed', async () => {
    const options: PortraitOptions = { seed: 'zhang-xiaoming', attire: 'white-coat' };
    const first = await renderPortrait(options);
    const second = await renderPortrait({ ...options });
    expect(first.length).toBeGreaterThan(1000);
    expect(first.equals(second)).toBe(true);
    expect(portraitSvg(options)).toBe(portraitSvg({ ...options }));
  });

  it('draws a different picture for each of a staff list of seeds', async () => {
    const seeds = Array.from({ length: 24 }, (_, i) => `staff-${i}`);
    const hashes = new Set<string>();
    for (const seed of seeds) {
      hashes.add(sha1(await renderPortrait({ seed, attire: 'suit', background: 'blue' })));
    }
    expect(hashes.size).toBe(seeds.length);
  });

  it('gives a thousand seeds a thousand different drawings', () => {
    const svgs = new Set<string>();
    for (let i = 0; i < 1000; i++) svgs.add(sha1(portraitSvg({ seed: `person-${i}`, attire: 'shirt' })));
    expect(svgs.size).toBe(1000);
  });

  it('renders 600×800 by default and honours a requested size', async () => {
    const standard = await sharp(await renderPortrait({ seed: 'li-na', attire: 'nurse' })).metadata();
    expect([standard.format, standard.width, standard.height]).toEqual(['jpeg', 600, 800]);

    const small = await sharp(await renderPortrait({ seed: 'li-na', attire: 'nurse', width: 300, height: 400 })).metadata();
    expect([small.width, small.height]).toEqual([300, 400]);

    const square = await sharp(await renderPortrait({ seed: 'li-na', attire: 'nurse', width: 256, height: 256, format: 'png' })).metadata();
    expect([square.format, square.width, square.height]).toEqual(['png', 256, 256]);
  });

  it('writes a baseline 4:2:0 JPEG with no EXIF, XMP or IPTC metadata', async () => {
    const jpeg = await renderPortrait({ seed: 'wang-jianguo', attire: 'police', presentation: 'm' });
    const meta = await sharp(jpeg).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.chromaSubsampling).toBe('4:2:0');
    expect(meta.isProgressive).toBe(false);
    // No APP1 (EXIF/XMP) or APP13 (IPTC) segment in the file itself either.
    expect(jpegAppMarkers(jpeg)).not.toContain(0xe1);
    expect(jpegAppMarkers(jpeg)).not.toContain(0xed);
  });

  it('uses quality 82 unless told otherwise', async () => {
    const options: PortraitOptions = { seed: 'chen-jing', attire: 'shirt' };
    const byDefault = await renderPortrait(options);
    expect(byDefault.equals(await renderPortrait({ ...options, quality: 82 }))).toBe(true);
    expect((await renderPortrait({ ...options, quality: 40 })).length).toBeLessThan(byDefault.length);
  });

  it.each(ATTIRES)('draws a %s portrait as a valid SVG that sharp decodes', async (attire) => {
    const svg = portraitSvg({ seed: `attire-${attire}`, attire });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).not.toMatch(/<text|<image|href=|NaN|undefined/);

    const meta = await sharp(Buffer.from(svg)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['svg', 600, 800]);

    // The picture is not blank: it has plenty of tonal range.
    const { channels } = await sharp(Buffer.from(svg)).stats();
    for (const channel of channels.slice(0, 3)) expect(channel.stdev).toBeGreaterThan(20);
  });

  it('draws attires differently for the same person', () => {
    const svgs = new Set(ATTIRES.map((attire) => portraitSvg({ seed: 'same-person', attire, presentation: 'f' })));
    expect(svgs.size).toBe(ATTIRES.length);
  });

  it('changes the picture when the presentation changes', async () => {
    const seed = 'zhou-min';
    const f = await renderPortrait({ seed, attire: 'suit', presentation: 'f' });
    const m = await renderPortrait({ seed, attire: 'suit', presentation: 'm' });
    expect(f.equals(m)).toBe(false);
    expect(describePortrait({ seed, attire: 'suit', presentation: 'f' }).presentation).toBe('f');
    expect(describePortrait({ seed, attire: 'suit', presentation: 'm' }).presentation).toBe('m');
  });

  it('picks hair styles typical of each presentation', () => {
    const styles = (presentation: 'f' | 'm'): Set<string> =>
      new Set(Array.from({ length: 200 }, (_, i) => describePortrait({ seed: `h${i}`, attire: 'shirt', presentation }).hairStyle));
    const f = styles('f');
    const m = styles('m');
    expect(f.size).toBeGreaterThanOrEqual(4);
    expect(m.size).toBeGreaterThanOrEqual(3);
    expect([...f].filter((style) => m.has(style))).toEqual([]);
  });

  it('paints the requested backdrop', async () => {
    const corner = async (background: 'blue' | 'white' | 'grey'): Promise<[number, number, number]> =>
      pixel(await renderPortrait({ seed: 'backdrop', attire: 'suit', background, format: 'png' }), 5, 5);
    const [br, bg, bb] = await corner('blue');
    expect(bb).toBeGreaterThan(br + 60);
    expect(bg).toBeGreaterThan(br);
    const white = await corner('white');
    for (const c of white) expect(c).toBeGreaterThan(240);
    const [gr, gg, gb] = await corner('grey');
    expect(Math.max(gr, gg, gb) - Math.min(gr, gg, gb)).toBeLessThan(16);
    expect(gr).toBeLessThan(230);
  });

  it('derives presentation and background from the seed when not given', () => {
    const traits = Array.from({ length: 200 }, (_, i) => describePortrait({ seed: `d${i}`, attire: 'shirt' }));
    expect(new Set(traits.map((t) => t.presentation))).toEqual(new Set(['f', 'm']));
    expect(new Set(traits.map((t) => t.background))).toEqual(new Set(['blue', 'white', 'grey']));
    expect(describePortrait({ seed: 'd7', attire: 'shirt' })).toEqual(describePortrait({ seed: 'd7', attire: 'shirt' }));
  });

  it('rejects an unknown attire and impossible sizes', () => {
    expect(() => portraitSvg({ seed: 'x', attire: 'chef' as never })).toThrow(/attire/);
    expect(() => portraitSvg({ seed: 'x', attire: 'suit', width: 0 })).toThrow(RangeError);
    expect(() => portraitSvg({ seed: 'x', attire: 'suit', height: 12.5 })).toThrow(RangeError);
    expect(() => portraitSvg({ seed: 'x', attire: 'suit', width: 100_000 })).toThrow(RangeError);
  });
});
