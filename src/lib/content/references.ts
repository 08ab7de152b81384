/**
 * Checks that every reference between files points at something that exists:
 * a member of staff's post, a pledge's staff member, an award's winner, a
 * notice's unit. A dangling reference is reported at the referring field.
 */
import { isEntryOf, type CheckedEntry } from './entry.ts';
import { fieldPath, type Problem } from './problem.ts';

type Path = PropertyKey[];

interface Reference {
  from: CheckedEntry;
  path: Path;
  target: 'posts' | 'staff' | 'units' | 'procedures';
  id: string;
  /** Chinese name of what is referenced. */
  what: string;
  /** Which folder holds the files that may be referenced. */
  folder: string;
}

function referencesOf(entry: CheckedEntry): Reference[] {
  const refs: Reference[] = [];
  const unit = entry.unit;
  const inUnit = (path: Path, value: string | undefined, target: 'posts' | 'staff', what: string) => {
    if (value !== undefined && unit) {
      refs.push({ from: entry, path, target, id: `${unit}/${value}`, what, folder: `units/${unit}/${target}/` });
    }
  };
  switch (entry.collection) {
    case 'staff':
      inUnit(['post'], entry.data.post, 'posts', '岗位');
      break;
    case 'pledges':
      inUnit(['by', 'staff'], entry.data.by.staff, 'staff', '工作人员');
      break;
    case 'evaluations':
      entry.data.awards?.forEach((award, i) => inUnit(['awards', i, 'staff'], award.staff, 'staff', '工作人员'));
      entry.data.people?.forEach((person, i) => inUnit(['people', i, 'staff'], person.staff, 'staff', '工作人员'));
      break;
    case 'screens':
      entry.data.slides.forEach(({ unit, procedure }, i) => {
        if (unit === undefined) return;
        refs.push({ from: entry, path: ['slides', i, 'unit'], target: 'units', id: unit, what: '单位', folder: 'units/' });
        if (procedure !== undefined) {
          refs.push({ from: entry, path: ['slides', i, 'procedure'], target: 'procedures', id: `${unit}/${procedure}`, what: '办事事项', folder: `units/${unit}/procedures/` });
        }
      });
      break;
    case 'site':
      // A privacy tier for a unit that does not exist protects nobody: most likely the folder name is misspelt.
      for (const id of Object.keys(entry.data.privacy?.units ?? {})) {
        refs.push({ from: entry, path: ['privacy', 'units', id], target: 'units', id, what: '单位', folder: 'units/' });
      }
      break;
    case 'notices':
      if (entry.data.unit !== undefined) refs.push({ from: entry, path: ['unit'], target: 'units', id: entry.data.unit, what: '单位', folder: 'units/' });
      break;
    default:
      break;
  }
  return refs;
}

/**
 * `entries` are the valid entries whose references are checked; `existing`
 * lists `collection:id` for every content file found, valid or not.
 */
const fileEnding = (target: Reference['target']) => (target === 'units' ? '/' : target === 'procedures' ? '.md' : '.yaml');
const newFile = (target: Reference['target']) => (target === 'units' ? '/unit.yaml' : fileEnding(target));

export function checkReferences(entries: readonly CheckedEntry[], existing: readonly string[] = entries.map((e) => `${e.collection}:${e.id}`)): Problem[] {
  const ids = new Map<string, Set<string>>();
  for (const key of existing) {
    const [collection, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    let set = ids.get(collection);
    if (!set) ids.set(collection, (set = new Set()));
    set.add(id);
  }
  const problems: Problem[] = [];
  for (const entry of entries) {
    for (const ref of referencesOf(entry)) {
      const known = ids.get(ref.target) ?? new Set<string>();
      if (known.has(ref.id)) continue;
      const prefix = ref.target === 'units' ? '' : ref.target === 'procedures' ? ref.id.slice(0, ref.id.indexOf('/') + 1) : `${entry.unit}/`;
      const choices = [...known].filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length));
      const { position } = entry.source.locate(ref.path);
      const name = ref.id.slice(prefix.length);
      problems.push({
        severity: 'error',
        kind: 'dangling-reference',
        file: entry.file,
        line: position.line,
        column: position.column,
        field: fieldPath(ref.path),
        message: `找不到${ref.what}“${name}”：${ref.folder}里没有 ${name}${fileEnding(ref.target)}`,
        fix:
          choices.length > 0
            ? `改成已有的${ref.what}之一：${choices.join('、')}；或先建好 ${ref.folder}${name}${newFile(ref.target)}`
            : `先建好 ${ref.folder}${name}${newFile(ref.target)}`,
      });
    }
  }
  // A window number that the unit does not list is probably a typo.
  const windows = new Map<string, string[]>();
  for (const e of entries.filter(isEntryOf('units'))) {
    const list = e.data.location?.windows;
    if (list) windows.set(e.id, list);
  }
  for (const e of entries.filter(isEntryOf('staff'))) {
    if (!e.unit) continue;
    const window = e.data.window;
    const list = windows.get(e.unit);
    if (window === undefined || !list || list.includes(window)) continue;
    const { position } = e.source.locate(['window']);
    problems.push({
      severity: 'warning',
      kind: 'unknown-window',
      file: e.file,
      line: position.line,
      column: position.column,
      field: 'window',
      fieldTitle: '窗口号',
      message: `窗口号“${window}”不在本单位的窗口列表里（${list.join('、')}）`,
      fix: `检查窗口号，或在 units/${e.unit}/unit.yaml 的 location.windows 里加上它`,
    });
  }
  return problems;
}
