/**
 * Telling what an image file really is from its first bytes, so the checker
 * can stop a renamed iPhone photo or an empty file before the build does.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/lib/images/sniff.ts';

const pixel = () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#c00' } });

describe('sniffImage', () => {
  it.each([
    ['jpeg', () => pixel().jpeg().toBuffer()],
    ['png', () => pixel().png().toBuffer()],
    ['webp', () => pixel().webp().toBuffer()],
    ['avif', () => pixel().avif({ effort: 0 }).toBuffer()],
    ['gif', () => pixel().gif().toBuffer()],
    ['tiff', () => pixel().tiff().toBuffer()],
  ] as const)('recognises a %s file made by sharp', async (kind, make) => {
    expect(sniffImage(new Uint8Array(await make()))).toBe(kind);
  });

  it('recognises SVG, with or without an XML declaration or byte-order mark', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
    expect(sniffImage(bytes('\uFEFF<?xml version="1.0"?><svg/>'))).toBe('svg');
    expect(sniffImage(bytes('  \n<svg/>'))).toBe('svg');
  });

  it('names what the pipeline cannot read: HEIC, BMP, PDF, empty and anything else', () => {
    const heic = new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode('ftypheicmif1')]);
    expect(sniffImage(heic)).toBe('heic');
    expect(sniffImage(new TextEncoder().encode('BM6\u0000\u0000\u0000'))).toBe('bmp');
    expect(sniffImage(new TextEncoder().encode('%PDF-1.7'))).toBe('pdf');
    expect(sniffImage(new Uint8Array())).toBe('empty');
    expect(sniffImage(new TextEncoder().encode('照片在微信里'))).toBe('unknown');
  });
});
