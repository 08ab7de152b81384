/**
 * Every setting of a build in one place: what it is for, its default, the
 * environment variable that sets it, and a strict Zod schema (as Astro's own
 * integrations have, e.g. @astrojs/sitemap's) that refuses a misspelt
 * option or a value that cannot be right, in Chinese, naming the option and
 * the environment variable or command-line flag it came from.
 *
 * The environment is read here and nowhere else. `npm run build` reads it
 * once, puts its command line over it and hands the result to the
 * integration (src/lib/build-signals.ts); `astro dev` and `astro build`
 * read it in astro.config.mjs; commands that need only the content folder,
 * the clock or the base path ask `environmentText`. Pages get what they
 * need from the build context (src/integration/context.ts).
 */
import { z } from 'astro/zod';
import { readClock } from './dates.ts';
import { DEFAULT_HOME_CARDS } from './directory.ts';
import { parsePrintSelection } from './print/selection.ts';
import { DEFAULT_SPLIT } from './search/groups.ts';

export type Env = Readonly<Record<string, string | undefined>>;

/** The environment variable of each option. Those before `checked` are documented for users in the README. */
export const SILIANG_ENV = {
  content: 'SILIANG_CONTENT',
  now: 'SILIANG_NOW',
  base: 'SILIANG_BASE',
  print: 'SILIANG_PRINT',
  searchSplit: 'SILIANG_SEARCH_SPLIT',
  homeCards: 'SILIANG_HOME_CARDS',
  checkAlongside: 'SILIANG_CHECK_ALONGSIDE',
  photoCache: 'SILIANG_PHOTO_CACHE',
  // Not for users: `npm run build` has checked this content folder already,
  // so the integration does not check it again (a test that builds content
  // the checker would refuse sets it too).
  checked: 'SILIANG_CHECKED',
  // Not for users: `npm run posters` builds for the printer (`print`), where
  // every unit's sheets show the whole staff board whatever its web privacy
  // tier; a published build is always `web`.
  audience: 'SILIANG_AUDIENCE',
} as const;

export type OptionName = keyof typeof SILIANG_ENV;

/** The options users set, in the order error messages list them. */
export const KNOWN_OPTIONS = ['content', 'now', 'base', 'print', 'searchSplit', 'homeCards', 'checkAlongside', 'photoCache'] as const satisfies readonly OptionName[];

/**
 * Defaults of the options that have one. The others are unset unless
 * given: `now` (the real clock, read once per build), `base` (site.yaml's),
 * `photoCache` (node_modules/.astro/siliang-photos in the project).
 */
export const OPTION_DEFAULTS = {
  content: 'content',
  print: 'all',
  searchSplit: DEFAULT_SPLIT,
  homeCards: DEFAULT_HOME_CARDS,
  // More than CHECK_ALONGSIDE_UNITS units (src/node/build.ts): checked while Astro builds.
  checkAlongside: 'auto',
} as const;

const path = z.string().trim().min(1);
// A number from code, or the digits of an environment variable.
const positiveInteger = z.union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().min(1));

