/**
 * The past states of a unit's sheets, read from the content folder's Git
 * history: for each recent commit that touched the unit's folder or
 * site.yaml, the unit is rebuilt from its files as they were then and every
 * sheet's version code computed, so that the page behind a QR code can
 * recognise a sheet printed back then and say what has changed since.
 *
 * Everything is read through one `git ls-tree` per commit and a single
 * `git cat-file --batch` process. Without Git, or for a file Git does not
 * know, there is simply no history.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { photoPath } from '../images/photo-recipe.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { z } from 'astro/zod';
import { COLLECTIONS, placeFile, type CollectionName } from '#schemas/collections.ts';
import type { SchemaContext } from '#schemas/context.ts';
import { readMarkdownSource, readYamlSource } from '../content/source.ts';
import { todayIn } from '../dates.ts';
import { buildModel, type ContentEntries, type UnitModel } from '../model.ts';
import { unitSheets, type PastState } from './catalogue.ts';
import { NO_PHOTO, type PhotoId } from './printed.ts';

function git(contentDir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', contentDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** The hash Git gives a file's content, so that a photo's identity is the same on disk and in history. */
export function gitBlobHash(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Reads many blobs with one `git cat-file --batch`. */
function readBlobs(contentDir: string, shas: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (shas.length === 0) return out;
  const result = spawnSync('git', ['-C', contentDir, 'cat-file', '--batch'], { input: `${shas.join('\n')}\n`, maxBuffer: 1024 * 1024 * 1024 });
  if (result.status !== 0) return out;
  const buffer = result.stdout;
  let at = 0;
  while (at < buffer.length) {
    const newline = buffer.indexOf(0x0a, at);
    if (newline < 0) break;
    const [sha, type, size] = buffer.subarray(at, newline).toString('utf8').split(' ');
    if (type === 'missing' || sha === undefined || size === undefined) {
      at = newline + 1;
      continue;
    }
    const length = Number(size);
    out.set(sha, buffer.subarray(newline + 1, newline + 1 + length).toString('utf8'));
    at = newline + 1 + length + 1;
  }
  return out;
}

const lenient: SchemaContext = { image: () => z.string(), file: () => z.string() };

interface TreeFile {
  path: string;
  sha: string;
}

function parseEntry(path: string, text: string) {
  const placement = placeFile(path);
  if (!placement) return undefined;
  const layout = COLLECTIONS[placement.collection];
  const source = layout.format === 'markdown' ? readMarkdownSource(path, text) : readYamlSource(path, text);
  if (source.data === undefined) return undefined;
  const parsed = (layout.schema as (ctx: SchemaContext) => z.ZodType)(lenient).safeParse(source.data);
  return parsed.success ? { placement, data: parsed.data as Record<string, unknown> } : undefined;
}

/** The unit as it was in the files listed: `undefined` when it could not be read then. */
function unitAt(unitId: string, files: readonly TreeFile[], blobs: ReadonlyMap<string, string>, date: string): UnitModel<string> | undefined {
  const byCollection = new Map<CollectionName, Array<{ id: string; data: Record<string, unknown>; file: string }>>();
  let site: Record<string, unknown> | undefined;
  for (const f of files) {
    const text = blobs.get(f.sha);
    if (text === undefined) continue;
    const entry = parseEntry(f.path, text);
    if (!entry) continue;
    if (entry.placement.collection === 'site') {
      site = entry.data;
      continue;
    }
    const list = byCollection.get(entry.placement.collection) ?? [];
    list.push({ id: entry.placement.id, data: entry.data, file: f.path });
    byCollection.set(entry.placement.collection, list);
  }
  if (!site || !byCollection.get('units')?.length) return undefined;
  const list = (c: CollectionName) => (byCollection.get(c) ?? []) as never[];
  const content: ContentEntries<string> = {
    site: site as never,
    siteFile: 'site.yaml',
    units: list('units'),
    procedures: list('procedures'),
    staff: list('staff'),
    posts: list('posts'),
    pledges: list('pledges'),
    evaluations: [],
    notices: [],
  };
  return buildModel(content, date, () => undefined).units.find((u) => u.id === unitId);
}

/** Whether the content folder has any committed history; asked once per folder. */
const tracked = new Map<string, boolean>();
function hasHistory(contentDir: string): boolean {
  let known = tracked.get(contentDir);
  if (known === undefined) tracked.set(contentDir, (known = Boolean(git(contentDir, ['log', '-1', '--format=%H', '--', '.'])?.trim())));
  return known;
}

/** A unit as it was at one commit, with the files it was made from. */
export interface UnitState {
  commit: string;
  /** The commit's date in the organisation's time zone. */
  date: string;
  unit: UnitModel<string>;
  /** Path → blob hash of the unit's files then. */
  shas: ReadonlyMap<string, string>;
}

/**
 * The unit in each of its last `limit` committed states, newest first,
 * rebuilt from its files as they were then. `timeZone` turns commit times
 * into the organisation's dates. Empty without Git.
 */
export function unitStates(contentDir: string, unitId: string, timeZone: string, limit = 20): UnitState[] {
  // A folder outside Git (a generated or copied organisation) has no past
  // printings: one question instead of a git process for each of thousands of units.
  if (!hasHistory(contentDir)) return [];
  const log = git(contentDir, ['log', `-n${limit}`, '--format=%H%x09%cI', '--', `units/${unitId}`, 'site.yaml', 'site.yml']);
  if (!log) return [];
  const commits = log
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit, when] = line.split('\t') as [string, string];
      return { commit, date: todayIn(timeZone, new Date(when)) };
    });
  const trees = commits.map((c) => {
    const listing = git(contentDir, ['ls-tree', '-r', c.commit, '--', `units/${unitId}`, 'site.yaml', 'site.yml']) ?? '';
    const files: TreeFile[] = listing
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [meta, path] = line.split('\t') as [string, string];
        return { path, sha: meta.split(' ')[2] ?? '' };
      });
    return { ...c, files };
  });
  const wanted = new Set(trees.flatMap((t) => t.files.filter((f) => placeFile(f.path)).map((f) => f.sha)));
  const blobs = readBlobs(contentDir, [...wanted]);
  const states: UnitState[] = [];
  for (const t of trees) {
    const unit = unitAt(unitId, t.files, blobs, t.date);
    if (unit) states.push({ commit: t.commit, date: t.date, unit, shas: new Map(t.files.map((f) => [f.path, f.sha])) });
  }
  return states;
}

