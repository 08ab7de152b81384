/**
 * Type sizes measured from exported PDFs, not assumed from the CSS: every
 * run of text pdf.js finds on a page, with its size in points (the length
 * of the text matrix's vertical vector, so a face turned upside down on a
 * desk card measures the same) and its position. Used by the print tests
 * (which assert each format's minimum, src/lib/print/type-scale.ts) and by
 * `npm run bench` (which prints the share of characters at each size).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import type { FormatId, PaperSize } from '#lib/print/formats.ts';
import { typeScale } from '#lib/print/type-scale.ts';
import { exportPosters, type Manifest } from '../posters.ts';

export interface TextRun {
  /** The run's text as pdf.js reads it (Chromium writes a run per line piece, often per word). */
  str: string;
  /** Font size in pt, to a tenth. */
  pt: number;
  /** Baseline origin in pt from the page's lower left corner. */
  x: number;
  y: number;
  /** 1-based page number. */
  page: number;
}

/** Every non-blank run of text of a PDF, page by page. */
export async function textRuns(bytes: Uint8Array): Promise<TextRun[][]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const pdf = await task.promise;
  const pages: TextRun[][] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
        runs.push({ str: item.str, pt: Math.round(Math.hypot(c, d) * 10) / 10, x, y, page: n });
      }
      pages.push(runs);
    }
  } finally {
    await task.destroy();
  }
  return pages;
}

export async function textRunsOfFile(file: string): Promise<TextRun[][]> {
  return textRuns(new Uint8Array(await readFile(file)));
}

/** Characters that are not white space. */
export function visibleChars(text: string): number {
  return [...text.replace(/\s/gu, '')].length;
}

export interface TypeFigures {
  /** Characters measured. */
  chars: number;
  /** Characters per size (pt, to a half point), largest size first. */
  bySize: Array<{ pt: number; chars: number; share: number }>;
  /** The smallest size found, pt, and a run set in it. */
  smallest: { pt: number; text: string };
}

/** How many characters are set at each size in these runs. */
export function typeFigures(runs: readonly TextRun[]): TypeFigures {
  const counts = new Map<number, number>();
  let chars = 0;
  let smallest = { pt: Number.POSITIVE_INFINITY, text: '' };
  for (const run of runs) {
    const n = visibleChars(run.str);
    const size = Math.round(run.pt * 2) / 2;
    counts.set(size, (counts.get(size) ?? 0) + n);
    chars += n;
    if (run.pt < smallest.pt) smallest = { pt: run.pt, text: run.str.trim().slice(0, 30) };
  }
  const bySize = [...counts].sort(([a], [b]) => b - a).map(([pt, n]) => ({ pt, chars: n, share: chars ? n / chars : 0 }));
  return { chars, bySize, smallest };
}

/** Share of characters set below `pt`. */
export function shareBelow(figures: TypeFigures, pt: number): number {
  return figures.bySize.filter((s) => s.pt < pt - 1e-9).reduce((sum, s) => sum + s.share, 0);
}

export type TextRole = 'heading' | 'body' | 'caption';

/** Text without white space, as runs and HTML are compared: pdf.js and the HTML space runs differently. */
const bare = (s: string) => s.replace(/\s+/gu, '');

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4']);
const UNPRINTED = new Set(['script', 'style', 'template', 'title', 'head']);

/**
 * The pieces of text of a print page (one per text node, without white
 * space) by the role the fitting script gives them (src/scripts/print-fit.ts
 * `belowMinimum`): a caption inside `[data-caption]`, a heading inside
 * h1–h4 or `[data-heading]`, body text otherwise. The screen-only toolbar
 * and what never prints are left out.
 */
export function textRoles(html: string): Record<TextRole, string[]> {
  const roles: Record<TextRole, string[]> = { heading: [], body: [], caption: [] };
  // For each open element: does it start a heading, a caption, or text that is not printed?
  const stack: Array<{ heading: boolean; caption: boolean; skip: boolean }> = [];
  const inside = (key: 'heading' | 'caption' | 'skip') => stack.some((e) => e[key]);
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push({
          heading: HEADINGS.has(name) || 'data-heading' in attrs,
          caption: 'data-caption' in attrs,
          skip: UNPRINTED.has(name) || (attrs.class ?? '').split(/\s+/u).includes('toolbar'),
        });
      },
      onclosetag() {
        stack.pop();
      },
      ontext(text) {
        const piece = bare(text);
        if (!piece || inside('skip')) return;
        roles[inside('caption') ? 'caption' : inside('heading') ? 'heading' : 'body'].push(piece);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return roles;
}

/**
 * The role of a run of PDF text: the one role with a piece that is exactly
 * the run's text, else the one role whose pieces contain it; undefined when
 * none does (text the page's script wrote, a run across elements) or
 * several do (a short run such as one character).
 */