export const siliangOptionsSchema = z.strictObject({
  /** The content folder; a relative path is taken from the current folder (the project root for `astro dev`). */
  content: path.default(OPTION_DEFAULTS.content),
  /** The build's clock: a date (that very day wherever the organisation is) or a full ISO time. */
  now: z
    .string()
    .trim()
    .refine((value) => readClock(value, 'UTC') !== undefined)
    .optional(),
  /** Serve under this base path instead of site.yaml's (previews). */
  base: z
    .string()
    .trim()
    .regex(/^[^\s?#]+$/)
    .refine((value) => !value.includes('://'))
    .optional(),
  /** Which units' print sheets are rendered: `all`, `none`, or unit ids (src/lib/print/selection.ts). */
  print: z
    .union([z.string(), z.array(z.string()).readonly()])
    .transform((value) => parsePrintSelection(typeof value === 'string' ? value : value.join(',')))
    .default(OPTION_DEFAULTS.print),
  /** Indexed pages above which the search index is split into groups (src/lib/search/groups.ts). */
  searchSplit: positiveInteger.default(OPTION_DEFAULTS.searchSplit),
  /** Units above which the home page lists kinds, each with a directory page (src/lib/directory.ts). */
  homeCards: positiveInteger.default(OPTION_DEFAULTS.homeCards),
  /** Check the content while Astro builds (`always`), before (`never`), or by the number of units (`auto`). */
  checkAlongside: z.enum(['auto', 'always', 'never']).default(OPTION_DEFAULTS.checkAlongside),
  /** Where processed staff photos are kept (src/integration/photos.ts); the benchmark keeps its own. */
  photoCache: path.optional(),
  /** The content folder `npm run build` has checked already (absolute). */
  checked: path.optional(),
  /** Who the build is for: the open web (privacy tiers apply), or the printer (src/lib/privacy/tiers.ts). */
  audience: z.enum(['web', 'print']).default('web'),
});

/** Options as given: in code, in astro.config.mjs, or read from the environment. */
export type SiliangOptionsInput = z.input<typeof siliangOptionsSchema>;
/** Options checked, with defaults filled in. */
export type SiliangOptions = z.output<typeof siliangOptionsSchema>;
/** Options given in code, where an option left out may also be written as undefined. */
export type OptionOverrides = { [K in keyof SiliangOptionsInput]?: SiliangOptionsInput[K] | undefined };

interface About {
  /** What the option is for. */
  meaning: string;
  /** What its value must be, after “应为”. */
  should: string;
  fix: string;
  /** The command-line flag of `npm run build` that sets it. */
  flag?: string;
}

const ABOUT: Record<OptionName, About> = {
  content: { meaning: '内容文件夹', should: '一个文件夹的路径', fix: '写内容文件夹的路径，如 ../qingxi-gongkai/content', flag: '--content' },
  now: {
    meaning: '构建时的“今天”，决定公示期和承诺是否逾期',
    should: '一个存在的日期',
    fix: '写成 2026-11-22 这样的日期，或 2026-11-22T08:00:00+08:00 这样的完整时间；不写则用当前时间',
    flag: '--now',
  },
  base: { meaning: '网站所在的路径', should: '网址里的一段路径', fix: '写成 /gongkai/ 这样的路径；不写则用 site.yaml 里的 base', flag: '--base' },
  print: {
    meaning: '生成哪些单位的打印页',
    should: 'all、none 或单位文件夹名',
    fix: '写 all（全部，默认）、none（不生成），或用英文逗号隔开的单位文件夹名，如 menzhen,huzheng',
    flag: '--print',
  },
  searchSplit: { meaning: '每个搜索索引最多的页面数', should: '正整数', fix: `写一个大于 0 的整数；不写则用默认值 ${DEFAULT_SPLIT}` },
  homeCards: { meaning: '首页最多列出的单位数', should: '正整数', fix: `写一个大于 0 的整数；不写则用默认值 ${DEFAULT_HOME_CARDS}` },
  checkAlongside: {
    meaning: '是否在生成网站的同时检查内容',
    should: 'always、never 或 auto',
    fix: '写 always（总是同时检查）、never（总是先检查再生成）或 auto（按单位多少决定，默认）',
  },
  photoCache: { meaning: '工作照缓存文件夹', should: '一个文件夹的路径', fix: '写一个文件夹的路径；不写则用项目里的 node_modules/.astro/siliang-photos' },
  checked: { meaning: '已经检查过的内容文件夹，构建脚本内部使用', should: '一个文件夹的路径', fix: '不要自己设置它' },
  audience: { meaning: '为网站还是为打印生成，导出海报的命令内部使用', should: 'web 或 print', fix: '不要自己设置它' },
};

/** A wrong option: `problems` holds one message per option, each naming it. */
export class OptionsError extends Error {
  problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'OptionsError';
    this.problems = problems;
  }
}

const isOption = (name: string): name is OptionName => Object.hasOwn(SILIANG_ENV, name);

/** Edit distance, for suggesting the option a misspelt one meant. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length] as number;
}

function unknownOption(key: string): string {
  const lower = key.toLowerCase();
  const near = KNOWN_OPTIONS.map((name) => ({ name, d: name.toLowerCase() === lower ? 0 : distance(lower, name.toLowerCase()) })).sort((a, b) => a.d - b.d)[0];
  const guess = near && near.d <= Math.max(2, Math.floor(key.length / 4)) ? `（是不是 ${near.name}？）` : '';
  return `不认识的选项“${key}”${guess}。认识的选项：${KNOWN_OPTIONS.join('、')}。修改：改成其中一个，或删掉它`;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function wrongValue(name: OptionName, value: unknown, fromEnv: boolean): string {
  const about = ABOUT[name];
  const env = SILIANG_ENV[name];
  // A space between Chinese and Latin words, as the README writes them.
  const should = `应为${/^[A-Za-z]/.test(about.should) ? ' ' : ''}${about.should}`;
  const where = fromEnv
    ? `环境变量 ${env} ${should}（选项 ${name}：${about.meaning}）`
    : `选项 ${name}${about.flag ? `（命令行 ${about.flag}）` : ' '}${should}（${about.meaning}；也可用环境变量 ${env} 设置）`;
  return `${where}，现在是“${shown(value)}”。修改：${about.fix}`;
}

/**
 * Checks options and fills in defaults. `fromEnv` names the options whose
 * values came from the environment, so that a message names the variable
 * to change. Throws an OptionsError naming every wrong option.
 */
export function parseSiliangOptions(input: unknown, fromEnv: ReadonlySet<OptionName> = new Set()): SiliangOptions {
  if (input === undefined) input = {};
  const parsed = siliangOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const name = issue.path[0];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.set(key, unknownOption(key));
    } else if (typeof name === 'string' && isOption(name)) {
      problems.set(name, wrongValue(name, (input as Record<string, unknown>)[name], fromEnv.has(name)));
    } else {
      problems.set('', `Siliang 的选项应写成一个对象，如 { searchSplit: 1500 }，现在是“${shown(input)}”`);
    }
  }
  throw new OptionsError([...problems.values()]);
}

