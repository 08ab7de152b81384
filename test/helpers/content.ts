/** Checking content text in tests, as the content checker sees it. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { checkFile } from '#lib/content/check.ts';
import type { Problem } from '#lib/content/problem.ts';

/** A tiny valid site whose files (photos included) the examples below may point at. */
export const SMALL = fileURLToPath(new URL('../fixtures/small/', import.meta.url));

/** Problems in `text` checked as if it were the file at `relPath` in the small fixture. */
export function problemsIn(relPath: string, text: string, contentDir = SMALL): Problem[] {
  return checkFile(contentDir, relPath, text).problems;
}

/** The one problem in `text`; fails the test when there is none or more than one. */
export function theProblemIn(relPath: string, text: string, contentDir = SMALL): Problem {
  const problems = problemsIn(relPath, text, contentDir);
  expect(problems.map((p) => `${p.field ?? ''}: ${p.message}`)).toHaveLength(1);
  return problems[0] as Problem;
}

/** YAML text from lines, so that line numbers in tests can be counted by eye. */
export const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

/** A copy of the small fixture in a temporary folder, for a suite to edit; removed after the suite. */
export function smallCopy(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `siliang-${prefix}-`));
  cpSync(SMALL, dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
