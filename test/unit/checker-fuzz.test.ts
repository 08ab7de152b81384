/**
 * A seeded fuzz of the checker: every YAML and Markdown file of the example
 * organisation, mutated the ways hands and spreadsheets mutate files. Every
 * result must either pass or fail with problems that each name the file, a
 * line inside it and a Chinese message; nothing may throw. The seed is fixed
 * so that a failure can be replayed; the failing text is in the message.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, checkFile } from '#lib/content/check.ts';
import { listFiles } from '#lib/content/files.ts';
import type { Problem } from '#lib/content/problem.ts';
import { placeFile } from '#schemas/collections.ts';
import { ROOT } from '../helpers/run.ts';

const CONTENT = join(ROOT, 'content');
const FILES = listFiles(CONTENT).filter((f) => placeFile(f) !== undefined);
const ORIGINALS = new Map(FILES.map((f) => [f, readFileSync(join(CONTENT, f), 'utf8')]));

/** mulberry32: a small, well-mixed 32-bit PRNG, so runs are the same everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  return { next, int, pick };
}
type Random = ReturnType<typeof prng>;

const VALUES = [
  '',
  '无',
  '~',
  'null',
  'yes',
  '0',
  '0101',
  '20130',
  '1.38E+10',
  '-.5',
  '0b101',
  '+0x1F',
  '2026-11-22',
  '2026-11-22 10:00:00',
  '2026-11-22T10:00:00Z',
  '2026-02-30',
  '"0570-6012 3000"',
  '05706012300',
  '[]',
  '{}',
  '[a, b',
  '"unclosed',
  "'x",
  '|',
  '>-',
  '*alias',
  '&anchor x',
  '!!binary aGVsbG8=',
  '@x',
  '`x`',
  '％',
  '１２３４５',
  '\u200b',
  '\ufeff值',
  '😀',
  '<script>alert(1)</script>',
  'x'.repeat(300),
];
const INSERTS = ['"', "'", '[', ']', '{', '}', ':', '：', '#', '\t', ' ', '-', '- ', '|', '>', '&', '*', '!', '%', '@', '`', ',', '，', '---'];

/** One random edit of the kinds people and spreadsheets make. */
function mutate(text: string, r: Random): { text: string; what: string } {
  const lines = text.split('\n');
  const i = r.int(Math.max(1, lines.length));
  const line = lines[i] ?? '';
  const put = (replacement: string[], what: string) => ({ text: [...lines.slice(0, i), ...replacement, ...lines.slice(i + 1)].join('\n'), what: `${what} at line ${i + 1}` });
  switch (r.int(13)) {
    case 0:
      return put([], 'delete a line');
    case 1:
      return put([line, line], 'duplicate a line');
    case 2: {
      const j = Math.min(lines.length - 1, i + 1);
      const swapped = [...lines];
      [swapped[i], swapped[j]] = [lines[j] ?? '', line];
      return { text: swapped.join('\n'), what: `swap lines ${i + 1} and ${j + 1}` };
    }
    case 3:
      return put([r.next() < 0.5 ? `\t${line.trimStart()}` : `\t${line}`], 'insert a tab');
    case 4:
      return put([line.replace(/: |:$/, r.next() < 0.5 ? '： ' : '：')], 'full-width colon');
    case 5: {
      const at = r.int(line.length + 1);
      return put([line.slice(0, at) + r.pick(INSERTS) + line.slice(at)], 'insert a character');
    }
    case 6:
      return { text: text.slice(0, r.int(text.length + 1)), what: 'truncate' };
    case 7:
      return put([r.next() < 0.5 ? ` ${line}` : r.next() < 0.5 ? `   ${line}` : line.replace(/^ {1,2}/, '')], 'change indentation');
    case 8:
    case 9:
    case 10: {
      const value = r.pick(VALUES);
      const replaced = /:(\s|$)/.test(line) ? line.replace(/:(\s.*)?$/, value === '' ? ':' : `: ${value}`) : line.replace(/^(\s*-\s*).*$/, `$1${value}`);
      return put([replaced], `value ${JSON.stringify(value)}`);
    }
    case 11: {
      // A key with two letters swapped, as typed in a hurry.
      const key = /^(\s*-?\s*)([A-Za-z]{3,})(:.*)$/.exec(line);
      if (!key) return put([line, `${line.trim().slice(0, 3)}x: 1`], 'add an unknown field');
      const word = key[2] as string;
      const k = r.int(word.length - 1);
      return put([`${key[1]}${word.slice(0, k)}${word[k + 1]}${word[k]}${word.slice(k + 2)}${key[3]}`], 'swap letters in a key');
    }
    default:
      return put([line, r.pick(['---', '...', '- ', '  - x', 'x:', ': x', '? x', '<<: *a', '&a x: 1'])], 'insert a YAML line');
  }
}

