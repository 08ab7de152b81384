/**
 * One size of the scale benchmark: a generated organisation of N units,
 * built cold and measured (time, peak memory of the whole process tree,
 * photos, Pagefind, output), compared with a bare Astro site of the same
 * page count, then weighed page by page, searched in Chromium, partly
 * exported to PDF, played on a hall screen, and rebuilt after one
 * procedure changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import matter from 'gray-matter';
import { buildFloor, writeFloorProject } from './floor.ts';
import { measureKioskMemory } from './kiosk.ts';
import { measureCommand } from './process.ts';
import { measureSearch, type QueryFigures } from './search.ts';
import { SCOPE_PARAM } from '#lib/search/groups.ts';
import { measureWeight, type SiteWeight } from './weight.ts';
import { fingerprintOutput, uploadFor, type UploadFigures } from './upload.ts';
import { exportPosters } from '../posters.ts';
import type { StepFigures } from '#lib/build-signals.ts';
import { SILIANG_ENV } from '#lib/options.ts';

export interface ScaleFigures {
  units: number;
  print: 'all' | 'none';
  generated: { seconds: number | null; files: number; photos: number; bytes: number };
  build: { pages: number; seconds: number; pagesPerSecond: number; peakBytes: number; photos: StepFigures['photos']; search: StepFigures['search'] };
  floor: { pages: number; seconds: number; pagesPerSecond: number; peakBytes: number };
  /** Siliang's build time over the floor's. */
  ratio: number;
  pagefind: { files: number; bytes: number; seconds: number; pages: number };
  output: { files: number; bytes: number };
  weight: SiteWeight;
  /**
   * From a unit's page (its search box passes the unit's group on a split
   * site: how a citizen who scanned a window's QR code searches), and the
   * first query on the search page across every unit.
   */
  search: { first: QueryFigure; repeat: QueryFigure; scope?: string; wholeSite?: QueryFigure } | { error: string };
  posters: { units: number; pages: number; files: number; seconds: number; pagesPerSecond: number } | { error: string };
  kiosk: { screen: string; heapFirst: number; heapLast: number; transitions: number; swaps: number } | { error: string };
  rebuild: { seconds: number; photosProcessed: number; changed: string; peakBytes: number; upload?: UploadFigures };
}

interface QueryFigure {
  query: string;
  requests: number;
  gzipBytes: number;
  ms: number;
  results: number;
}

export interface ScaleRequest {
  units: number;
  root: string;
  /** Working folder for generated content, sites and caches. */
  workDir: string;
  chromiumPath: string;
  chromiumArgs: string[];
  photoSize?: string;
  now: string;
  log: (line: string) => void;
  /** Units whose print sheets are exported to PDF (the first ones). */
  posterUnits?: number;
  /** Print sheets to render (npm run build --print): all by default; a province builds with none. */
  print?: 'all' | 'none';
}

function sizeOf(dir: string): { files: number; bytes: number; names: string[] } {
  let bytes = 0;
  const names: string[] = [];
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, f));
    if (s.isFile()) {
      names.push(f);
      bytes += s.size;
    }
  }
  return { files: names.length, bytes, names };
}

/** A fingerprint of the generator's code: generated content is reused only while the generator is unchanged. */
function generatorVersion(root: string): string {
  const hash = createHash('sha256');
  const dir = join(root, 'src', 'tools', 'gen');
  const files = existsSync(dir)
    ? readdirSync(dir)
        .sort()
        .map((f) => join(dir, f))
    : [];
  for (const f of [...files, join(root, 'src', 'node', 'gen.ts'), join(root, 'src', 'tools', 'portrait.ts'), join(root, 'src', 'tools', 'hash.ts')])
    if (existsSync(f)) hash.update(readFileSync(f));
  return hash.digest('hex').slice(0, 16);
}

