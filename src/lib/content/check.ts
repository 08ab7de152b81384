/**
 * The content checker: validates a whole content folder with the same
 * schemas the site is built from, and reports every problem with its file,
 * line, field and a fix, in Chinese. The build runs it first and stops on
 * errors, so a broken file never reaches Astro (whose own messages are in
 * English and come with stack traces) and never replaces a good site.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, extname, join, posix } from 'node:path';
import { z } from 'astro/zod';
import { SLUG_PATTERN } from '#schemas/common.ts';
import { COLLECTIONS, collectionSchema, placeFile, type CollectionName, type Placement } from '#schemas/collections.ts';
import { ATTACHMENT_EXTENSIONS, attachmentPath, IMAGE_EXTENSIONS, type SchemaContext } from '#schemas/context.ts';
import { HOLIDAYS_FILES } from '#schemas/holidays.ts';
import { readClock, todayIn } from '../dates.ts';
import { isEntryOf, type CheckedData, type CheckedEntry, type EntryOf } from './entry.ts';
import { explainDifferences, explainIssues } from './explain.ts';
import { listFolders, walkFiles } from './files.ts';
import { localFileProblem } from './local-file.ts';
import { closeDecoder } from '../images/decode.ts';
import type { Problem } from './problem.ts';
import { parseSynonyms, SYNONYMS_FILE } from '../search/synonyms.ts';
import { readHolidays } from './holidays-file.ts';
import { checkReferences } from './references.ts';
import { runRules } from './rules/index.ts';
import { readMarkdownSource, readYamlSource, type SourceFile } from './source.ts';
import { readContentText } from './text-file.ts';

export type { CheckedEntry } from './entry.ts';

export interface ContentCheck {
  contentDir: string;
  problems: Problem[];
  entries: CheckedEntry[];
  /** How many content files were read. */
  files: number;
  /** The date the freshness rules took as today, YYYY-MM-DD. */
  today: string;
}

export interface CheckOptions {
  /**
   * Today's date (YYYY-MM-DD) for the freshness rules. Defaults to the day
   * of `now` in the organisation's time zone.
   */
  today?: string;
  /** The build's clock setting (a date or an ISO time, src/lib/options.ts); defaults to the clock. */
  now?: string;
  /** When each file last changed; defaults to its `updated` field, then Git (see updated.ts). */
  lastChanged?: (relPath: string) => string | undefined;
  /** What the check is for: the website (default), or `print`, the printer's build, which shows what the web's privacy tiers hide. */
  audience?: 'web' | 'print';
}

const README = /^readme\.(md|txt)$/i;

/**
 * Documents an organisation keeps beside its content: a SOURCES.md naming
 * where each guide was copied from, the unit's Word or PDF originals, a
 * roster spreadsheet. They are not published, and lying in the content
 * folder or a unit's folder they are normal, not a mistake: ignored, with
 * one notice for all of them. (README.md/.txt, the folder's own
 * explanation, is ignored without one.)
 */
const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(['md', 'txt', 'doc', 'docx', 'pdf', 'xls', 'xlsx', 'csv', 'wps', 'et', 'ofd']);
const DOCUMENT_PLACE = /^(?:[^/]+|units\/[^/]+\/[^/]+)$/;

/** Files at the top of the content folder that are content, not documents: the search synonyms. */
const CONTENT_TEXT_FILES: ReadonlySet<string> = new Set(['synonyms.txt']);

/** Files at the top of the content folder that are content but no collection's entry, checked on their own below. */
const OWN_FILES: ReadonlySet<string> = new Set<string>(HOLIDAYS_FILES);

function isKeptDocument(relPath: string, ext: string): boolean {
  return DOCUMENT_EXTENSIONS.has(ext) && DOCUMENT_PLACE.test(relPath) && !CONTENT_TEXT_FILES.has(relPath);
}

function documentsNotice(documents: readonly string[]): Problem {
  const shown = documents.slice(0, 5).join('、');
  return {
    severity: 'warning',
    kind: 'documents-ignored',
    file: documents[0] as string,
    message: `内容文件夹里有 ${documents.length} 个文档（${shown}${documents.length > 5 ? ' 等' : ''}），它们不是内容文件，不会发布，已忽略`,
    fix: '不用处理：来源说明、原文和花名册可以放在这里。要发布其中的内容，请写进对应的 YAML 或 Markdown 文件',
  };
}

/**
 * The file being validated. Schemas are built once per collection, not per
 * folder: building a Zod schema and compiling its parser costs more than
 * checking a file with it, and a province has 20,000 folders. Parsing is
 * synchronous, so the photo and attachment checks read where the file is
 * from here while its parse runs.
 */
const current: { contentDir: string; entryDir: string; collection?: CollectionName } = { contentDir: '', entryDir: '' };

/**
 * The schema context the checker uses: images and attachments must be
 * files inside the content folder, next to the entry (./local-file.ts).
 */
