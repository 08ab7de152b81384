/**
 * A small YAML writer for the generated content files. A general library
 * (the `yaml` package) would do, but it is slow for a hundred thousand files
 * and writes in its own style; this one writes the way the example content
 * and content/README.md ask people to: phones, staff numbers and window
 * numbers in double quotes (anything starting with a digit is quoted, so a
 * leading 0 can never be lost), dates plain (2026-11-22), short lists of
 * words inline (`windows: ["11", "12"]`), everything else in block style.
 *
 * Only what the generator produces is supported: plain objects, arrays,
 * strings, finite numbers and booleans; `undefined` fields are left out.
 */

export type YamlValue = string | number | boolean | undefined | YamlValue[] | { [key: string]: YamlValue };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;
/** Characters that may not start a plain scalar (YAML 1.2 indicators), plus digits and signs, which could read as numbers. */
const BAD_START = /^[-?:,[\]{}#&*!|>'"%@`0-9+.\s]/;
const FLOW_CHARS = /[,[\]{}]/;

/** True when `text` may be written without quotes (in a flow list when `flow`). */
function plainOk(text: string, flow: boolean): boolean {
  if (text === '' || text !== text.trim()) return false;
  if (DATE.test(text)) return true;
  if (BAD_START.test(text) || RESERVED.test(text)) return false;
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':') || /[\n\r\t]/.test(text)) return false;
  if (flow && FLOW_CHARS.test(text)) return false;
  return true;
}

/** A scalar as YAML: plain when safe, otherwise double-quoted (JSON's escapes are valid YAML). */
export function scalar(value: string | number | boolean, flow = false): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} to YAML`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return plainOk(value, flow) ? value : JSON.stringify(value);
}

const isScalar = (v: YamlValue): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Lists of short words read best on one line, as in the example content. */
function inlineList(items: YamlValue[]): string | undefined {
  if (items.length === 0) return '[]';
  if (!items.every(isScalar)) return undefined;
  const parts = items.map((v) => scalar(v as string | number | boolean, true));
  const line = `[${parts.join(', ')}]`;
  return [...line].length <= 60 && parts.every((p) => [...p].length <= 16) ? line : undefined;
}

function writeValue(value: YamlValue, indent: string, out: string[], key: string): void {
  if (value === undefined) return;
  if (isScalar(value)) {
    out.push(`${indent}${key}: ${scalar(value)}`);
  } else if (Array.isArray(value)) {
    const inline = inlineList(value);
    if (inline !== undefined) {
      out.push(`${indent}${key}: ${inline}`);
      return;
    }
    out.push(`${indent}${key}:`);
    writeItems(value, `${indent}  `, out);
  } else {
    out.push(`${indent}${key}:`);
    writeObject(value, `${indent}  `, out);
  }
}

function writeItems(items: YamlValue[], indent: string, out: string[]): void {
  for (const item of items) {
    if (item === undefined) continue;
    if (isScalar(item)) {
      out.push(`${indent}- ${scalar(item)}`);
    } else if (Array.isArray(item)) {
      throw new Error('nested lists are not supported');
    } else {
      // The first field goes on the dash's line, the rest line up under it.
      const lines: string[] = [];
      writeObject(item, `${indent}  `, lines);
      if (lines.length === 0) {
        out.push(`${indent}- {}`);
        continue;
      }
      out.push(`${indent}- ${(lines[0] as string).slice(indent.length + 2)}`, ...lines.slice(1));
    }
  }
}

function writeObject(obj: { [key: string]: YamlValue }, indent: string, out: string[]): void {
  for (const [key, value] of Object.entries(obj)) writeValue(value, indent, out, key);
}

/** A YAML document for `data`, optionally after `#` comment lines, ending with a newline. */
export function toYaml(data: { [key: string]: YamlValue }, comments: readonly string[] = []): string {
  const out: string[] = comments.map((c) => `# ${c}`);
  writeObject(data, '', out);
  return `${out.join('\n')}\n`;
}

/** A Markdown file with YAML front matter. */
export function toMarkdown(frontMatter: { [key: string]: YamlValue }, body: string): string {
  const lines: string[] = [];
  writeObject(frontMatter, '', lines);
  return `---\n${lines.join('\n')}\n---\n\n${body.trim()}\n`;
}
