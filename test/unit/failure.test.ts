/**
 * What a command does when it fails in a way nobody foresaw: exit code 3
 * and a line saying it is the program's fault, never a stack trace unless
 * SILIANG_DEBUG=1; an unreadable command line is a usage error, code 2.
 * The handler is tested in-process; one real script is started once, on a
 * disk made to fail under it, to prove every script is wired to it.
 */
import { EventEmitter } from 'node:events';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEBUG_ENV, EXIT, failureReport, installFailureHandler, NOT_THE_CONTENT, oneLineSummary } from '#node/failure.ts';
import { SMALL } from '../helpers/content.ts';
import { ROOT, runScript } from '../helpers/run.ts';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** A real stack overflow, as deep YAML caused in the checker. */
function overflow(): RangeError {
  const deeper = (n: number): number => deeper(n + 1) + 1;
  try {
    deeper(0);
  } catch (error) {
    return error as RangeError;
  }
  throw new Error('the stack did not overflow');
}

describe('the report of an internal failure', () => {
  it('says it is the program’s fault, not the content’s, names the error in one line and where to report it, with exit code 3', () => {
    const { code, text } = failureReport(overflow(), {});
    expect(code).toBe(EXIT.internal);
    expect(code).toBe(3);
    expect(text).toContain(NOT_THE_CONTENT);
    expect(text).toContain('错误：RangeError: Maximum call stack size exceeded');
    expect(text).toContain('README.md');
    expect(text).toContain('issue tracker');
    expect(text).toContain(`${DEBUG_ENV}=1`);
    expect(text).not.toMatch(STACK_LINE);
  });

  it('prints the stack trace only when SILIANG_DEBUG=1', () => {
    const error = overflow();
    expect(failureReport(error, { [DEBUG_ENV]: '1' }).text).toMatch(STACK_LINE);
    expect(failureReport(error, { [DEBUG_ENV]: '0' }).text).not.toMatch(STACK_LINE);
  });

  it('keeps the error to its first line of message, cut short when long', () => {
    expect(oneLineSummary(new TypeError('first line\nsecond line'))).toBe('TypeError: first line');
    const long = oneLineSummary(new Error('x'.repeat(5000)));
    expect(long.length).toBeLessThan(400);
    expect(long.endsWith('…')).toBe(true);
    expect(oneLineSummary('a string thrown')).toContain('a string thrown');
  });

  it('treats a command line Node cannot read as a usage error, code 2, not as the program’s fault', () => {
    let error: unknown;
    try {
      parseArgs({ args: ['--bogus'], options: {} });
    } catch (caught) {
      error = caught;
    }
    const { code, text } = failureReport(error, {});
    expect(code).toBe(EXIT.usage);
    expect(text).toContain("看不懂命令行参数：Unknown option '--bogus'");
    expect(text).not.toContain(NOT_THE_CONTENT);
  });
});

describe('the handler', () => {
  /** A process that records what the handler does. */
  function fakeProcess(env: Record<string, string> = {}) {
    const emitter = new EventEmitter();
    const exits: number[] = [];
    const written: string[] = [];
    const proc = { on: emitter.on.bind(emitter), exit: (code?: number) => void exits.push(code ?? 0), exitCode: undefined as number | undefined, env };
    installFailureHandler(proc, (text) => void written.push(text));
    return { emit: (error: unknown) => emitter.emit('uncaughtException', error), exits, written, proc };
  }

  it('writes the report and exits 3 on an exception nothing caught', () => {
    const fake = fakeProcess();
    fake.emit(new Error('EIO: i/o error, read'));
    expect(fake.exits).toEqual([3]);
    expect(fake.written.join('')).toContain(NOT_THE_CONTENT);
    expect(fake.written.join('')).toContain('Error: EIO: i/o error, read');
  });

  it('exits quietly, keeping the exit code set so far, when the output is piped into a program that stopped reading', () => {
    const fake = fakeProcess();
    fake.proc.exitCode = 1;
    fake.emit(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(fake.exits).toEqual([1]);
    expect(fake.written).toEqual([]);
  });

  it('is the first thing every script in scripts/ loads', () => {
    const scripts = readdirSync(join(ROOT, 'scripts')).filter((f) => f.endsWith('.ts'));
    expect(scripts.length).toBeGreaterThanOrEqual(11);
    for (const script of scripts) {
      const imports = readFileSync(join(ROOT, 'scripts', script), 'utf8').match(/^import .*$/gm) ?? [];
      expect(imports[0], script).toBe("import '#node/failure-handler.ts';");
    }
  });
});

describe('a script whose disk fails under it', () => {
  const temp = mkdtempSync(join(tmpdir(), 'siliang-failure-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('exits 3 with the one-line report and no stack trace', async () => {
    const content = join(temp, 'content');
    cpSync(SMALL, content, { recursive: true });
    const run = await runScript('check.ts', ['--content', content, '--now', '2026-11-22'], {
      NODE_OPTIONS: `--import=${join(ROOT, 'test/helpers/failing-disk.ts')}`,
      SILIANG_TEST_FAILING_DIR: content,
      [DEBUG_ENV]: '',
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(NOT_THE_CONTENT);
    expect(run.stderr).toContain(`错误：Error: EIO: i/o error, scandir '${content}'`);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_LINE);
    // Nothing of a content report: this is not the content's fault.
    expect(run.stdout).not.toContain('处错误');
  }, 120_000);
});
