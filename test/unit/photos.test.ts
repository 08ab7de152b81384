/**
 * The photo step (src/integration/photos.ts): staff photos made into the files
 * pages show, once, outside Astro, and never again while they are unchanged.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMetadata } from '#lib/images/metadata.ts';
import { heightAt, PHOTO_DIR, PHOTO_VARIANTS, photoSources, variantFile } from '#lib/images/photo-recipe.ts';
import { photoCacheDir, preparePhoto, preparePhotos, publishPhotos, staffPhotoFiles } from '#integration/photos.ts';

let work: string;
let content: string;
/** The photo cache, in a folder of the test's own (the photoCache option). */
let cacheDir: string;
const manifestPath = () => join(work, 'photos.json');

/** A phone-like photo: 900×1200 with EXIF (camera, GPS-free) and a given colour, so bytes differ per colour. */
async function phonePhoto(colour: { r: number; g: number; b: number }, orientation?: number): Promise<Buffer> {
  return sharp({ create: { width: 900, height: 1200, channels: 3, background: colour } })
    .composite([{ input: Buffer.from('<svg width="900" height="1200"><circle cx="450" cy="420" r="220" fill="#d9b38c"/></svg>') }])
    .jpeg({ quality: 90 })
    .withMetadata({ exif: { IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' } }, ...(orientation ? { orientation } : {}) })
    .toBuffer();
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'siliang-photos-'));
  content = join(work, 'content');
  cacheDir = photoCacheDir(join(work, 'root'), join(work, 'cache'));
  for (const [unit, person, colour] of [
    ['menzhen', 'li-na', { r: 40, g: 110, b: 200 }],
    ['menzhen', 'wang-qiang', { r: 200, g: 60, b: 60 }],
    ['shebao', 'zhou-min', { r: 60, g: 160, b: 90 }],
  ] as const) {
    await mkdir(join(content, 'units', unit, 'staff'), { recursive: true });
    await writeFile(join(content, 'units', unit, 'staff', `${person}.jpg`), await phonePhoto(colour));
    await writeFile(join(content, 'units', unit, 'staff', `${person}.yaml`), `name: 某某\nphoto: ./${person}.jpg\n`);
  }
  // A floor plan is not a staff photo: Astro's pipeline keeps those.
  await writeFile(join(content, 'units', 'menzhen', 'floor-plan.jpg'), await phonePhoto({ r: 250, g: 250, b: 250 }));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the photo step', () => {
  it('finds the staff photos and nothing else', async () => {
    expect(await staffPhotoFiles(content)).toEqual(['units/menzhen/staff/li-na.jpg', 'units/menzhen/staff/wang-qiang.jpg', 'units/shebao/staff/zhou-min.jpg']);
  });

  it('makes every variant of every photo at its width, in its format, without metadata', async () => {
    const prepared = await preparePhotos({ contentDir: content, cacheDir, manifestPath: manifestPath() });
    const { manifest } = prepared;
    const result = await prepared.finish();
    expect(result).toMatchObject({ photos: 3, processed: 3, reused: 0 });
    for (const record of Object.values(manifest)) {
      expect(record).toMatchObject({ width: 480, height: 640 });
      for (const variant of PHOTO_VARIANTS) {
        const bytes = await readFile(join(cacheDir, variantFile(record.id, variant)));
        const meta = await sharp(bytes).metadata();
        expect(meta.format).toBe(variant.format === 'jpg' ? 'jpeg' : 'webp');
        expect(meta.width).toBe(variant.width);
        expect(meta.height).toBe(heightAt(record, variant.width));
        expect(findMetadata(bytes)).toEqual([]);
      }
    }
    expect(JSON.parse(await readFile(manifestPath(), 'utf8'))).toEqual(manifest);
  });

  it('processes nothing on a second run over unchanged photos', async () => {
    const prepared = await preparePhotos({ contentDir: content, cacheDir, manifestPath: manifestPath() });
    expect(prepared.pending).toBe(0);
    expect(await prepared.finish()).toMatchObject({ photos: 3, processed: 0, reused: 3 });
  });

  it('processes only the photo that changed, and gives it a new identity', async () => {
    const before = (await preparePhotos({ contentDir: content, cacheDir, manifestPath: manifestPath() })).manifest;
    // The same content under a new modification time is read again but not made again.
    const { utimes } = await import('node:fs/promises');
    await utimes(join(content, 'units', 'menzhen', 'staff', 'li-na.jpg'), new Date(), new Date(Date.now() - 60_000));
    const touched = await preparePhotos({ contentDir: content, cacheDir, manifestPath: manifestPath() });
    expect(touched.pending).toBe(0);
    await touched.finish();
    await writeFile(join(content, 'units', 'shebao', 'staff', 'zhou-min.jpg'), await phonePhoto({ r: 90, g: 90, b: 20 }));
    const prepared = await preparePhotos({ contentDir: content, cacheDir, manifestPath: manifestPath() });
    const { manifest } = prepared;
    const result = await prepared.finish();
    expect(result).toMatchObject({ processed: 1, reused: 2 });
    expect(manifest['units/shebao/staff/zhou-min.jpg']?.id).not.toBe(before['units/shebao/staff/zhou-min.jpg']?.id);
    expect(manifest['units/menzhen/staff/li-na.jpg']).toEqual(before['units/menzhen/staff/li-na.jpg']);
  });

  it('turns a photo the camera stored on its side upright', async () => {
    // EXIF orientation 6: stored 900 wide × 1200 high, to be shown rotated 90°, so 1200 wide.
    await writeFile(join(content, 'units', 'shebao', 'staff', 'zhou-min.jpg'), await phonePhoto({ r: 10, g: 20, b: 30 }, 6));
    const prepared = await preparePhotos({ contentDir: content, cacheDir, manifestPath: manifestPath() });
    await prepared.finish();
    const record = prepared.manifest['units/shebao/staff/zhou-min.jpg'];
    expect(record).toMatchObject({ width: 480, height: 360 });
    // The planned size is the size made.
    const made = await sharp(join(cacheDir, variantFile(record?.id ?? '', { width: 480, format: 'jpg' }))).metadata();
    expect([made.width, made.height]).toEqual([480, 360]);
  });

  it('names the file it cannot read, with what to do', async () => {
    const broken = join(work, 'broken');
    await mkdir(join(broken, 'units', 'a', 'staff'), { recursive: true });
    await writeFile(join(broken, 'units', 'a', 'staff', 'x.jpg'), Buffer.from('not a photo at all'));
    await expect(preparePhotos({ contentDir: broken, cacheDir, manifestPath: join(work, 'broken.json') })).rejects.toThrow(
      /^units\/a\/staff\/x\.jpg  图片文件 units\/a\/staff\/x\.jpg 已损坏.*修改：重新导出/,
    );
  });

  it('refuses a photo cut short in copying, at the line of the staff file that names it', async () => {
    const cut = join(work, 'cut');
    await mkdir(join(cut, 'units', 'a', 'staff'), { recursive: true });
    // Its header is whole, so its size is known and pages could be made; its picture ends half-way.
    const whole = await phonePhoto({ r: 1, g: 2, b: 3 });
    await writeFile(join(cut, 'units', 'a', 'staff', 'x.jpg'), whole.subarray(0, whole.length >> 1));
    await writeFile(join(cut, 'units', 'a', 'staff', 'x.yaml'), 'name: 某某\npost: shouli\nphoto:   ./x.jpg\n');
    const prepared = await preparePhotos({ contentDir: cut, cacheDir, manifestPath: join(work, 'cut.json') });
    await expect(prepared.finish()).rejects.toThrow(/^units\/a\/staff\/x\.yaml:3:10  photo（工作照）  图片文件 units\/a\/staff\/x\.jpg 不完整/);
  });

  it('does not read a photo linked from outside the content folder, even when asked for it without a check', async () => {
    const linked = join(work, 'linked');
    await mkdir(join(linked, 'units', 'a', 'staff'), { recursive: true });
    await writeFile(join(work, 'elsewhere.jpg'), await phonePhoto({ r: 9, g: 9, b: 9 }));
    await symlink(join(work, 'elsewhere.jpg'), join(linked, 'units', 'a', 'staff', 'x.jpg'));
    // The photo step lists no link; pages ask for such a photo on demand.
    expect(await staffPhotoFiles(linked)).toEqual([]);
    await expect(preparePhoto(linked, cacheDir, 'units/a/staff/x.jpg')).rejects.toThrow(/units\/a\/staff\/x\.jpg 指向内容文件夹外面/);
  });

  it('publishes the files into the site under _photos/, where the pages point', async () => {
    const prepared = await preparePhotos({ contentDir: content, cacheDir, manifestPath: manifestPath() });
    await prepared.finish();
    const { manifest } = prepared;
    const site = join(work, 'site');
    const files = await publishPhotos(manifest, cacheDir, site);
    expect(files).toBe(Object.keys(manifest).length * PHOTO_VARIANTS.length);
    const record = manifest['units/menzhen/staff/li-na.jpg'];
    if (!record) throw new Error('li-na missing from the manifest');
    const sources = photoSources(record, '/gongkai/');
    for (const url of [sources.jpg, sources.webpSmall, ...sources.webpSrcset.split(', ').map((s) => s.split(' ')[0] as string)]) {
      expect(url.startsWith(`/gongkai/${PHOTO_DIR}/`)).toBe(true);
      await expect(readFile(join(site, url.slice('/gongkai/'.length)))).resolves.toBeInstanceOf(Buffer);
    }
  });
});

describe('photo addresses', () => {
  it('list the WebP files smallest first with their real widths, never wider than the original', () => {
    const record = { id: 'ab'.repeat(20), width: 300, height: 400 };
    const sources = photoSources(record, '/');
    expect(sources.webpSrcset).toBe(`/_photos/ab/${record.id}-240.webp 240w, /_photos/ab/${record.id}-480.webp 300w`);
    expect(sources.jpg).toBe(`/_photos/ab/${record.id}-480.jpg`);
  });
});
