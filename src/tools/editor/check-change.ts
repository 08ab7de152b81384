/**
 * The checker, run on one changed file before the editor writes it: the
 * file's own syntax and schema (checkFile), then the rules that span files
 * (references, compliance, privacy, freshness) over the whole folder with
 * the changed file in place of the one on disk. Only the changed file's
 * problems are returned: the officer fixes what they are editing, and other
 * files' problems are `npm run check`'s to list.
 *
 * The whole folder is checked once when the editor starts and then kept up
 * to date entry by entry as files are saved, so a save costs one file's
 * check and one pass of the rules, not a check of every file.
 */
import { checkContent, checkFile, type CheckedEntry } from '#lib/content/check.ts';
import { isEntryOf } from '#lib/content/entry.ts';
import { walkFiles } from '#lib/content/files.ts';
import { lastChangedDates } from '#lib/content/updated.ts';
import type { Problem } from '#lib/content/problem.ts';
import { checkReferences } from '#lib/content/references.ts';
import { runRules } from '#lib/content/rules/index.ts';
import { readHolidays } from '#lib/content/holidays-file.ts';
import { readMarkdownSource, readYamlSource } from '#lib/content/source.ts';
import { privacyProblems } from '#lib/privacy/index.ts';
import { COLLECTIONS, placeFile, type Placement } from '#schemas/collections.ts';

export class ChangeChecker {
  readonly contentDir: string;
  private entries: CheckedEntry[] = [];
  private existing = new Set<string>();
  private today = '';
  /** When each file last changed, read from Git once per reload rather than on every save; files saved since count as changed today. */
  private lastChanged: (relPath: string) => string | undefined = () => undefined;
  private readonly savedToday = new Set<string>();
  private readonly now: string | undefined;

  constructor(contentDir: string, now?: string) {
    this.contentDir = contentDir;
    this.now = now;
    this.reload();
  }

  /** Checks the whole folder again (after a pull, or files changed outside the editor). */
  reload(): Problem[] {
    const result = checkContent(this.contentDir, this.now ? { now: this.now } : {});
    this.entries = result.entries;
    this.today = result.today;
    const site = this.entries.find(isEntryOf('site'))?.data;
    this.lastChanged = lastChangedDates(this.contentDir, site?.timezone ?? 'Asia/Shanghai');
    this.savedToday.clear();
    this.existing = new Set(
      walkFiles(this.contentDir).files.flatMap((f) => {
        const p = placeFile(f);
        return p ? [`${p.collection}:${p.id}`] : [];
      }),
    );
    return result.problems;
  }

  /** Every valid entry as last checked. */
  all(): readonly CheckedEntry[] {
    return this.entries;
  }

  /** The problems `text` would have as `relPath`; nothing is written. */
  check(relPath: string, text: string): Problem[] {
    const placement = placeFile(relPath);
    if (!placement) throw new Error(`${relPath} is not a content entry`);
    const own = checkFile(this.contentDir, relPath, text);
    const problems = [...own.problems];
    if (!own.entry) return [...problems, ...this.privacyOfInvalid(placement, relPath, text, problems)];
    const entries = [...this.entries.filter((e) => e.file !== relPath), own.entry];
    const existing = new Set(this.existing).add(`${placement.collection}:${placement.id}`);
    const site = entries.find(isEntryOf('site'))?.data;
    const lastChanged = (file: string) => (file === relPath || this.savedToday.has(file) ? this.today : this.lastChanged(file));
    const spanning = [
      ...checkReferences(entries, [...existing]),
      ...runRules(entries, { contentDir: this.contentDir, today: this.today, lastChanged, holidays: readHolidays(this.contentDir).calendar, ...(site ? { site } : {}) }),
    ];
    problems.push(...spanning.filter((p) => p.file === relPath));
    return problems;
  }

  /**
   * The privacy guard on a file that fails its schema: `npm run check` runs
   * it only on valid entries, but an identity number typed into a form must
   * be stopped at its field in the same save as a wrong time limit, not one
   * save later. The file's raw values stand in for its checked data; the
   * guard reads only text and the places it is written.
   */
  private privacyOfInvalid(placement: Placement, relPath: string, text: string, known: readonly Problem[]): Problem[] {
    const source = COLLECTIONS[placement.collection].format === 'markdown' ? readMarkdownSource(relPath, text) : readYamlSource(relPath, text);
    if (typeof source.data !== 'object' || source.data === null || Array.isArray(source.data)) return [];
    // The one unchecked cast: raw values where checked data would be, for the guard that only scans text.
    const provisional = { ...placement, file: relPath, data: source.data, source, ...(source.body !== undefined ? { body: source.body } : {}) } as unknown as CheckedEntry;
    const entries = [...this.entries.filter((e) => e.file !== relPath), provisional];
    try {
      const found = privacyProblems(entries, { contentDir: this.contentDir, today: this.today });
      return found.filter((p) => p.file === relPath && !known.some((k) => k.field === p.field && k.kind === p.kind));
    } catch {
      // Values of the wrong shape the guard cannot read: the schema's own messages say what to fix first.
      return [];
    }
  }

  /** Records a file the editor has written, so that the next check sees it. */
  written(relPath: string): void {
    const placement = placeFile(relPath);
    if (!placement) return;
    const own = checkFile(this.contentDir, relPath);
    this.entries = this.entries.filter((e) => e.file !== relPath);
    if (own.entry) this.entries.push(own.entry);
    this.existing.add(`${placement.collection}:${placement.id}`);
    this.savedToday.add(relPath);
  }
}
