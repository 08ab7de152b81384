/**
 * The form editor writes a file the way a person would edit it: in place,
 * keeping hand-written comments, key order and quoting wherever the form did
 * not change a value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkFiles } from '#lib/content/files.ts';
import { placeFile } from '#schemas/collections.ts';
import { generateFormConfig } from '#tools/editor/form-config.ts';
import { editYaml, joinMarkdown, readYaml, splitMarkdown } from '#tools/editor/yaml-edit.ts';
import { ROOT } from '../helpers/run.ts';
import { yaml } from '../helpers/content.ts';

const config = generateFormConfig();
const fields = (name: string) => config.collections.find((c) => c.name === name)?.fields ?? [];
const edit = (collection: string, text: string, change: (data: Record<string, unknown>) => void) => {
  const data = readYaml(text) as Record<string, unknown>;
  change(data);
  return editYaml(text, data, fields(collection));
};

const STAFF = yaml(
  '# 门诊收费组，2026 年 3 月核对',
  'name: 程立军',
  'photo: ./cheng-lijun.jpg # 2026 年新拍',
  'post: guahao-shoufei',
  '',
  '# 窗口号以 unit.yaml 为准',
  'window: "3"',
  'number: "CW0512"',
  'badges: [党员]',
  'order: 30',
);

describe('editing a YAML file in place', () => {
  it('keeps hand-written comments when another field is changed', () => {
    const out = edit('staff', STAFF, (d) => (d.order = 35));
    expect(out).toBe(STAFF.replace('order: 30', 'order: 35'));
  });

  it('keeps a comment on the line of a value that changed', () => {
    const out = edit('staff', STAFF, (d) => (d.photo = './cheng-lijun-2027.jpg'));
    expect(out).toContain('photo: ./cheng-lijun-2027.jpg # 2026 年新拍');
  });

  it('puts a new field after its neighbour in the schema’s order, not at the end', () => {
    const out = edit('staff', STAFF, (d) => (d.title = '助理会计师'));
    const lines = out.split('\n');
    expect(lines.indexOf('title: 助理会计师')).toBe(lines.indexOf('window: "3"') + 1);
  });

  it('deletes a field the form emptied and leaves the others', () => {
    const out = edit('staff', STAFF, (d) => delete d.badges);
    expect(out).not.toContain('badges');
    expect(out).toContain('# 窗口号以 unit.yaml 为准\nwindow: "3"');
  });

  it('writes new codes and phones in quotes, and short lists on one line', () => {
    const out = edit('staff', STAFF, (d) => {
      d.licence = '110330000201456';
      d.workPhone = '0570-6021 1234';
      d.badges = ['党员', '团员'];
    });
    expect(out).toContain('licence: "110330000201456"');
    expect(out).toContain('workPhone: "0570-6021 1234"');
    expect(out).toContain('badges: [党员, 团员]');
  });

  it('keeps fields the form does not know, so that nothing it cannot show is lost', () => {
    const out = edit('staff', `${STAFF}idNumber: 写错的字段\n`, (d) => (d.order = 1));
    expect(out).toContain('idNumber: 写错的字段');
  });

  it('replaces 不收费 with fee items and keeps the comment above it', () => {
    const text = yaml('name: 事项', '# 收费依据见物价文件', 'fee: 不收费', 'legalBasis: [某条例]');
    const out = edit('procedures', text, (d) => (d.fee = [{ name: '工本费', amount: '10 元/本', basis: '某文件' }]));
    expect(out).toContain('# 收费依据见物价文件\nfee:\n  - name: 工本费\n    amount: 10 元/本\n    basis: 某文件\nlegalBasis');
  });

  it('changes one item of a list and leaves the comments of the others', () => {
    const text = yaml('items:', '  # 第一条', '  - text: 甲', '    status: 进行中', '  # 第二条', '  - text: 乙', '    status: 未开始');
    const out = edit('pledges', text, (d) => ((d.items as Array<Record<string, unknown>>)[1]!.status = '已兑现'));
    expect(out).toBe(text.replace('status: 未开始', 'status: 已兑现'));
  });

  it('writes every example file back unchanged, comments included, when the form changed nothing', () => {
    const content = join(ROOT, 'content');
    let files = 0;
    for (const rel of walkFiles(content).files) {
      const placement = placeFile(rel);
      if (!placement) continue;
      const form = config.collections.find((c) => c.name === placement.collection);
      const text = readFileSync(join(content, rel), 'utf8');
      const source = form?.format === 'markdown' ? (splitMarkdown(text)?.frontMatter ?? '') : text;
      const out = editYaml(source, readYaml(source) as Record<string, unknown>, form?.fields ?? []);
      files += 1;
      // Comments and key order survive everywhere; only a long plain text broken over several lines is joined onto one.
      const comments = (s: string) => s.split('\n').filter((l) => /^\s*#/.test(l));
      expect(comments(out), rel).toEqual(comments(source));
      expect(readYaml(out), rel).toEqual(readYaml(source));
      if (!/^\s+[^\s#-][^:]*$/m.test(source)) expect(out, rel).toBe(source);
    }
    expect(files).toBeGreaterThan(50);
  });
});

describe('Markdown files', () => {
  it('split into front matter and body, and join back as written', () => {
    const text = '---\nname: 甲\n---\n\n## 说明\n\n正文。\n';
    const parts = splitMarkdown(text);
    expect(parts).toEqual({ frontMatter: 'name: 甲\n', body: '\n## 说明\n\n正文。\n' });
    expect(joinMarkdown(parts?.frontMatter ?? '', parts?.body ?? '')).toBe(text);
  });
});
