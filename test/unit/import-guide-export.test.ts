import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkFile } from '#lib/content/check.ts';
import { importCommand } from '#tools/import/command.ts';
import { docxFileName, exportCommand } from '#tools/import/export-command.ts';
import { SMALL } from '../helpers/content.ts';

const EXAMPLE = fileURLToPath(new URL('../../content/', import.meta.url));
const TODAY = '2026-12-07';

const frontMatter = (text: string) => parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
/** What a Word guide does not carry: the site's list order and a hand-set update date. */
const guideOnly = ({ order, updated, ...rest }: Record<string, unknown>) => (void order, void updated, rest);

describe('npm run export -- docx', () => {
  let work: string;
  let content: string;
  let out: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'siliang-export-'));
    content = join(work, 'content');
    out = join(work, '上报');
    cpSync(SMALL, content, { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('writes every procedure of a unit as a Word guide named after it, which the guide import reads back as the same procedures', async () => {
    const unit = 'huzheng';
    const originals = readdirSync(join(EXAMPLE, 'units', unit, 'procedures')).filter((f) => f.endsWith('.md'));
    const exported = await exportCommand(['docx', unit, '--out', out, '--content', EXAMPLE]);
    expect(exported.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      originals.map((f) => docxFileName(String(frontMatter(readFileSync(join(EXAMPLE, 'units', unit, 'procedures', f), 'utf8')).name))).sort(),
    );

    const imported = await importCommand(['guide', out, '--unit', 'chuangkou', '--content', content], { today: TODAY });
    expect(imported.stdout).toContain(`共 `);
    expect(imported.stdout).toMatch(/待核对 0 项，未导入 0 项。/);
    expect(imported.stdout).not.toMatch(/^\s+(?:缺项|请核对|未导入) /m);
    expect(imported.stdout).not.toContain('✗');
    expect(imported.code).toBe(0);
    for (const f of originals) {
      const original = checkFile(EXAMPLE, `units/${unit}/procedures/${f}`).entry!;
      const name = String((original.data as Record<string, unknown>).name);
      const back = readdirSync(join(content, 'units/chuangkou/procedures'))
        .map((g) => checkFile(content, `units/chuangkou/procedures/${g}`).entry)
        .find((e) => e?.collection === 'procedures' && (e.data as Record<string, unknown>).name === name);
      expect(back, name).toBeDefined();
      expect(guideOnly(back!.data as Record<string, unknown>)).toEqual(guideOnly(original.data as Record<string, unknown>));
    }
  });

  it('exports one procedure file given by its path', async () => {
    const result = await exportCommand(['docx', join(EXAMPLE, 'units/jiezhong/procedures/jiezhongzheng-buban.md'), '--out', out, '--content', EXAMPLE]);
    expect(result.code).toBe(0);
    expect(readdirSync(out)).toEqual([docxFileName(String(frontMatter(readFileSync(join(EXAMPLE, 'units/jiezhong/procedures/jiezhongzheng-buban.md'), 'utf8')).name))]);
    expect(result.stdout).toContain('导出 1 个文件');
  });

  it('does not export a procedure with errors, names it with the checker’s message, and exports the others (exit code 1)', async () => {
    const dir = join(content, 'units/chuangkou/procedures');
    writeFileSync(join(dir, 'huai.md'), '---\nname: 坏事项\nfee: 无\n---\n');
    const result = await exportCommand(['docx', 'chuangkou', '--out', out, '--content', content]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^✗ units\/chuangkou\/procedures\/huai\.md 有错误，没有导出/m);
    expect(result.stdout).toMatch(/huai\.md:\d+.*fee/);
    expect(existsSync(join(out, '坏事项.docx'))).toBe(false);
    expect(readdirSync(out).length).toBe(readdirSync(dir).length - 1);
  });

  it('is a usage error (exit code 2) for a unit or file that is not there, or another kind of export', async () => {
    expect((await exportCommand(['docx', 'nowhere', '--content', content])).code).toBe(2);
    expect((await exportCommand(['docx', 'units/chuangkou/procedures/no-such.md', '--content', content])).code).toBe(2);
    const pdf = await exportCommand(['pdf', 'chuangkou', '--content', content]);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('能导出的是 Word 办事指南（docx）');
  });

  it('names files as Windows allows, keeping the Chinese name', () => {
    expect(docxFileName('居民身份证补领')).toBe('居民身份证补领.docx');
    expect(docxFileName('出生登记/落户:"新生儿"?')).toBe('出生登记／落户：新生儿？.docx');
  });
});