/** Generates the organisation for `request.units` into `dir` unless the same generator already did; seconds taken, or null when reused. */
export async function generate(request: Pick<ScaleRequest, 'units' | 'root' | 'photoSize'>, dir: string): Promise<number | null> {
  const stampFile = `${dir}.json`;
  const stamp = JSON.stringify({ units: request.units, photoSize: request.photoSize ?? null, generator: generatorVersion(request.root) });
  if (existsSync(dir) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return null;
  rmSync(dir, { recursive: true, force: true });
  rmSync(stampFile, { force: true });
  const { generateOrganisation } = await import('../gen.ts');
  const started = performance.now();
  await generateOrganisation({ units: request.units, outDir: dir, ...(request.photoSize ? { photoSize: request.photoSize } : {}) });
  writeFileSync(stampFile, stamp);
  return (performance.now() - started) / 1000;
}

async function build(request: ScaleRequest, content: string, out: string, figuresFile: string, photoCache: string) {
  const measured = await measureCommand(
    process.execPath,
    [join(request.root, 'scripts', 'build.ts'), '--content', content, '--out', out, '--now', request.now, '--quiet', '--figures', figuresFile, '--print', request.print ?? 'all'],
    {
      cwd: request.root,
      env: { ...process.env, [SILIANG_ENV.photoCache]: photoCache },
    },
  );
  if (measured.code !== 0) throw new Error(`构建失败（退出码 ${measured.code}）：\n${measured.stderr.slice(-3000)}${measured.stdout.slice(-2000)}`);
  const figures = JSON.parse(readFileSync(figuresFile, 'utf8')) as { pages: number; seconds: number; steps: StepFigures };
  return { ...figures, wall: measured.seconds, peakBytes: measured.peakBytes };
}

/** The group a unit's search box searches, when the site's index is split. */
function scopeOfUnit(siteDir: string, unit: string): string | undefined {
  const html = readFileSync(join(siteDir, 'units', unit, 'index.html'), 'utf8');
  return new RegExp(`name="${SCOPE_PARAM}" value="([^"]+)"`).exec(html)?.[1];
}

/** Two queries a citizen of this organisation might type: procedure titles from the first and the last unit. */
function queriesFor(content: string, units: readonly string[]): [string, string] {
  const title = (unit: string) => {
    const dir = join(content, 'units', unit, 'procedures');
    const file = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()[0] as string;
    const data = matter(readFileSync(join(dir, file), 'utf8')).data as { title?: string; name?: string };
    return String(data.title ?? data.name ?? '办理');
  };
  return [title(units[0] as string), title(units.at(-1) as string)];
}

export async function benchScale(request: ScaleRequest): Promise<ScaleFigures> {
  const { units, log } = request;
  const work = resolve(request.workDir);
  mkdirSync(work, { recursive: true });
  const content = join(work, `gen-${units}`);
  log(`生成 ${units} 个单位的内容……`);
  const genSeconds = await generate(request, content);
  const contentSize = sizeOf(content);
  const photoCount = contentSize.names.filter((f) => /staff[\\/][^\\/]+\.jpe?g$/i.test(f)).length;

  // Cold: no processed photos, no Astro content-layer cache for this folder.
  const photoCache = join(work, 'photo-cache');
  rmSync(photoCache, { recursive: true, force: true });
  const digest = createHash('sha256').update(content).digest('hex').slice(0, 10);
  rmSync(join(request.root, 'node_modules', '.astro', `siliang-${digest}`), { recursive: true, force: true });
  const out = join(work, `site-${units}`);
  log('构建（冷启动）……');
  const cold = await build(request, content, out, join(work, `figures-${units}.json`), photoCache);

  log(`裸 Astro 对照（${cold.pages} 个页面）……`);
  const floorDir = join(work, `floor-${units}`);
  writeFloorProject(floorDir, cold.pages, request.root);
  const floor = await buildFloor(floorDir, request.root);
  if (floor.code !== 0) throw new Error(`裸 Astro 构建失败：${floor.stderr.slice(-2000)}`);
  const floorPages = readdirSync(join(floorDir, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
  rmSync(join(floorDir, 'dist'), { recursive: true, force: true });

  log('页面体积……');
  const weight = measureWeight(out);
  // The weighing pass has already listed every output file: 284,000 of them at 3,500 units.
  const output = { files: weight.files, bytes: weight.bytes };
  const pagefind = sizeOf(join(out, 'pagefind'));

  // The unit folders, in order: the first unit's pages, the first units' posters, the procedure changed.
  const unitIds = readdirSync(join(content, 'units')).sort();

  log('搜索（Chromium）……');
  let search: ScaleFigures['search'];
  try {
    const [q1, q2] = queriesFor(content, unitIds);
    const pick = (q: QueryFigures) => ({ query: q.query, requests: q.requests, gzipBytes: q.gzipBytes, ms: q.ms, results: q.results });
    const scope = scopeOfUnit(out, unitIds[0] as string);
    const s = await measureSearch({
      siteDir: out,
      chromiumPath: request.chromiumPath,
      args: request.chromiumArgs,
      queries: [q1, q2],
      ...(scope ? { page: `search/?${SCOPE_PARAM}=${scope}` } : {}),
    });
    search = { first: pick(s.queries[0] as QueryFigures), repeat: pick(s.queries[1] as QueryFigures) };
    if (scope) {
      const all = await measureSearch({ siteDir: out, chromiumPath: request.chromiumPath, args: request.chromiumArgs, queries: [q1] });
      search = { ...search, scope, wholeSite: pick(all.queries[0] as QueryFigures) };
    }
  } catch (error) {
    search = { error: error instanceof Error ? error.message : String(error) };
  }

  const posterUnits = Math.min(request.posterUnits ?? 5, units);
  let posters: ScaleFigures['posters'];
  if (request.print === 'none') posters = { error: '这次构建没有生成打印页（--print none）' };
  else
    try {
      log(`海报导出（前 ${posterUnits} 个单位）……`);
      const posterIds = unitIds.slice(0, posterUnits);
      const pdfDir = join(work, `posters-${units}`);
      rmSync(pdfDir, { recursive: true, force: true });
      const exported = await exportPosters({ siteDir: out, base: '/', outDir: pdfDir, units: posterIds, executablePath: request.chromiumPath });
      rmSync(pdfDir, { recursive: true, force: true });
      posters = { units: posterUnits, pages: exported.pdfPages, files: exported.files.length, seconds: exported.seconds, pagesPerSecond: exported.pdfPages / exported.seconds };
    } catch (error) {
      posters = { error: error instanceof Error ? error.message : String(error) };
    }

  log('大厅显示屏内存……');
  let kiosk: ScaleFigures['kiosk'];
  try {
    const screen = (
      readdirSync(join(content, 'screens'))
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()[0] as string
    ).replace(/\.ya?ml$/, '');
    const k = await measureKioskMemory({
      siteDir: out,
      screen,
      viewport: { width: 1920, height: 1080 },
      chromiumPath: request.chromiumPath,
      args: request.chromiumArgs,
      checkpoints: [100, 1000],
      start: '2026-11-23T07:00:00+08:00',
    });
    const first = k.samples[0];
    const last = k.samples.at(-1);
    kiosk = { screen, heapFirst: first?.heapBytes ?? 0, heapLast: last?.heapBytes ?? 0, transitions: last?.transitions ?? 0, swaps: k.swaps };
  } catch (error) {
    kiosk = { error: error instanceof Error ? error.message : String(error) };
  }

  // A publicity officer corrects one procedure: the whole site is rebuilt, no photo should be.
  const unitDir = join(content, 'units', unitIds[0] as string, 'procedures');
  const changedFile = join(
    unitDir,
    readdirSync(unitDir)
      .filter((f) => f.endsWith('.md'))
      .sort()[0] as string,
  );
  const original = readFileSync(changedFile, 'utf8');
  log('改一个办事指南后重新构建……');
  let rebuild: ScaleFigures['rebuild'];
  try {
    const before = await fingerprintOutput(realpathSync(out));
    writeFileSync(changedFile, `${original.trimEnd()}\n\n办理过程中如有疑问，可当场向窗口负责人咨询。\n`);
    const again = await build(request, content, out, join(work, `figures-${units}-rebuild.json`), photoCache);
    // What a sync to an object store or CDN would upload for this one change.
    const upload = uploadFor(before, await fingerprintOutput(realpathSync(out)));
    rebuild = { seconds: again.wall, photosProcessed: again.steps.photos?.processed ?? 0, changed: changedFile.slice(content.length + 1), peakBytes: again.peakBytes, upload };
  } finally {
    writeFileSync(changedFile, original);
  }

  return {
    units,
    print: request.print ?? 'all',
    generated: { seconds: genSeconds, files: contentSize.files, photos: photoCount, bytes: contentSize.bytes },
    build: { pages: cold.pages, seconds: cold.wall, pagesPerSecond: cold.pages / cold.wall, peakBytes: cold.peakBytes, photos: cold.steps.photos, search: cold.steps.search },
    floor: { pages: floorPages, seconds: floor.seconds, pagesPerSecond: floorPages / floor.seconds, peakBytes: floor.peakBytes },
    ratio: cold.wall / floor.seconds,
    pagefind: { ...pagefind, seconds: cold.steps.search?.seconds ?? 0, pages: cold.steps.search?.pages ?? 0 },
    output,
    weight,
    search,
    posters,
    kiosk,
    rebuild,
  };
}