export function roleOfRun(run: TextRun, roles: Record<TextRole, string[]>): TextRole | undefined {
  const text = bare(run.str);
  if (!text) return undefined;
  const all = Object.keys(roles) as TextRole[];
  const exact = all.filter((role) => roles[role].includes(text));
  if (exact.length === 1) return exact[0];
  const found = all.filter((role) => roles[role].some((piece) => piece.includes(text)));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Consecutive runs on one baseline at one size joined into one: Chromium
 * cuts a line into runs at font subsets and letter spacing (a spaced-out
 * name on a desk card comes as one run per character), which alone would
 * match text of any role.
 */
export function joinLines(runs: readonly TextRun[]): TextRun[] {
  const lines: TextRun[] = [];
  for (const run of runs) {
    const last = lines.at(-1);
    if (last && last.page === run.page && last.pt === run.pt && Math.abs(last.y - run.y) < 0.5) last.str += run.str;
    else lines.push({ ...run });
  }
  return lines;
}

export interface FormatFigures extends TypeFigures {
  format: string;
  size: string;
  /** The smallest size of a run read as heading text and as body text (roleOfRun), pt; undefined when none was. */
  smallestHeading: number | undefined;
  smallestBody: number | undefined;
  /** Print pages (items) measured. */
  items: number;
  /** PDF pages of those items: sheets per item is `sheets / items`. */
  sheets: number;
}

/**
 * Exports the print pages of `units` from a built site and measures each
 * format and size: characters per type size, the smallest, sheets per item.
 */
export async function measurePrintFigures(request: { siteDir: string; outDir: string; units: readonly string[]; executablePath?: string }): Promise<FormatFigures[]> {
  const result = await exportPosters({
    siteDir: request.siteDir,
    base: '/',
    outDir: request.outDir,
    units: request.units,
    ...(request.executablePath ? { executablePath: request.executablePath } : {}),
  });
  const manifest = JSON.parse(await readFile(join(request.siteDir, 'print', 'manifest.json'), 'utf8')) as Manifest;
  const pathOf = new Map(manifest.pages.map((p) => [`${p.unit ?? 'site'}/${p.file}`, p.path]));
  const groups = new Map<string, { format: string; size: string; runs: TextRun[]; items: number; sheets: number; heading: number; body: number }>();
  for (const file of result.files) {
    if (file.endsWith('-all.pdf')) continue;
    const name = file.split('/').at(-1) ?? file;
    const format = /^(board|procedure|pledge|desk-cards|badges|window-plaques|supervision)/.exec(name)?.[1] ?? 'other';
    const size = /-(a2|a3|a4|a5|plaque)\.pdf$/.exec(name)?.[1] ?? '';
    const key = `${format} ${size}`;
    const pages = await textRunsOfFile(join(request.outDir, file));
    const group = groups.get(key) ?? { format, size, runs: [], items: 0, sheets: 0, heading: Number.POSITIVE_INFINITY, body: Number.POSITIVE_INFINITY };
    const path = pathOf.get(file.split('\\').join('/'));
    if (path) {
      const roles = textRoles(await readFile(join(request.siteDir, path, 'index.html'), 'utf8'));
      for (const run of joinLines(pages.flat())) {
        const role = roleOfRun(run, roles);
        if (role === 'heading') group.heading = Math.min(group.heading, run.pt);
        if (role === 'body') group.body = Math.min(group.body, run.pt);
      }
    }
    // Desk cards and badges print every person of a unit in one file: each person is an item.
    group.items += format === 'desk-cards' ? pages.length : 1;
    group.sheets += pages.length;
    group.runs.push(...pages.flat());
    groups.set(key, group);
  }
  const finite = (n: number) => (Number.isFinite(n) ? n : undefined);
  return [...groups.values()].map((g) => ({
    format: g.format,
    size: g.size,
    items: g.items,
    sheets: g.sheets,
    smallestHeading: finite(g.heading),
    smallestBody: finite(g.body),
    ...typeFigures(g.runs),
  }));
}

/** The figures as lines for the bench's report. */
export function formatPrintFigures(figures: readonly FormatFigures[]): string[] {
  const lines = ['格式          纸张    份数  张数（每份）  最小字号  最小正文（下限）  最小标题（下限）  低于正文下限  各字号所占字数（前五）'];
  for (const f of figures) {
    const top = f.bySize
      .slice()
      .sort((a, b) => b.chars - a.chars)
      .slice(0, 5)
      .map((s) => `${s.pt}pt ${(s.share * 100).toFixed(0)}%`)
      .join('，');
    const scale = typeScale(f.format as FormatId, f.size as PaperSize);
    const below = `${(shareBelow(f, scale.body) * 100).toFixed(1)}%（${scale.body}pt）`;
    const least = (pt: number | undefined, min: number) => `${pt === undefined ? '—' : `${pt}pt`}（${min}pt）`.padStart(15);
    lines.push(
      `${f.format.padEnd(16)}${f.size.padEnd(7)}${String(f.items).padStart(4)}  ${`${f.sheets}（${(f.sheets / f.items).toFixed(2)}）`.padStart(11)}  ${`${f.smallest.pt}pt`.padStart(8)}  ${least(f.smallestBody, scale.body)}  ${least(f.smallestHeading, scale.heading)}  ${below.padStart(12)}  ${top}`,
    );
  }
  return lines;
}
