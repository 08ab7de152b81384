/**
 * Telling what an image file really is from its first bytes, so the checker
 * can stop a renamed iPhone photo or an empty file before the build does.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageFileProblem, sniffImage } from '#lib/images/sniff.ts';

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

describe('imageFileProblem', () => {
  it('refuses an SVG whatever it is called, saying why and how to make a PNG of it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'siliang-sniff-'));
    try {
      writeFileSync(join(dir, 'logo.png'), '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
      const problem = imageFileProblem(join(dir, 'logo.png'), 'logo.png');
      expect(problem?.kind).toBe('svg-image');
      expect(problem?.message).toContain('SVG');
      expect(problem?.message).toContain('脚本');
      expect(problem?.fix).toContain('PNG');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