const checkerContext: SchemaContext<z.ZodString> = (() => {
  const local = (what: string, extensions: readonly string[], image: boolean) =>
    z.string().superRefine((value, ctx) => {
      const { contentDir, entryDir, collection } = current;
      // Attachments are published at an address inside their unit, so they must live in its folder.
      const within = !image && entryDir.startsWith('units/') ? entryDir.split('/').slice(0, 2).join('/') : undefined;
      const problem = localFileProblem({
        contentDir,
        entryDir,
        value,
        what,
        extensions,
        image,
        // Staff photos are decoded by the photo step instead (src/lib/images/decode.ts says why).
        decode: image && collection !== 'staff',
        ...(within ? { within } : {}),
      });
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { kind: problem.kind, fix: problem.fix } });
    });
  return {
    image: () => local('图片', IMAGE_EXTENSIONS, true).meta({ title: '图片', expected: '图片文件的相对路径', example: './zhang-xiaoming.jpg' }),
    file: () => attachmentPath().pipe(local('附件', ATTACHMENT_EXTENSIONS, false)),
  };
})();

function slugProblem(file: string, name: string, isFolder: boolean): Problem | undefined {
  if (SLUG_PATTERN.test(name)) return undefined;
  const what = isFolder ? '文件夹名' : '文件名';
  const suggestion = name
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    severity: 'error',
    kind: 'bad-slug',
    file,
    message: `${what}“${name}”会成为网址的一部分，只能用小写英文字母、数字和短横线`,
    fix: `用拼音或英文改名，例如 ${suggestion && suggestion !== name ? suggestion : isFolder ? 'menzhen' : 'zhang-xiaoming'}${isFolder ? '' : extname(file)}；网址印在二维码上，发布后不要再改`,
  };
}

/** Each collection's schema once built; a mapped type over `K` so that it can be read and written for a generic collection. */
type Schemas<K extends CollectionName> = { [C in K]?: z.ZodType<CheckedData<C>> };
const schemas: Schemas<CollectionName> = {};

function schemaFor<C extends CollectionName>(collection: C): z.ZodType<CheckedData<C>> {
  const built: Schemas<C> = schemas;
  return (built[collection] ??= collectionSchema(collection, checkerContext));
}

/** Validates one file's data with its collection's schema. */
function validate<C extends CollectionName>(contentDir: string, collection: C, source: SourceFile): { data?: CheckedData<C>; problems: Problem[] } {
  const schema = schemaFor(collection);
  current.contentDir = contentDir;
  current.entryDir = posix.dirname(source.relPath);
  current.collection = collection;
  const result = schema.safeParse(source.data, { reportInput: true });
  const problems = result.success ? [] : explainIssues(result.error.issues, schema, source);
  // Values the site's YAML reader turns into dates, which the checker's reader keeps as text.
  problems.push(...explainDifferences(source.differences, schema, source, new Set(problems.map((p) => p.field ?? ''))));
  if (result.success && problems.length === 0) return { data: result.data, problems };
  return { problems };
}

/** The entry for a file of collection `collection` whose data its schema accepted. */
function entryOf<C extends CollectionName>(placement: Placement, collection: C, data: CheckedData<C>, relPath: string, source: SourceFile): EntryOf<C> {
  return { ...placement, collection, file: relPath, data, ...(source.body !== undefined ? { body: source.body } : {}), source };
}

/**
 * Checks one content file on its own: its syntax and its schema, not its
 * references to other files. `text` defaults to the file's contents on disk;
 * photos and forms it names are looked up beside `relPath` in `contentDir`.
 */
export function checkFile(contentDir: string, relPath: string, text?: string): { problems: Problem[]; entry?: CheckedEntry; rejected?: unknown } {
  const placement = placeFile(relPath);
  if (!placement) throw new Error(`${relPath} is not a content entry`);
  // Read as bytes and decoded strictly: a folder, a huge file or one not in UTF-8 is a problem, not a crash or 乱码.
  const read = text === undefined ? readContentText(contentDir, relPath) : { text };
  if (read.problem) return { problems: [read.problem] };
  const source = readSource(relPath, placement.collection, read.text);
  if (source.data === undefined) return { problems: source.problems };
  const result = validate(contentDir, placement.collection, source);
  const problems = [...source.problems, ...result.problems];
  // What the file says even so, for rules that need not wait for it to be put right.
  if (!result.data) return { problems, rejected: source.data };
  return { problems, entry: entryOf(placement, placement.collection, result.data, relPath, source) };
}

function readSource(relPath: string, collection: CollectionName, text: string): SourceFile {
  return COLLECTIONS[collection].format === 'markdown' ? readMarkdownSource(relPath, text) : readYamlSource(relPath, text);
}

/**
 * Checks every file in a content folder, then the rules that span files
 * (references, compliance, freshness). Never throws for bad content: every
 * finding is a Problem.
 */
