/**
 * Source photos that record where they were taken: the checker warns at the
 * field (or the Markdown image) that refers to them, without reading the
 * coordinates out; the same photo without GPS gives nothing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import type { Problem } from '#lib/content/problem.ts';
import { gpsProblems, hasGpsLocation } from '#lib/privacy/index.ts';
import { SMALL } from '../helpers/content.ts';

const GPS = {
  IFD0: { Make: 'TestCam', Model: 'Privacy 1' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1' },
};
const NO_GPS = { IFD0: { Make: 'TestCam', Model: 'Privacy 1' } };

const photo = (format: 'jpeg' | 'png' | 'webp', exif?: typeof GPS | typeof NO_GPS) => {
  const image = sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 180, g: 120, b: 90 } } });
  return (exif ? image.withExif(exif) : image).toFormat(format).toBuffer();
};

const temp = mkdtempSync(join(tmpdir(), 'siliang-gps-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const NOTICE_WITH_IMAGE = (original: string) => `${original.trimEnd()}\n\n窗口位置见下图：\n\n![办事大厅平面图](./ditu.png)\n`;

async function folder(name: string, exif?: typeof GPS | typeof NO_GPS): Promise<string> {
  const dir = join(temp, name);
  cpSync(SMALL, dir, { recursive: true });
  writeFileSync(join(dir, 'units/chuangkou/staff/li-hua.jpg'), await photo('jpeg', exif));
  writeFileSync(join(dir, 'notices/ditu.png'), await photo('png', exif));
  const notice = join(dir, 'notices/gonggao.md');
  writeFileSync(notice, NOTICE_WITH_IMAGE(readFileSync(notice, 'utf8')));
  return dir;
}

function gpsIn(dir: string): Problem[] {
  const { entries } = checkContent(dir);
  return gpsProblems(entries, { contentDir: dir, today: '2026-11-22' });
}

describe('reading the location of a photo', () => {
  it('finds GPS coordinates in JPEG, PNG and WebP photos, and none where there are none', async () => {
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      expect(hasGpsLocation(await photo(format, GPS)), format).toBe(true);
      expect(hasGpsLocation(await photo(format, NO_GPS)), format).toBe(false);
      expect(hasGpsLocation(await photo(format)), format).toBe(false);
    }
  });

  it('does not throw on a damaged file', () => {
    expect(hasGpsLocation(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x49, 0x49]))).toBe(false);
    expect(hasGpsLocation(new Uint8Array([]))).toBe(false);
  });
});

describe('source photos in the content folder', () => {
  let withGps: Problem[];
  let withoutGps: Problem[];
  beforeAll(async () => {
    withGps = gpsIn(await folder('gps', GPS));
    withoutGps = gpsIn(await folder('no-gps', NO_GPS));
  });

  it('warns about a staff photo and a Markdown image that record where they were taken', () => {
    expect(withGps.map((p) => [p.severity, p.kind, `${p.file}:${p.line}:${p.column}`, p.field ?? '-', p.fieldTitle])).toEqual([
      ['warning', 'privacy-photo-gps', 'notices/gonggao.md:11:12', '-', '正文'],
      ['warning', 'privacy-photo-gps', 'units/chuangkou/staff/li-hua.yaml:2:8', 'photo', '工作照'],
    ]);
    expect(withGps[1]?.message).toBe('源照片 units/chuangkou/staff/li-hua.jpg 带有拍摄地点（GPS）信息。发布的图片会自动去除，但建议从源文件中去除，以免内容仓库泄露拍摄地点');
    // The place itself is never printed.
    for (const p of withGps) expect(`${p.message}${p.fix}`).not.toMatch(/30|120|°/);
  });

  it('says nothing about the same photos without GPS', () => {
    expect(withoutGps).toEqual([]);
  });
});
