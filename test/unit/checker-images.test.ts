/**
 * Pictures are checked before the build, wherever content names one: SVG
 * is refused (it can carry a script that runs when the picture is opened),
 * and every picture that goes through Astro's image pipeline is decoded to
 * the end, so that a damaged one is a Chinese error at the field or line
 * that names it rather than a half-grey picture or an English stack trace.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import type { Problem } from '#lib/content/problem.ts';
import { IMAGE_CHECK_CACHE_ENV, imagesDecoded } from '#lib/images/decode.ts';
import { SMALL, yaml } from '../helpers/content.ts';

const made: string[] = [];
let cacheDir: string;
beforeAll(() => {
  // A record of decoded pictures of these tests' own, so that no earlier run's counts.
  cacheDir = mkdtempSync(join(tmpdir(), 'siliang-image-check-'));
  process.env[IMAGE_CHECK_CACHE_ENV] = join(cacheDir, 'record.json');
});
afterAll(() => {
  delete process.env[IMAGE_CHECK_CACHE_ENV];
  rmSync(cacheDir, { recursive: true, force: true });
});
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'siliang-images-'));
  made.push(dir);
  cpSync(SMALL, dir, { recursive: true });
  return dir;
}

const errors = (dir: string): Problem[] => checkContent(dir, { today: '2026-11-22', lastChanged: () => '2026-11-20' }).problems.filter((p) => p.severity === 'error');

/** Adds lines to a file of the fixture. */
const append = (dir: string, file: string, ...lines: string[]) => writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8') + yaml(...lines));

const SVG_PAYLOADS = {
  'a <script> element': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
  'an onload= attribute': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(document.cookie)"><rect width="10" height="10"/></svg>',
};

/**
 * Every place content may name a picture: the field (or body line) that
 * names `name`, put where that place expects it, and where the problem must be.
 */
interface Place {
  place: string;
  /** Writes the reference to ./<name> and returns the picture's path in the folder. */
  put: (dir: string, name: string) => string;
  at: { file: string; line: number; column: number; field?: string };
}
const PLACES: Place[] = [
  {
    place: 'the site logo',
    put: (dir, name) => {
      writeFileSync(join(dir, 'site.yaml'), readFileSync(join(dir, 'site.yaml'), 'utf8').replace('shortName: 测试县\n', `shortName: 测试县\nlogo: ./${name}\n`));
      return name;
    },
    at: { file: 'site.yaml', line: 3, column: 7, field: 'logo' },
  },
  {
    place: 'a floor plan',
    put: (dir, name) => {
      append(dir, 'units/chuangkou/unit.yaml', `floorPlan: ./${name}`, 'floorPlanText: 一楼大厅，入口在南侧。');
      return `units/chuangkou/${name}`;
    },
    at: { file: 'units/chuangkou/unit.yaml', line: 15, column: 12, field: 'floorPlan' },
  },
  {
    place: 'a slide picture',
    put: (dir, name) => {
      mkdirSync(join(dir, 'screens'));
      writeFileSync(
        join(dir, 'screens/dating.yaml'),
        yaml(
          'name: 大厅屏',
          'location: 一楼大厅',
          'orientation: 横屏',
          'duration: 15',
          'slides:',
          '  - type: 自定义',
          '    title: 海报',
          `    image: ./${name}`,
          '    alt: 春节办事时间海报',
        ),
      );
      return `screens/${name}`;
    },
    at: { file: 'screens/dating.yaml', line: 8, column: 12, field: 'slides[0].image' },
  },
  {
    place: 'a picture in a service guide',
    put: (dir, name) => {
      append(dir, 'units/chuangkou/procedures/ceshi-shixiang.md', '', `![办事流程图](./${name})`);
      return `units/chuangkou/procedures/${name}`;
    },
    // The fixture's file has 49 lines; a blank line, then the picture.
    at: { file: 'units/chuangkou/procedures/ceshi-shixiang.md', line: 51, column: 10 },
  },
  {
    place: 'a staff photo',
    put: (dir, name) => {
      const file = 'units/chuangkou/staff/li-hua.yaml';
      writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace('photo: ./li-hua.jpg', `photo: ./${name}`));
      return `units/chuangkou/staff/${name}`;
    },
    at: { file: 'units/chuangkou/staff/li-hua.yaml', line: 2, column: 8, field: 'photo' },
  },
];

describe('SVG pictures are refused wherever a picture may be named', () => {
  const cases = PLACES.flatMap((p) => Object.entries(SVG_PAYLOADS).map(([payload, svg]) => ({ ...p, payload, svg })));
  it.each(cases)('$place: an SVG with $payload', ({ put, at, svg }) => {
    const dir = copy();
    const path = put(dir, 'tu.svg');
    writeFileSync(join(dir, path), svg);
    const found = errors(dir);
    expect(found.map((p) => p.message)).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'svg-image', ...at });
    expect(found[0]?.message).toContain(`图片 ${path} 是 SVG`);
    expect(found[0]?.fix).toContain('PNG');
  });

  it.each(PLACES)('$place: an SVG saved under a .png name, told by its contents', ({ put, at }) => {
    const dir = copy();
    const path = put(dir, 'tu.png');
    writeFileSync(join(dir, path), SVG_PAYLOADS['an onload= attribute']);
    const found = errors(dir);
    expect(found.map((p) => p.message)).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'svg-image', ...at });
  });
});

