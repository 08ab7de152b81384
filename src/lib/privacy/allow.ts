/**
 * The privacy allow-list in site.yaml:
 *
 *   privacy:
 *     allow:
 *       - file: notices/2026-chunjie-zhiban.md
 *         field: body
 *         value: "139 0570 1234"
 *         reason: 春节值班手机，经单位办公室审批对外公布
 *
 * A finding is not reported when `file` is its file, `field` (if given) is
 * its field written as in problems (`supervision.channels[0].value`; `body`
 * or `正文` for a Markdown body) and `value` is the text found, compared
 * as `normaliseValue` says (full width folded, without spaces, hyphens,
 * dashes and dots, and without a +86 in front of a mobile).
 */
import { isEntryOf, type CheckedEntry, type RuleContext } from '../content/entry.ts';
import type { Problem } from '../content/problem.ts';
import { compactNumber } from './text.ts';

export interface AllowEntry {
  file: string;
  field?: string | undefined;
  value: string;
  reason: string;
}

export type { RuleContext } from '../content/entry.ts';

/** The words a Markdown body can be called by in `field`. */
export const BODY_FIELDS: ReadonlySet<string> = new Set(['body', '正文']);

/**
 * A value as compared: full width folded, no spaces, hyphens, dashes, dots
 * or brackets, upper case, no +86/0086/86 before a mobile. So an entry
 * written "139 0570 1234" allows １３９－０５７０－１２３４ and +86 139.0570.1234.
 */
export function normaliseValue(value: string): string {
  const compact = compactNumber(value).replace(/[()]/g, '').toUpperCase();
  return compact.replace(/^(?:\+|00)?86(?=1[3-9]\d{9}$)/, '');
}

const normaliseFile = (file: string) => file.trim().replace(/\\/g, '/').replace(/^\.\//, '');
const normaliseField = (field: string) => field.replace(/\s+/g, '');

/** The allow-list from site.yaml, or an empty list. */
export function allowEntries(entries: readonly CheckedEntry[], ctx: RuleContext): AllowEntry[] {
  const site = ctx.site ?? entries.find(isEntryOf('site'))?.data;
  return site?.privacy?.allow ?? [];
}

export interface Finding {
  file: string;
  /** The field path, or undefined for a Markdown body. */
  field?: string | undefined;
  /** The text found. */
  text: string;
}

/** Matches findings against the allow-list and remembers which entries were used. */
export class AllowList {
  readonly entries: readonly AllowEntry[];
  readonly #used = new Set<number>();

  constructor(entries: readonly AllowEntry[]) {
    this.entries = entries;
  }

  /** True when the finding is allowed. */
  allows(finding: Finding): boolean {
    const value = normaliseValue(finding.text);
    let allowed = false;
    this.entries.forEach((entry, i) => {
      if (normaliseFile(entry.file) !== finding.file) return;
      if (entry.field !== undefined && entry.field.trim() !== '') {
        const field = normaliseField(entry.field);
        const matches = finding.field === undefined ? BODY_FIELDS.has(field) : field === normaliseField(finding.field);
        if (!matches) return;
      }
      if (normaliseValue(entry.value) !== value) return;
      this.#used.add(i);
      allowed = true;
    });
    return allowed;
  }

  /** Indexes of entries that allowed nothing. */
  unused(): number[] {
    return this.entries.map((_, i) => i).filter((i) => !this.#used.has(i));
  }
}

/** A warning for each allow-list entry that matched nothing, so the list does not outlive its reasons. */
export function unusedAllowProblems(list: AllowList, entries: readonly CheckedEntry[], mask: (value: string) => string): Problem[] {
  const site = entries.find(isEntryOf('site'));
  if (!site) return [];
  return list.unused().map((i) => {
    const entry = list.entries[i] as AllowEntry;
    const { position } = site.source.locate(['privacy', 'allow', i]);
    return {
      severity: 'warning',
      kind: 'privacy-allow-unused',
      file: site.file,
      line: position.line,
      column: position.column,
      field: `privacy.allow[${i}]`,
      fieldTitle: '例外清单',
      message: `隐私检查例外清单的这一条没有用上：${normaliseFile(entry.file)}${entry.field ? ` 的 ${entry.field}` : ''} 里没有“${mask(entry.value)}”`,
      fix: '内容已经删掉的，把这一条也删掉；否则检查 file（文件路径）、field（字段）和 value（号码）是否和内容一致',
    } satisfies Problem;
  });
}
