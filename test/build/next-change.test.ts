/**
 * `npm run next-change` names the day a build would next differ by the date
 * alone. Checked against real builds of the small fixture: built the two days
 * before that day, the pages are the same; built on the day, only pages that
 * show the notice it names have changed.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextChangeCommand } from '#tools/next-change/command.ts';
import { SMALL } from '../helpers/content.ts';
import { buildInto } from '../helpers/run.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-next-change-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Pages and data, by path, with the hash of their bytes; compressed copies follow their originals. */
function fingerprint(out: string): Map<string, string> {
  const root = realpathSync(out);
  return new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !/\.(gz|br)$/.test(e.name))
      .map((e) => [
        relative(root, join(e.parentPath, e.name)),
        createHash('sha256')
          .update(readFileSync(join(e.parentPath, e.name)))
          .digest('hex'),
      ]),
  );
}

function changed(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
}

/**
 * Files that record the build itself rather than what a page shows: the
 * search page carries the build's time so browsers fetch a new index, and the
 * index, sitemap and print manifest follow the pages.
 */
const BOOKKEEPING = /^(search\/index\.html|pagefind\/|sitemap-\d+\.xml|print\/manifest\.json|data\/)/;

describe('the next change by date, on the small fixture', () => {
  const builds = new Map<string, Map<string, string>>();
  beforeAll(async () => {
    for (const day of ['2026-11-29', '2026-11-30', '2026-12-01']) {
      await buildInto(SMALL, join(temp, day), { now: day, print: 'none' });
      builds.set(day, fingerprint(join(temp, day)));
    }
  });

  it('is the first day of the public-comment notice that has not started', () => {
    const result = nextChangeCommand(['--content', SMALL, '--now', '2026-11-29', '--json']);
    expect(result.code).toBe(0);
    const next = JSON.parse(result.stdout) as { day: string; at: string; reasons: string[] };
    expect(next.day).toBe('2026-12-01');
    expect(next.at).toBe('2026-12-01T00:00:00+08:00');
    expect(next.reasons.join('\n')).toMatch(/《尚未开始的公示》公示期开始/);
  });

  it('builds the same pages on the days before it', () => {
    const pages = changed(builds.get('2026-11-29') as Map<string, string>, builds.get('2026-11-30') as Map<string, string>).filter((f) => !BOOKKEEPING.test(f));
    expect(pages).toEqual([]);
  });

  it('changes, on the day, only the pages that show that notice', () => {
    const pages = changed(builds.get('2026-11-30') as Map<string, string>, builds.get('2026-12-01') as Map<string, string>).filter((f) => !BOOKKEEPING.test(f));
    // Its own page appears, and the lists of current notices change.
    expect(pages).toEqual(expect.arrayContaining(['notices/gongshi-future/index.html', 'notices/index.html', 'index.html']));
    const after = realpathSync(join(temp, '2026-12-01'));
    for (const page of pages) expect(readFileSync(join(after, page), 'utf8'), page).toContain('尚未开始的公示');
  });
});