/** The sheets of a unit in each of its last `limit` committed states, newest first. */
export function unitHistory(contentDir: string, unitId: string, timeZone: string, limit = 20): PastState[] {
  return unitStates(contentDir, unitId, timeZone, limit).map(({ date, unit, shas }) => {
    const photoId: PhotoId = (s) => (typeof s.data.photo !== 'string' ? NO_PHOTO : (shas.get(photoPath(s.file, s.data.photo)) ?? s.data.photo));
    // As printed on the day of the commit: the board's pledge year and the overdue marks then.
    return { date, sheets: unitSheets(unit, photoId, date) };
  });
}

/**
 * Photo identities for the current content: the Git blob hash of each
 * staff photo as it is on disk, found through the staff file's own `photo:`.
 */
export function currentPhotoId(contentDir: string): PhotoId {
  const cache = new Map<string, string>();
  return (s) => {
    const known = cache.get(s.file);
    if (known !== undefined) return known;
    let id: string;
    try {
      const source = readYamlSource(s.file, readFileSync(posix.join(contentDir, s.file), 'utf8'));
      const photo = (source.data as { photo?: unknown } | undefined)?.photo;
      id = typeof photo === 'string' ? gitBlobHash(readFileSync(posix.join(contentDir, photoPath(s.file, photo)))) : NO_PHOTO;
    } catch {
      id = s.file;
    }
    cache.set(s.file, id);
    return id;
  };
}
