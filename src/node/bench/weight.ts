/**
 * Page weight of a built site, per kind of page: HTML bytes as stored and
 * gzipped (median and largest), the CSS and JavaScript each page loads
 * (gzipped), the staff photo files, and the output's size and file count.
 *
 * At a province's 100,000+ pages, gzipping every page would take longer
 * than measuring anything else: each kind is measured on up to 400 pages
 * spread evenly over it, plus its 10 largest files, so the largest page is
 * always among those gzipped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isCitizenPage, median, pageAssets, pageKind, PAGE_KINDS, type PageKind } from '#tools/bench/page-kinds.ts';
import { PHOTO_DIR } from '#lib/images/photo-recipe.ts';

export interface KindWeight {
  kind: PageKind;
  label: string;
  pages: number;
  html: { median: number; max: number; gzipMedian: number; gzipMax: number; largest: string };
  /** Gzipped CSS a page loads (its stylesheets together), median and largest. */
  css: { gzipMedian: number; gzipMax: number };
  /** Gzipped JavaScript a page runs (scripts it loads plus inline), median and largest; 0 means none. */
  js: { gzipMedian: number; gzipMax: number; pagesWithScript: number };
}

export interface SiteWeight {
  files: number;
  bytes: number;
  kinds: KindWeight[];
  /** Stylesheets loaded by every citizen page. */
  sharedCss: { files: string[]; gzipBytes: number };
  photos: Array<{ variant: string; files: number; median: number; max: number }>;
}

const gz = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 6 }).length;
const SAMPLE = 400;

export function measureWeight(siteDir: string, base = '/'): SiteWeight {
  const all = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .map((f) => ({ file: f, stat: statSync(join(siteDir, f)) }))
    .filter((f) => f.stat.isFile());
  const assetCache = new Map<string, number>();
  const assetGzip = (href: string): number => {
    const path = href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, '');
    let size = assetCache.get(path);
    if (size === undefined) {
      try {
        size = gz(readFileSync(join(siteDir, path)));
      } catch {
        size = 0;
      }
      assetCache.set(path, size);
    }
    return size;
  };

  const byKind = new Map<PageKind, Array<{ file: string; size: number }>>();
  for (const { file, stat } of all) {
    if (!file.endsWith('.html') || file === '404.html') continue;
    const kind = pageKind(file);
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push({ file, size: stat.size });
  }

  let citizenStyles: Set<string> | undefined;
  const kinds: KindWeight[] = [];
  for (const [kind, pages] of byKind) {
    pages.sort((a, b) => a.size - b.size || (a.file < b.file ? -1 : 1));
    const step = Math.max(1, Math.floor(pages.length / SAMPLE));
    const sample = new Set(pages.filter((_, i) => i % step === 0));
    for (const p of pages.slice(-10)) sample.add(p);
    const rows = [...sample].map(({ file, size }) => {
      const html = readFileSync(join(siteDir, file), 'utf8');
      const assets = pageAssets(html);
      if (isCitizenPage(kind)) {
        const styles = new Set(assets.styles);
        citizenStyles = citizenStyles ? new Set([...citizenStyles].filter((s) => styles.has(s))) : styles;
      }
      return {
        file,
        size,
        gzip: gz(html),
        css: assets.styles.reduce((s, h) => s + assetGzip(h), 0),
        js: assets.scripts.reduce((s, h) => s + assetGzip(h), 0) + (assets.inlineScript.trim() ? gz(assets.inlineScript) : 0),
      };
    });
    const largest = pages.at(-1) as { file: string; size: number };
    kinds.push({
      kind,
      label: PAGE_KINDS[kind],
      pages: pages.length,
      html: {
        median: median(pages.map((p) => p.size)),
        max: largest.size,
        gzipMedian: median(rows.map((r) => r.gzip)),
        gzipMax: Math.max(...rows.map((r) => r.gzip)),
        largest: posix.dirname(largest.file),
      },
      css: { gzipMedian: median(rows.map((r) => r.css)), gzipMax: Math.max(...rows.map((r) => r.css)) },
      js: { gzipMedian: median(rows.map((r) => r.js)), gzipMax: Math.max(...rows.map((r) => r.js)), pagesWithScript: rows.filter((r) => r.js > 0).length },
    });
  }
  const order = Object.keys(PAGE_KINDS);
  kinds.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));

  const photoGroups = new Map<string, number[]>();
  for (const { file, stat } of all) {
    if (!file.startsWith(`${PHOTO_DIR}/`)) continue;
    const variant = /-(\d+\.\w+)$/.exec(file)?.[1] ?? 'other';
    let list = photoGroups.get(variant);
    if (!list) photoGroups.set(variant, (list = []));
    list.push(stat.size);
  }
  const shared = [...(citizenStyles ?? [])].sort();
  return {
    files: all.length,
    bytes: all.reduce((s, f) => s + f.stat.size, 0),
    kinds,
    sharedCss: { files: shared, gzipBytes: shared.reduce((s, h) => s + assetGzip(h), 0) },
    photos: [...photoGroups].sort().map(([variant, sizes]) => ({ variant, files: sizes.length, median: median(sizes), max: Math.max(...sizes) })),
  };
}
