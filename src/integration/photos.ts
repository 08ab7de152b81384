/**
 * The photo step: every staff photo of a content folder made into the few
 * files pages show (src/lib/images/photo-recipe.ts), before Astro builds
 * and outside its bundler.
 *
 * Why not Astro's image pipeline: it imports each photo into the bundler's
 * module graph and keeps about 1 MB per photo in memory for the whole
 * build, and re-checks every transform on every build. A province has tens
 * of thousands of staff photos. Here each photo is decoded once (JPEG
 * shrink-on-load), its variants are written to a cache shared by all
 * builds and named by the photo's content, and a rebuild that changes no
 * photo decodes none: a file whose size and modification time are as last
 * seen is not even read again.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, posix, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { findMetadata } from '#lib/images/metadata.ts';
// The photo's identity is its Git blob hash, which print version codes also use.
import { gitBlobHash } from '#lib/print/history.ts';
import { heightAt, PHOTO_DIR, PHOTO_MAX_WIDTH, PHOTO_RECIPE_VERSION, PHOTO_VARIANTS, photoPath, variantFile, variantWidth, type PhotoRecord } from '#lib/images/photo-recipe.ts';
import { classifyDecodeError, decodeFailureText } from '#lib/images/decode-failure.ts';
import { assertInside } from '#lib/content/inside.ts';
import { formatProblem } from '#lib/content/problem.ts';
import { readYamlSource, type Position } from '#lib/content/source.ts';
import { IMAGE_EXTENSIONS } from '#schemas/context.ts';

const PHOTO_EXTENSIONS = new RegExp(`\\.(?:${IMAGE_EXTENSIONS.join('|')})$`, 'i');

/** Content-relative path (`units/a/staff/x.jpg`) → the processed photo. */
export type PhotoManifest = Record<string, PhotoRecord>;

export interface PhotoStepResult {
  /** Photos in the content folder. */
  photos: number;
  /** Photos decoded and encoded by this run. */
  processed: number;
  /** Photos whose files were already in the cache. */
  reused: number;
  /** Wall time of the whole step. */
  seconds: number;
}

interface SeenFile {
  size: number;
  mtimeMs: number;
  record: PhotoRecord;
}

/**
 * Where the processed files live: one cache for every content folder, since
 * files are named by content, in the project unless the photoCache option
 * says otherwise (the benchmark keeps its own, so that it can start cold
 * without emptying yours).
 */
export function photoCacheDir(root: string, setting?: string): string {
  return join(setting ?? join(root, 'node_modules', '.astro', 'siliang-photos'), `v${PHOTO_RECIPE_VERSION}`);
}

/** Staff photos of a content folder: image files under `units/<unit>/staff/`, content-relative with `/`. */
export async function staffPhotoFiles(contentDir: string): Promise<string[]> {
  const unitsDir = join(contentDir, 'units');
  if (!existsSync(unitsDir)) return [];
  const entries = await readdir(unitsDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && PHOTO_EXTENSIONS.test(e.name))
    .map((e) => relative(contentDir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((rel) => rel.split('/')[2] === 'staff')
    .sort();
}

async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  // A build killed half-way must not leave a truncated photo that later builds trust.
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
}

/**
 * The size a photo's largest variant will have: known from the file's
 * header alone (its dimensions and camera orientation), so that pages can
 * be rendered while the photo is still being made.
 */
export async function plannedRecord(bytes: Uint8Array, id: string): Promise<PhotoRecord> {
  const meta = await sharp(bytes, { failOn: 'none' }).metadata();
  if (!meta.width || !meta.height) throw new Error('读不出照片的尺寸');
  // EXIF orientations 5 to 8 turn the picture by 90°: width and height swap.
  const [w, h] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height];
  const width = Math.min(PHOTO_MAX_WIDTH, w);
  return { id, width, height: heightAt({ width: w, height: h }, width) };
}