const CHINESE = /[\u4e00-\u9fff]/;

function expectLocated(problems: readonly Problem[], file: string, text: string, context: string) {
  const lineCount = text.split('\n').length;
  for (const p of problems) {
    expect(p.file, context).toBe(file);
    expect(p.line, `${context}\n${JSON.stringify(p)}`).toBeGreaterThanOrEqual(1);
    expect(p.line, `${context}\n${JSON.stringify(p)}`).toBeLessThanOrEqual(lineCount);
    expect(p.column ?? 1, context).toBeGreaterThanOrEqual(1);
    expect(p.message, context).toMatch(CHINESE);
    expect(p.fix ?? '', context).not.toMatch(/undefined|\[object Object\]/);
    expect(['error', 'warning'], context).toContain(p.severity);
  }
}

describe('the checker under random edits', () => {
  it('checks the unedited example without a problem', () => {
    for (const [file, text] of ORIGINALS) expect(checkFile(CONTENT, file, text).problems, file).toEqual([]);
  });

  it('locates every problem in 1,500 mutated files and never throws', () => {
    const r = prng(6);
    let mutated = 0;
    let failed = 0;
    for (let round = 0; mutated < 1500; round++) {
      for (const [file, original] of ORIGINALS) {
        if (mutated >= 1500) break;
        let text = original;
        const edits: string[] = [];
        for (let n = 1 + r.int(3); n > 0; n--) {
          const m = mutate(text, r);
          text = m.text;
          edits.push(m.what);
        }
        const context = `${file} after ${edits.join(', ')} (round ${round}):\n${text}`;
        let problems: Problem[];
        try {
          problems = checkFile(CONTENT, file, text).problems;
        } catch (error) {
          throw new Error(`checkFile threw on ${context}\n${error instanceof Error ? error.stack : String(error)}`, { cause: error });
        }
        expectLocated(problems, file, text, context);
        mutated += 1;
        if (problems.length > 0) failed += 1;
      }
    }
    // The mutations must mostly break files, or the test proves little.
    expect(failed).toBeGreaterThan(mutated / 2);
  });
});

describe('the whole-folder checks under random edits', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });

  it('never throws on 10 folders with five mutated files each, and locates what it reports', () => {
    const r = prng(2026);
    // Whole-file problems (a bad name, a stray file) name the file without a line.
    const fileLevel = new Set(['bad-slug', 'duplicate-id', 'stray-file', 'missing-site', 'missing-unit-file', 'no-content-folder']);
    for (let n = 0; n < 10; n++) {
      const dir = mkdtempSync(join(tmpdir(), 'siliang-fuzz-'));
      made.push(dir);
      cpSync(CONTENT, dir, { recursive: true });
      const texts = new Map<string, string>();
      for (let k = 0; k < 5; k++) {
        const file = r.pick(FILES);
        const m = mutate(texts.get(file) ?? (ORIGINALS.get(file) as string), r);
        texts.set(file, m.text);
        writeFileSync(join(dir, file), m.text);
      }
      const check = checkContent(dir, { today: '2026-11-22', lastChanged: () => '2026-11-20' });
      for (const p of check.problems) {
        const text = texts.get(p.file) ?? ORIGINALS.get(p.file);
        const context = `folder ${n}, ${p.file}: ${JSON.stringify(p)}`;
        if (p.line === undefined || text === undefined) {
          expect(fileLevel.has(p.kind) || p.file.endsWith('synonyms.txt'), context).toBe(true);
          continue;
        }
        expectLocated([p], p.file, text, context);
      }
    }
  });
});
