/**
 * Two builds of the same content with the same clock are the same bytes,
 * file for file. That is what lets a sync to an object store or CDN move
 * only what changed, and caches keep what did not.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { SMALL } from '../helpers/content.ts';
import { buildInto } from '../helpers/run.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-reproducible-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Every file of a build, by path, with the hash of its bytes. */
function fingerprint(out: string): Map<string, string> {
  const root = realpathSync(out);
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files.map((e) => [
      relative(root, join(e.parentPath, e.name)),
      createHash('sha256')
        .update(readFileSync(join(e.parentPath, e.name)))
        .digest('hex'),
    ]),
  );
}

it('gives the same bytes in every file when the same content is built twice with the same clock', async () => {
  await buildInto(SMALL, join(temp, 'one'), { now: '2026-11-22', print: 'all' });
  await buildInto(SMALL, join(temp, 'two'), { now: '2026-11-22', print: 'all' });
  const one = fingerprint(join(temp, 'one'));
  const two = fingerprint(join(temp, 'two'));
  // The compressed copies and print sheets are among them: a build writes hundreds of files.
  expect(one.size).toBeGreaterThan(50);
  expect([...one.keys()].some((f) => f.endsWith('.html.br'))).toBe(true);
  expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
  const differ = [...one].filter(([file, hash]) => two.get(file) !== hash).map(([file]) => file);
  expect(differ).toEqual([]);
});