/** The text of one option's environment variable; unset when missing or blank. */
export function environmentText(name: OptionName, env: Env = process.env): string | undefined {
  const value = env[SILIANG_ENV[name]];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * The options of a build: those given in `overrides` (a command line),
 * else the environment's, else the defaults; checked as a whole.
 */
export function readSiliangOptions(overrides: OptionOverrides = {}, env: Env = process.env): SiliangOptions {
  const input: Record<string, unknown> = {};
  const fromEnv = new Set<OptionName>();
  for (const name of Object.keys(SILIANG_ENV) as OptionName[]) {
    const text = environmentText(name, env);
    if (text === undefined) continue;
    input[name] = text;
    fromEnv.add(name);
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    input[name] = value;
    if (isOption(name)) fromEnv.delete(name);
  }
  return parseSiliangOptions(input, fromEnv);
}

/**
 * Variables that are no options but hooks for tests, read where they act,
 * listed here so that this file names every SILIANG_ variable the build
 * reads: where the checker keeps its record of decoded pictures
 * (src/lib/images/decode.ts), and a point at which a build kills itself
 * (src/node/output.ts).
 */
export const TEST_HOOK_ENV = {
  imageCheckCache: 'SILIANG_IMAGE_CHECK_CACHE',
  killAt: 'SILIANG_TEST_KILL_AT',
} as const;

/** The value of a test hook; unset when missing or blank. */
export function testHook(name: keyof typeof TEST_HOOK_ENV, env: Env = process.env): string | undefined {
  const value = env[TEST_HOOK_ENV[name]];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Environment variables Vite takes as its own (import.meta.env) and lets
 * the environment override: a BASE_URL left there (Vitest and some CI
 * systems set one) would replace the configured base in page code.
 */
export const VITE_RESERVED_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'];

/** Removes them, before Astro starts Vite; the base comes from site.yaml or the `base` option. */
export function dropViteReservedEnv(env: Record<string, string | undefined> = process.env): void {
  for (const key of VITE_RESERVED_ENV) delete env[key];
}