export function checkContent(contentDir: string, options: CheckOptions = {}): ContentCheck {
  const problems: Problem[] = [];
  const entries: CheckedEntry[] = [];
  let files = 0;
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    problems.push({
      severity: 'error',
      kind: 'no-content-folder',
      file: contentDir,
      message: `找不到内容文件夹 ${contentDir}`,
      fix: '检查 --content 参数或 SILIANG_CONTENT 环境变量指向的路径',
    });
    return { contentDir, problems, entries, files, today: options.today ?? todayIn('Asia/Shanghai') };
  }

  const seen = new Map<string, string>();
  // Links that lead out of the folder are errors, and are not followed.
  const listing = walkFiles(contentDir);
  problems.push(...listing.problems);
  const documents: string[] = [];
  const rejected = new Map<string, unknown>();
  for (const relPath of listing.files) {
    const placement = placeFile(relPath);
    const ext = extname(relPath).slice(1).toLowerCase();
    if (!placement) {
      if (README.test(basename(relPath)) || OWN_FILES.has(relPath)) continue;
      if (isKeptDocument(relPath, ext)) {
        documents.push(relPath);
        continue;
      }
      if (['yaml', 'yml', 'md', 'mdx'].includes(ext)) {
        problems.push({
          severity: 'error',
          kind: 'stray-file',
          file: relPath,
          message: '这个文件不在约定的位置，不会被发布',
          fix: '检查文件夹名是否写错。约定的位置：site.yaml、units/<单位>/unit.yaml、units/<单位>/procedures/、staff/、posts/、pledges/、evaluations/、notices/',
        });
      }
      continue;
    }
    // Unit folders are checked once, below; other entries by their file name.
    if (placement.collection !== 'site' && placement.collection !== 'units') {
      const badSlug = slugProblem(relPath, placement.slug, false);
      if (badSlug) {
        problems.push(badSlug);
        continue;
      }
    }
    const key = `${placement.collection}:${placement.id}`;
    const earlier = seen.get(key);
    if (earlier) {
      problems.push({
        severity: 'error',
        kind: 'duplicate-id',
        file: relPath,
        message: `和 ${earlier} 对应同一个网址（${placement.id}），只能保留一个`,
        fix: '删除其中一个文件，或给它改个文件名',
      });
      continue;
    }
    seen.set(key, relPath);

    const checked = checkFile(contentDir, relPath);
    files += 1;
    problems.push(...checked.problems);
    if (checked.entry) entries.push(checked.entry);
    else if (checked.rejected !== undefined) rejected.set(relPath, checked.rejected);
  }

  if (documents.length > 0) problems.push(documentsNotice(documents));

  if (!existsSync(join(contentDir, 'site.yaml')) && !existsSync(join(contentDir, 'site.yml'))) {
    problems.push({
      severity: 'error',
      kind: 'missing-site',
      file: 'site.yaml',
      message: '缺少网站设置文件 site.yaml',
      fix: '从示例内容复制一份 site.yaml，改成本机构的名称、网址和监督电话',
    });
  }
  for (const unit of listFolders(join(contentDir, 'units'), contentDir)) {
    const badFolder = slugProblem(`units/${unit}/`, unit, true);
    if (badFolder) {
      problems.push(badFolder);
      continue;
    }
    if (!existsSync(join(contentDir, 'units', unit, 'unit.yaml')) && !existsSync(join(contentDir, 'units', unit, 'unit.yml'))) {
      problems.push({
        severity: 'error',
        kind: 'missing-unit-file',
        file: `units/${unit}/unit.yaml`,
        message: `单位文件夹 units/${unit}/ 里缺少 unit.yaml`,
        fix: '从其他单位复制一份 unit.yaml 改写，或删除这个文件夹',
      });
    }
  }

  if (existsSync(join(contentDir, SYNONYMS_FILE))) {
    const read = readContentText(contentDir, SYNONYMS_FILE, '同义词文件');
    problems.push(...(read.problem ? [read.problem] : parseSynonyms(read.text).problems));
  }

  // The official holidays and the organisation's additions: working days for the freshness rules.
  const holidays = readHolidays(contentDir);
  problems.push(...holidays.problems);

  // A reference to a file that exists but has errors of its own is not
  // reported again as missing: that file's own problems say what to fix.
  problems.push(...checkReferences(entries, [...seen.keys()]));

  const site = entries.find(isEntryOf('site'))?.data;
  const timezone = site?.timezone ?? 'Asia/Shanghai';
  const today = options.today ?? readClock(options.now, timezone)?.today ?? todayIn(timezone);
  problems.push(
    ...runRules(entries, {
      contentDir,
      today,
      rejected,
      holidays: holidays.calendar,
      ...(holidays.file ? { holidaysFile: holidays.file, holidaysFileFailed: hasErrors(holidays.problems) } : {}),
      ...(site ? { site } : {}),
      ...(options.lastChanged ? { lastChanged: options.lastChanged } : {}),
      ...(options.audience ? { audience: options.audience } : {}),
    }),
  );
  // Pictures are decoded on a thread of their own while the check runs; end it, and keep what decoded.
  closeDecoder();
  return { contentDir, problems, entries, files, today };
}

/** True when any problem is an error (warnings do not stop a build). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
