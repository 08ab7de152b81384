/**
 * `npm run build` refuses an output folder it must not replace, before it
 * writes anything: the script run in a child process with `--out` at the
 * content folder, inside it, around it, through a link into it, and at a
 * folder of someone else's files. Every file of the content is hashed
 * before and after; none may change, and nothing may be made beside it.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildsFolder } from '#lib/output-folder.ts';
import { SMALL } from '../helpers/content.ts';
import { runScript, type Run } from '../helpers/run.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-out-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const content = join(temp, 'qingxi', 'content');
const foreign = join(temp, 'www');

/** Every file under `dir` (links not followed) with the hash of its bytes. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

const cases = {
  'the content folder itself': () => content,
  'a folder inside the content folder': () => join(content, 'units'),
  'the folder that holds the content folder': () => join(temp, 'qingxi'),
  'a new folder reached through a link into the content folder': () => join(temp, 'link-to-content', 'site'),
  'a folder of files the build did not write': () => foreign,
};
const runs: Record<string, Run> = {};
let before: { content: Record<string, string>; foreign: Record<string, string> };

beforeAll(async () => {
  cpSync(SMALL, content, { recursive: true });
  symlinkSync(content, join(temp, 'link-to-content'));
  mkdirSync(foreign);
  writeFileSync(join(foreign, 'index.html'), '<p>单位自己的网页</p>');
  before = { content: hashes(content), foreign: hashes(foreign) };
  const names = Object.keys(cases) as (keyof typeof cases)[];
  const done = await Promise.all(names.map((name) => runScript('build.ts', ['--content', content, '--out', cases[name](), '--now', '2026-11-22', '--quiet', '--print', 'none'])));
  names.forEach((name, i) => (runs[name] = done[i] as Run));
});

describe('npm run build with an output folder it must not replace', () => {
  it.each(Object.keys(cases))('refuses %s with exit code 2 and a message in Chinese naming the folder and the fix', (name) => {
    const run = runs[name] as Run;
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('✗ ');
    expect(run.stderr).toContain('修改：');
    expect(run.stderr).toContain('没有生成，也没有改动任何文件');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it('names the content folder as the reason when the output is at, in, around or linked into it', () => {
    for (const name of [
      'the content folder itself',
      'a folder inside the content folder',
      'the folder that holds the content folder',
      'a new folder reached through a link into the content folder',
    ]) {
      expect((runs[name] as Run).stderr).toContain(content);
      expect((runs[name] as Run).stderr).toContain('内容文件夹');
    }
    expect((runs['a folder of files the build did not write'] as Run).stderr).toContain(`${foreign} 里已有不是 Siliang 生成的文件（如 index.html）`);
  });

  it('leaves every file of the content folder byte for byte as it was, and adds none', () => {
    expect(hashes(content)).toEqual(before.content);
  });

  it('leaves the folder of someone else’s files as it was', () => {
    expect(hashes(foreign)).toEqual(before.foreign);
  });

  it('makes no folder of builds beside any of the refused outputs', () => {
    for (const out of Object.values(cases)) expect(existsSync(buildsFolder(out()))).toBe(false);
    expect(readdirSync(temp).sort()).toEqual(['link-to-content', 'qingxi', 'www']);
    expect(readdirSync(join(temp, 'qingxi'))).toEqual(['content']);
  });
});