/** Decodes one photo once and writes its variants, at the planned sizes, into the cache. */
export async function processPhoto(bytes: Uint8Array, record: PhotoRecord, cacheDir: string): Promise<PhotoRecord> {
  // rotate() applies the camera's orientation before the metadata is dropped;
  // flatten() because a JPEG has no transparency; sRGB because a CMYK scan
  // would otherwise come out as four channels. The exact planned size (fill)
  // keeps the files and the pages' width and height attributes in step.
  // failOn 'error': a photo cut short in copying is refused, not published
  // half grey (as the checker refuses other pictures; a camera's harmless
  // warnings pass).
  const { id } = record;
  const { data, info } = await sharp(bytes, { failOn: 'error' })
    .rotate()
    .resize({ width: record.width, height: record.height, fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  await mkdir(join(cacheDir, id.slice(0, 2)), { recursive: true });
  for (const variant of PHOTO_VARIANTS) {
    let pipeline = sharp(data, raw);
    const width = variantWidth(record, variant);
    if (width < info.width) pipeline = pipeline.resize({ width, height: heightAt(record, width), fit: 'fill' });
    // WebP at effort 2: half the time of the default 4, for files a few per cent larger.
    pipeline = variant.format === 'jpg' ? pipeline.jpeg({ quality: variant.quality }) : pipeline.webp({ quality: variant.quality, effort: 2 });
    const out = await pipeline.toBuffer();
    // sharp writes no metadata unless asked; checked once here, so the
    // output scan need not read tens of thousands of photos again.
    if (findMetadata(out).length > 0) throw new Error(`处理后的照片仍带有拍摄信息：${id}`);
    await writeAtomically(join(cacheDir, variantFile(id, variant)), out);
  }
  return record;
}

function cached(cacheDir: string, id: string): boolean {
  return PHOTO_VARIANTS.every((v) => existsSync(join(cacheDir, variantFile(id, v))));
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface PhotoStepRequest {
  contentDir: string;
  /** The cache of processed photos (photoCacheDir). */
  cacheDir: string;
  /** Where to write the manifest pages read. */
  manifestPath: string;
}

export interface PreparedPhotos {
  /** Every photo's record, ready for pages, before any photo is made. */
  manifest: PhotoManifest;
  /** Photos to make. */
  pending: number;
  /** Makes the pending photos; resolves with the step's figures. */
  finish: () => Promise<PhotoStepResult>;
}

/**
 * Works out every photo's identity and size, and writes the manifest pages
 * read; making the files that are not in the cache yet is left to
 * `finish()`, so that a build can render pages meanwhile (libvips works on
 * other threads than Astro's). A photo that cannot be read fails the step
 * with its file named; the content checker reports such photos before a
 * build gets here.
 */
export async function preparePhotos(request: PhotoStepRequest): Promise<PreparedPhotos> {
  const started = performance.now();
  const { cacheDir } = request;
  const seenPath = join(cacheDir, 'seen.json');
  let seen: Record<string, SeenFile> = {};
  try {
    seen = JSON.parse(readFileSync(seenPath, 'utf8')) as Record<string, SeenFile>;
  } catch {
    seen = {};
  }
  const files = await staffPhotoFiles(request.contentDir);
  const manifest: PhotoManifest = {};
  // The same photo under another name (a person moved between units) is not made twice.
  const byId = new Map(Object.values(seen).map((s) => [s.record.id, s.record]));
  const todo = new Map<string, { abs: string; rel: string; record: PhotoRecord }>();
  const fail = (rel: string, error: unknown) => new Error(photoFailure(request.contentDir, rel, error));
  await eachLimited(files, 8, async (rel) => {
    const abs = join(request.contentDir, rel);
    const { size, mtimeMs } = await stat(abs);
    const known = seen[abs];
    if (known && known.size === size && known.mtimeMs === mtimeMs && cached(cacheDir, known.record.id)) {
      manifest[rel] = known.record;
      return;
    }
    const bytes = await readFile(abs);
    const id = gitBlobHash(bytes);
    let record = byId.get(id);
    if (!record || !cached(cacheDir, id)) {
      try {
        record = todo.get(id)?.record ?? (await plannedRecord(bytes, id));
      } catch (error) {
        throw fail(rel, error);
      }
      // Only the path is kept: holding the bytes of tens of thousands of photos would take gigabytes.
      if (!todo.has(id)) todo.set(id, { abs, rel, record });
      byId.set(id, record);
    }
    seen[abs] = { size, mtimeMs, record };
    manifest[rel] = record;
  });
  // Forget files of this folder that are gone, so the record does not grow with every rename.
  const prefix = `${request.contentDir}${sep}`;
  const present = new Set(files.map((rel) => join(request.contentDir, rel)));
  for (const abs of Object.keys(seen)) if (abs.startsWith(prefix) && !present.has(abs)) delete seen[abs];
  await mkdir(dirname(request.manifestPath), { recursive: true });
  await writeAtomically(request.manifestPath, Buffer.from(JSON.stringify(manifest)));

  const finish = async (): Promise<PhotoStepResult> => {
    if (todo.size > 0) {
      // In a worker thread, so that sharp's share of each call on the calling
      // thread does not hold up the pages rendering on this one; libvips
      // spreads each photo over its own threads, a few in flight keep both cores busy.
      const outcome = await new Promise<{ done?: number; failed?: { rel: string; message: string } }>((resolve, reject) => {
        const worker = new Worker(new URL('./photo-worker.ts', import.meta.url), {
          workerData: { jobs: [...todo.values()], cacheDir, inFlight: Math.max(2, availableParallelism() * 2) },
        });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`照片处理线程意外退出（${code}）`))));
      });
      if (outcome.failed) throw fail(outcome.failed.rel, new Error(outcome.failed.message));
    }
    // Written only now: a file is "seen" once its photo is really in the cache.
    await mkdir(cacheDir, { recursive: true });
    await writeAtomically(seenPath, Buffer.from(JSON.stringify(seen)));
    return { photos: files.length, processed: todo.size, reused: files.length - todo.size, seconds: (performance.now() - started) / 1000 };
  };
  return { manifest, pending: todo.size, finish };
}

