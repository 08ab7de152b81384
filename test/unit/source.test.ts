/**
 * Reading a content file keeps what the checker's rules ask of it later:
 * every number as written and the position of every field, even though a
 * good file no longer holds its parsed document (a province has 130,000).
 */
import { describe, expect, it } from 'vitest';
import { readMarkdownSource, readYamlSource } from '#lib/content/source.ts';

const YAML = ['name: 张晓明', 'phone: 0571', 'list:', '  - 057', '  - name: 某某', '    n: 0x1F', 'nested:', '  deep:', '    - [1, 02]', ''].join('\n');

describe('a YAML file that reads cleanly', () => {
  const file = readYamlSource('units/a/staff/x.yaml', YAML);

  it('gives each number as written, wherever it is nested', () => {
    expect(file.data).toMatchObject({ phone: 571 });
    expect(file.rawText(['phone'])).toBe('0571');
    expect(file.rawText(['list', 0])).toBe('057');
    expect(file.rawText(['list', 1, 'n'])).toBe('0x1F');
    expect(file.rawText(['nested', 'deep', 0, 1])).toBe('02');
  });

  it('still gives text values as written and positions of fields', () => {
    expect(file.rawText(['list', 1, 'name'])).toBe('某某');
    expect(file.locate(['nested', 'deep', 0, 1])).toEqual({ position: { line: 9, column: 11 }, exact: true });
    expect(file.locate(['phone'], 'key')).toEqual({ position: { line: 2, column: 1 }, exact: true });
    expect(file.locate(['missing']).exact).toBe(false);
  });
});

describe('a Markdown file', () => {
  it('locates its front matter fields at their lines in the whole file', () => {
    const file = readMarkdownSource('units/a/procedures/p.md', '---\ntitle: 办理\nfee: 010\n---\n正文\n');
    expect(file.rawText(['fee'])).toBe('010');
    expect(file.locate(['fee'])).toEqual({ position: { line: 3, column: 6 }, exact: true });
    expect(file.locate(['title'], 'key')).toEqual({ position: { line: 2, column: 1 }, exact: true });
  });
});