/** A picture of noise, so that most of a file is picture data that a cut shortens. */
const noise = (width = 160, height = 120) => sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
let jpeg: Buffer;
let png: Buffer;
let webp: Buffer;
beforeAll(async () => {
  [jpeg, png, webp] = await Promise.all([noise().jpeg().toBuffer(), noise().png().toBuffer(), noise().webp().toBuffer()]);
});
const cut = (bytes: Buffer, share = 0.6) => bytes.subarray(0, Math.floor(bytes.length * share));

describe('pictures are decoded in the check', () => {
  // Staff photos are decoded by the photo step instead (test/unit/photos.test.ts).
  const decoded = PLACES.filter((p) => p.place !== 'a staff photo');

  it.each(decoded)('$place: a JPEG cut short in copying, whose header is whole', ({ put, at }) => {
    const dir = copy();
    const path = put(dir, 'tu.jpg');
    writeFileSync(join(dir, path), cut(jpeg));
    const found = errors(dir);
    expect(found.map((p) => p.message)).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'bad-image', ...at });
    expect(found[0]?.message).toBe(`图片文件 ${path} 不完整（可能没有复制或下载完），网站无法读取`);
  });

  it.each(decoded)('$place: a PNG header followed by garbage', ({ put, at }) => {
    const dir = copy();
    const path = put(dir, 'tu.png');
    writeFileSync(join(dir, path), Buffer.concat([png.subarray(0, 33), Buffer.alloc(4000, 0x41)]));
    const found = errors(dir);
    expect(found.map((p) => p.message)).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'bad-image', ...at });
    expect(found[0]?.message).toContain(`图片文件 ${path} `);
    expect(found[0]?.fix).toContain('重新导出');
  });

  it('a WebP slide picture cut short', () => {
    const dir = copy();
    const slide = PLACES.find((p) => p.place === 'a slide picture') as Place;
    writeFileSync(join(dir, slide.put(dir, 'tu.webp')), cut(webp));
    expect(errors(dir)).toMatchObject([{ kind: 'bad-image', ...slide.at }]);
  });

  it.each(decoded)('$place: a whole picture passes', ({ put }) => {
    const dir = copy();
    writeFileSync(join(dir, put(dir, 'tu.png')), png);
    expect(errors(dir)).toEqual([]);
  });

  it('leaves staff photos to the photo step, which decodes each once anyway', () => {
    const dir = copy();
    const photo = join(dir, 'units/chuangkou/staff/li-hua.jpg');
    writeFileSync(photo, cut(readFileSync(photo)));
    const before = imagesDecoded();
    expect(errors(dir)).toEqual([]);
    expect(imagesDecoded()).toBe(before);
  });
});

describe('a picture that decoded is not decoded again while it is unchanged', () => {
  it('decodes a floor plan once, however often the folder is checked or the plan is named', () => {
    const dir = copy();
    const plan = PLACES.find((p) => p.place === 'a floor plan') as Place;
    // Different from every other test's picture, so that no earlier decoding counts.
    writeFileSync(join(dir, plan.put(dir, 'tu.png')), Buffer.concat([png, Buffer.from('once')]));
    const before = imagesDecoded();
    expect(errors(dir)).toEqual([]);
    expect(imagesDecoded()).toBe(before + 1);
    expect(errors(dir)).toEqual([]);
    // The same picture under another name: known by its contents.
    cpSync(join(dir, 'units/chuangkou/tu.png'), join(dir, 'units/chuangkou/tu-2.png'));
    append(dir, 'units/chuangkou/procedures/ceshi-shixiang.md', '', '![平面图](../tu-2.png)');
    expect(errors(dir)).toEqual([]);
    expect(imagesDecoded()).toBe(before + 1);
  });

  it('decodes a changed picture again, and reports it when it has broken', () => {
    const dir = copy();
    const plan = PLACES.find((p) => p.place === 'a floor plan') as Place;
    const path = join(dir, plan.put(dir, 'tu.jpg'));
    writeFileSync(path, Buffer.concat([jpeg, Buffer.from('changed')]));
    expect(errors(dir)).toEqual([]);
    const before = imagesDecoded();
    writeFileSync(path, cut(jpeg, 0.5));
    expect(errors(dir)).toMatchObject([{ kind: 'bad-image', ...plan.at }]);
    expect(imagesDecoded()).toBe(before + 1);
    // A broken picture is never recorded as decoded: it is reported every time.
    expect(errors(dir)).toMatchObject([{ kind: 'bad-image', ...plan.at }]);
  });
});
