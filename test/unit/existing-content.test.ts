/**
 * Existing content keeps working: the example organisation as it stood
 * before issue 15 widened the model (commit 3dfb8b1) still checks with no
 * errors. Taken from Git history rather than copied into a fixture, so that
 * it is exactly what organisations started from.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import { GAP_KINDS } from '#lib/content/rules/gaps.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BEFORE = '3dfb8b196a84de35e92b7ec94c6f092ae1e42058';

describe('content written for the model before issue 15', () => {
  const dir = mkdtempSync(join(tmpdir(), 'siliang-before-15-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The content folder of that commit, photos included, unpacked outside Git.
  const archive = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', BEFORE, 'content'], { maxBuffer: 512 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  const check = checkContent(join(dir, 'content'), { today: '2026-11-22' });

  it('still checks with no errors', () => {
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(check.files).toBeGreaterThan(50);
  });

  it('gets no gap warnings: nothing in it was a placeholder', () => {
    expect(check.problems.filter((p) => GAP_KINDS.has(p.kind) || p.kind === 'few-responses')).toEqual([]);
  });
});
