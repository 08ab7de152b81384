/**
 * Render illustrated staff portraits (see src/tools/portrait.ts).
 *
 *   node scripts/make-portraits.ts --seed zhang-xiaoming --attire white-coat \
 *     [--presentation f|m] [--background blue|white|grey] [--width 600 --height 800] \
 *     [--quality 82] --out content/units/x/staff/zhang-xiaoming.jpg
 *
 *   node scripts/make-portraits.ts --manifest portraits.json
 *
 * The manifest is a JSON array of { seed, attire, presentation?, background?,
 * width?, height?, out }. Relative `out` paths are resolved against the
 * current directory. The output format follows the extension: .jpg/.jpeg
 * gives JPEG, .png gives PNG.
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ATTIRES,
  describePortrait,
  PORTRAIT_BACKGROUNDS,
  PRESENTATIONS,
  renderPortrait,
  type Attire,
  type PortraitBackground,
  type Presentation,
  type RenderPortraitOptions,
} from '#tools/portrait.ts';

const USAGE = `用法 / Usage:
  node scripts/make-portraits.ts --seed <种子> --attire <服装> --out <文件.jpg|.png>
      [--presentation f|m] [--background blue|white|grey]
      [--width 600] [--height 800] [--quality 82]
  node scripts/make-portraits.ts --manifest <清单.json>

  服装 / attire: ${ATTIRES.join(' | ')}
  清单 / manifest: JSON 数组 / JSON array of
      { "seed", "attire", "presentation"?, "background"?, "width"?, "height"?, "out" }
  相对路径按当前目录解析 / relative "out" paths resolve against the current directory.`;

/** A problem with what the user asked for: print it with the usage text. */
class UsageError extends Error {}

interface Job {
  options: RenderPortraitOptions;
  out: string;
}

function formatFor(out: string): 'jpeg' | 'png' {
  const ext = extname(out).toLowerCase();
  if (ext === '.jpg' || ext === '.jpeg') return 'jpeg';
  if (ext === '.png') return 'png';
  throw new UsageError(`输出文件须为 .jpg 或 .png / output must end in .jpg, .jpeg or .png: ${out}`);
}

function pickFrom<T extends string>(value: unknown, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${name} 取值无效 / invalid ${name}: ${JSON.stringify(value)} (${allowed.join(' | ')})`);
}

function integer(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isInteger(number) && number > 0) return number;
  throw new UsageError(`${name} 须为正整数 / ${name} must be a positive integer: ${JSON.stringify(value)}`);
}

/** Build one job from loosely typed input (command line or manifest entry). */
function makeJob(input: Record<string, unknown>, where: string): Job {
  const { seed, out } = input;
  if (typeof seed !== 'string' || seed === '') throw new UsageError(`${where}缺少 seed / missing seed`);
  if (typeof out !== 'string' || out === '') throw new UsageError(`${where}缺少 out / missing out`);
  const attire = pickFrom<Attire>(input['attire'], ATTIRES, 'attire');
  if (attire === undefined) throw new UsageError(`${where}缺少 attire / missing attire`);

  const options: RenderPortraitOptions = { seed, attire, format: formatFor(out) };
  const presentation = pickFrom<Presentation>(input['presentation'], PRESENTATIONS, 'presentation');
  if (presentation !== undefined) options.presentation = presentation;
  const background = pickFrom<PortraitBackground>(input['background'], PORTRAIT_BACKGROUNDS, 'background');
  if (background !== undefined) options.background = background;
  const width = integer(input['width'], 'width');
  if (width !== undefined) options.width = width;
  const height = integer(input['height'], 'height');
  if (height !== undefined) options.height = height;
  const quality = integer(input['quality'], 'quality');
  if (quality !== undefined) {
    if (quality > 100) throw new UsageError(`${where}quality 须在 1–100 / quality must be 1–100: ${quality}`);
    options.quality = quality;
  }
  try {
    describePortrait(options); // validates sizes and the rest before any work
  } catch (error) {
    throw new UsageError(`${where}${(error as Error).message}`);
  }
  return { options, out: resolve(out) };
}

async function readManifest(file: string): Promise<Job[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`无法读取清单 / cannot read manifest ${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new UsageError('清单须为 JSON 数组 / manifest must be a JSON array');
  return data.map((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new UsageError(`第 ${index + 1} 项不是对象 / entry ${index + 1} is not an object`);
    }
    return makeJob(entry as Record<string, unknown>, `第 ${index + 1} 项 / entry ${index + 1}: `);
  });
}

async function jobsFromArgs(argv: string[]): Promise<Job[] | 'help'> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        seed: { type: 'string' },
        attire: { type: 'string' },
        presentation: { type: 'string' },
        background: { type: 'string' },
        width: { type: 'string' },
        height: { type: 'string' },
        quality: { type: 'string' },
        out: { type: 'string' },
        manifest: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return 'help';
  if (values.manifest !== undefined) {
    const others = Object.keys(values).filter((key) => key !== 'manifest');
    if (others.length > 0) {
      throw new UsageError(`--manifest 不能与其他参数同用 / --manifest cannot be combined with --${others.join(', --')}`);
    }
    return readManifest(values.manifest);
  }
  if (argv.length === 0) throw new UsageError('缺少参数 / no arguments given');
  return [makeJob(values, '')];
}

async function main(): Promise<number> {
  let jobs: Job[] | 'help';
  try {
    jobs = await jobsFromArgs(process.argv.slice(2));
    if (jobs === 'help') {
      console.log(USAGE);
      return 0;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`错误 / error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }

  const started = performance.now();
  for (const job of jobs) {
    try {
      const image = await renderPortrait(job.options);
      await mkdir(dirname(job.out), { recursive: true });
      await writeFile(job.out, image);
    } catch (error) {
      console.error(`错误 / error: ${job.out}: ${(error as Error).message}`);
      return 3;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const where = jobs.length === 1 && jobs[0] ? jobs[0].out : `${jobs.length} 张 / portraits`;
  console.log(`已生成 / wrote ${where} (${seconds.toFixed(2)} s)`);
  return 0;
}

process.exitCode = await main();
