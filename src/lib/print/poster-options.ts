/**
 * The options of `npm run posters`, checked before anything slow starts
 * (finding Chromium, building the site, exporting): a typo must end the run
 * at once with a message that says what is accepted, never export nothing
 * and report success. Messages are in Chinese for the people who print the
 * boards, with the English beside them for whoever maintains the machine.
 */
import { FORMATS, PAPER, type FormatId, type PaperSize } from './formats.ts';

export const THEMES = ['red', 'blue', 'mono'] as const;
export type PrintTheme = (typeof THEMES)[number];

/** What `--unit` takes for the organisation's own sheets (its supervision poster), which belong to no unit. */
export const SITE_UNIT = 'site';

/** The options as `parseArgs` hands them over: strings, not yet checked. */
export interface RawPosterOptions {
  unit?: string[] | undefined;
  format?: string[] | undefined;
  size?: string[] | undefined;
  theme?: string | undefined;
  jobs?: string | undefined;
}

/** The options once checked: only what was given, each a known value. */
export interface PosterOptions {
  units?: string[];
  formats?: FormatId[];
  sizes?: PaperSize[];
  theme?: PrintTheme;
  jobs?: number;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const list = (values: readonly string[], zh: boolean) => values.join(zh ? '、' : ', ');

/**
 * `--jobs`: how many pages are exported at once. Only a whole number of at
 * least 1 is accepted, written in digits: `Number('abc')` is NaN and
 * `Number('')` is 0, and either would start no workers at all.
 */
export function parseJobs(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (Number.isSafeInteger(value) && value >= 1) return { ok: true, value };
  return {
    ok: false,
    error: `--jobs 要写一个正整数（同时导出几页，例如 --jobs 2），不能是“${text}”。(--jobs must be a whole number of 1 or more, got "${text}".)`,
  };
}

/** Checks everything that can be checked without the content: formats, sizes, theme and jobs. */
export function checkPosterOptions(raw: RawPosterOptions): Checked<PosterOptions> {
  const errors: string[] = [];
  const value: PosterOptions = {};
  const formats = Object.keys(FORMATS);
  const sizes = Object.keys(PAPER);
  for (const f of raw.format ?? []) {
    if (!formats.includes(f)) errors.push(`不认识的格式“${f}”。可选：${list(formats, true)}。(Unknown format "${f}". Valid formats: ${list(formats, false)}.)`);
  }
  for (const s of raw.size ?? []) {
    if (!sizes.includes(s)) errors.push(`不认识的纸张“${s}”。可选：${list(sizes, true)}。(Unknown paper size "${s}". Valid sizes: ${list(sizes, false)}.)`);
  }
  if (raw.theme !== undefined && !(THEMES as readonly string[]).includes(raw.theme)) {
    errors.push(`配色只能是 ${list(THEMES, true)}，不能是“${raw.theme}”。(The theme must be one of ${list(THEMES, false)}, got "${raw.theme}".)`);
  }
  if (raw.jobs !== undefined) {
    const jobs = parseJobs(raw.jobs);
    if (jobs.ok) value.jobs = jobs.value;
    else errors.push(jobs.error);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (raw.unit?.length) value.units = [...raw.unit];
  if (raw.format?.length) value.formats = raw.format as FormatId[];
  if (raw.size?.length) value.sizes = raw.size as PaperSize[];
  if (raw.theme !== undefined) value.theme = raw.theme as PrintTheme;
  return { ok: true, value };
}

/**
 * Checks `--unit` against the units there are (`known`: unit folder names,
 * `site` added here). A name not among them is an error that lists every
 * valid one, so that a typo such as `--unit menzen` is caught instead of
 * exporting nothing.
 */
export function checkUnits(requested: readonly string[] | undefined, known: readonly string[]): string[] {
  const valid = [...new Set(known)].sort();
  valid.push(SITE_UNIT);
  const unknown = [...new Set(requested ?? [])].filter((u) => !valid.includes(u));
  if (unknown.length === 0) return [];
  const names = unknown.map((u) => `“${u}”`).join('、');
  const english = unknown.map((u) => `"${u}"`).join(', ');
  return [
    `没有叫 ${names} 的单位。--unit 要写单位文件夹的名字（units/ 下面的文件夹），可选：${list(valid, true)}（${SITE_UNIT} 是本机构自己的监督公示牌）。` +
      `(No unit ${english}. --unit takes a unit folder name under units/; valid units: ${list(valid, false)} ("${SITE_UNIT}" is the organisation's own supervision poster).)`,
  ];
}