/**
 * Where a staff file names the photo `rel` (content-relative): the first
 * YAML file beside the photo whose `photo` field points at it.
 */
function photoReference(contentDir: string, rel: string): { file: string; position: Position } | undefined {
  const folder = posix.dirname(rel);
  let names: string[];
  try {
    names = readdirSync(join(contentDir, folder))
      .filter((n) => /\.ya?ml$/i.test(n))
      .sort();
  } catch {
    return undefined;
  }
  for (const name of names) {
    const file = `${folder}/${name}`;
    try {
      const source = readYamlSource(file, readFileSync(join(contentDir, file), 'utf8'));
      const photo = (source.data as { photo?: unknown } | undefined)?.photo;
      if (typeof photo === 'string' && photoPath(file, photo.trim()) === rel) return { file, position: source.locate(['photo']).position };
    } catch {
      continue;
    }
  }
  return undefined;
}

/**
 * A photo the step could not make, said as the checker says a problem: the
 * staff file and line that name it, what is wrong, how to fix it, in Chinese
 * (the build prints it after “构建失败：”).
 */
export function photoFailure(contentDir: string, rel: string, error: unknown): string {
  const { message, fix } = decodeFailureText(classifyDecodeError(error instanceof Error ? error.message : String(error)), rel);
  const at = photoReference(contentDir, rel);
  return formatProblem({
    severity: 'error',
    kind: 'bad-image',
    file: at?.file ?? rel,
    ...(at ? { line: at.position.line, column: at.position.column, field: 'photo', fieldTitle: '工作照' } : {}),
    message,
    fix,
  });
}

/** One photo on demand (`astro dev`, or a photo outside the staff folders): processed if not cached. */
export async function preparePhoto(contentDir: string, cacheDir: string, rel: string): Promise<PhotoRecord> {
  // A photo linked from outside the content folder is refused by the checker; this holds even for a build run without it.
  assertInside(contentDir, join(contentDir, rel), rel);
  const bytes = await readFile(join(contentDir, rel));
  const id = gitBlobHash(bytes);
  const record = await plannedRecord(bytes, id);
  return cached(cacheDir, id) ? record : processPhoto(bytes, record, cacheDir);
}

/**
 * Puts the files of every photo in the manifest into the built site's
 * `_photos/`, as hard links to the cache where the file system allows
 * (no copying of tens of thousands of files), as copies where it does not.
 */
export async function publishPhotos(manifest: PhotoManifest, cacheDir: string, siteDir: string, only?: ReadonlySet<string>): Promise<number> {
  const ids = [...new Set(Object.values(manifest).map((r) => r.id))].filter((id) => !only || only.has(id));
  const folders = new Set(ids.map((id) => id.slice(0, 2)));
  for (const folder of folders) await mkdir(join(siteDir, PHOTO_DIR, folder), { recursive: true });
  let files = 0;
  await eachLimited(ids, 16, async (id) => {
    for (const variant of PHOTO_VARIANTS) {
      const name = variantFile(id, variant);
      const from = join(cacheDir, name);
      const to = join(siteDir, PHOTO_DIR, name);
      try {
        await link(from, to);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        await copyFile(from, to);
      }
      files += 1;
    }
  });
  return files;
}

/**
 * The photos the built pages show, by id: read from every HTML file's
 * `/_photos/<id>-<width>` addresses. When a privacy tier keeps some staff
 * photos off the web, only these are published, so a photo no page shows
 * is not on the server to be found either.
 */
export async function photosShownIn(siteDir: string): Promise<Set<string>> {
  const shown = new Set<string>();
  const pattern = new RegExp(`/${PHOTO_DIR}/[0-9a-f]{2}/([0-9a-f]{40})-\\d+\\.(?:jpg|webp)`, 'g');
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const pages = entries.filter((e) => e.isFile() && /\.(?:html|json|js|css)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
  await eachLimited(pages, 16, async (file) => {
    for (const match of (await readFile(file, 'utf8')).matchAll(pattern)) shown.add(match[1] as string);
  });
  return shown;
}

/** The manifest a build wrote, for pages; empty when there is none yet. */
export function readPhotoManifest(path: string): PhotoManifest {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PhotoManifest;
  } catch {
    return {};
  }
}
