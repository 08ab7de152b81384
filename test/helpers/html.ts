/** Reading built pages in tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';

export type Doc = ReturnType<typeof parseHTML>['document'];

/** The page at a site path (`units/x/`) in a built site. */
export function page(outDir: string, path: string): Doc {
  const file = path.endsWith('.html') ? path : join(path, 'index.html');
  return parseHTML(readFileSync(join(outDir, file), 'utf8')).document;
}

/** Every HTML file in a built site, as site paths with forward slashes. */
export function htmlFiles(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => relative(outDir, join(outDir, f)).split(sep).join('/'))
    .sort();
}

/** The visible text of an element with runs of white space collapsed. */
export function text(node: { textContent: string | null } | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
