/**
 * Where a build may put its site, decided from paths and a few facts about
 * what is already there, without touching the disk (src/node/output.ts
 * gathers the facts and does the writing).
 *
 * The output `dist` is served through a symbolic link: `dist` points at one
 * complete build in `dist.builds/<version>/`, and publishing a new build
 * renames a new link over `dist`, which is one atomic step. A build refuses,
 * before writing anything, any output that would replace or delete what it
 * did not make: the content folder, a folder inside or around it, the
 * project, the home folder, `/`, a Git working tree, or a folder holding
 * files of its own.
 */
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';

/** Written into every build, last: a folder with it is a complete Siliang build that a later build may replace. */
export const OUTPUT_MARKER = '.siliang-output';
/** Written into the folder of builds when it is made: only a folder with it is ever cleaned up. */
export const BUILDS_MARKER = '.siliang-builds';

/** The folder beside the output that holds its builds: `dist` → `dist.builds`. */
export const buildsFolder = (out: string): string => `${out}.builds`;
/** The link made beside the output and renamed over it to publish a build: `dist` → `dist.switch`. */
export const switchLink = (out: string): string => `${out}.switch`;

/**
 * Files every build of the version before the marker wrote (src/pages, the
 * integration's search index, the print manifest and the kiosk's service
 * worker). A folder holding all of them, without a marker, is taken for an
 * earlier Siliang build and moved into the new layout rather than refused.
 */
export const EARLIER_BUILD_FILES = ['index.html', '404.html', 'search/index.html', 'pagefind/pagefind.js', 'print/manifest.json', 'kiosk/sw.js'] as const;

/** True when `inner` is `outer` or inside it; both absolute and normalised. */
export function isWithin(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The places a build must never write into, each real (symbolic links resolved) and absolute. */
export interface Places {
  /** The output folder, as its parent's real path joined with its own name (the output itself may be a link). */
  out: string;
  content: string;
  /** The project root, where astro.config.mjs is. */
  root: string;
  home?: string | undefined;
}

export type PlaceProblem =
  | { kind: 'filesystem-root'; folder: string }
  | { kind: 'is-content' | 'inside-content' | 'contains-content'; folder: string; content: string }
  | { kind: 'is-root' | 'contains-root'; folder: string; root: string }
  | { kind: 'is-home' | 'contains-home'; folder: string; home: string };

/**
 * Why the output may not be at this place, or undefined when it may. The
 * folder of builds beside it is judged too: the build writes there as well.
 */
export function placeProblem(places: Places): PlaceProblem | undefined {
  for (const folder of [places.out, buildsFolder(places.out)]) {
    if (dirname(folder) === folder) return { kind: 'filesystem-root', folder };
    const { content, root } = places;
    const home = places.home && dirname(places.home) !== places.home ? places.home : undefined;
    if (folder === content) return { kind: 'is-content', folder, content };
    if (folder === root) return { kind: 'is-root', folder, root };
    if (home && folder === home) return { kind: 'is-home', folder, home };
    if (isWithin(folder, content)) return { kind: 'inside-content', folder, content };
    if (isWithin(content, folder)) return { kind: 'contains-content', folder, content };
    if (isWithin(root, folder)) return { kind: 'contains-root', folder, root };
    if (home && isWithin(home, folder)) return { kind: 'contains-home', folder, home };
  }
  return undefined;
}

/** What is at the output path now. */
export type OutputNow =
  | { kind: 'missing' }
  | { kind: 'file' }
  /** `ours`: the link points at a folder directly inside the output's folder of builds. */
  | { kind: 'link'; target: string; ours: boolean }
  /** `present`: which of EARLIER_BUILD_FILES and OUTPUT_MARKER it holds; `entries`: its top-level names. */
  | { kind: 'folder'; entries: string[]; present: string[] };

export interface OutputFacts {
  out: OutputNow;
  /** The nearest folder above the output that is another output's folder of builds (holds BUILDS_MARKER), if any. */
  insideBuilds?: string | undefined;
  builds: 'missing' | 'ours' | 'foreign' | 'not-a-folder';
  switchLink: 'missing' | 'link' | 'other';
}

/** How the output is laid out now, when a build may use it. */
export type OutputLayout =
  /** Nothing there yet. */
  | 'new'
  /** A link into the folder of builds, as this version makes it. */
  | 'linked'
  /** An empty folder: removed and replaced by the link. */
  | 'empty-folder'
  /** A real folder that is a Siliang build (with the marker, or all of EARLIER_BUILD_FILES): moved into the folder of builds. */
  | 'earlier-build';

export type OutputProblem =
  | { kind: 'not-a-folder'; folder: string }
  | { kind: 'foreign-link'; folder: string; target: string }
  | { kind: 'git'; folder: string }
  | { kind: 'foreign-files'; folder: string; examples: readonly string[] }
  | { kind: 'foreign-builds'; folder: string }
  | { kind: 'foreign-switch'; folder: string }
  | { kind: 'inside-builds'; folder: string; builds: string };

export type OutputDecision = { ok: true; layout: OutputLayout } | { ok: false; problem: OutputProblem };

/** Whether a build may publish at `out` given what is there, and how it is laid out. */
export function judgeOutput(out: string, facts: OutputFacts): OutputDecision {
  const refuse = (problem: OutputProblem): OutputDecision => ({ ok: false, problem });
  // A version of another output (or a folder in one): publishing here would move or change what that output serves.
  if (facts.insideBuilds) return refuse({ kind: 'inside-builds', folder: out, builds: facts.insideBuilds });
  if (facts.builds === 'foreign' || facts.builds === 'not-a-folder') return refuse({ kind: 'foreign-builds', folder: buildsFolder(out) });
  if (facts.switchLink === 'other') return refuse({ kind: 'foreign-switch', folder: switchLink(out) });
  const now = facts.out;
  switch (now.kind) {
    case 'missing':
      return { ok: true, layout: 'new' };
    case 'file':
      return refuse({ kind: 'not-a-folder', folder: out });
    case 'link':
      return now.ours ? { ok: true, layout: 'linked' } : refuse({ kind: 'foreign-link', folder: out, target: now.target });
    case 'folder': {
      if (now.entries.includes('.git')) return refuse({ kind: 'git', folder: out });
      if (now.entries.length === 0) return { ok: true, layout: 'empty-folder' };
      const present = new Set(now.present);
      if (present.has(OUTPUT_MARKER) || EARLIER_BUILD_FILES.every((f) => present.has(f))) return { ok: true, layout: 'earlier-build' };
      return refuse({ kind: 'foreign-files', folder: out, examples: [...now.entries].sort().slice(0, 3) });
    }
  }
}

/**
 * The refusal in Chinese, with English after it: which folder, why, and
 * what to do instead. `content` is the content folder, for suggesting an
 * output beside it.
 */
export function describeOutputProblem(problem: PlaceProblem | OutputProblem, content: string): string {
  const f = problem.folder;
  const suggestion = `--out ${join(dirname(content), `${basename(content) || 'site'}-dist`)}`;
  const fix = `修改：用 --out 指定一个新的或空的文件夹，例如 ${suggestion}`;
  switch (problem.kind) {
    case 'filesystem-root':
      return `不能把网站生成到根目录 ${f}：生成时会替换那里的一切。${fix}（Refusing to use the filesystem root as the output folder.）`;
    case 'is-content':
      return `不能把网站生成到内容文件夹 ${f} 本身：生成的网站会替换掉全部内容文件。${fix}（The output folder is the content folder; choose another --out.）`;
    case 'inside-content':
      return `不能把网站生成到 ${f}：它在内容文件夹 ${problem.content} 里面，会混进内容、覆盖内容文件。${fix}（The output folder is inside the content folder; choose one outside it.）`;
    case 'contains-content':
      return `不能把网站生成到 ${f}：内容文件夹 ${problem.content} 就在它里面，生成时会被删除。${fix}（The output folder contains the content folder; choose one beside it.）`;
    case 'is-root':
      return `不能把网站生成到项目文件夹 ${f} 本身：生成时会替换整个项目。修改：去掉 --out（默认生成到 dist/），或指定一个新的文件夹（The output folder is the project itself; leave out --out to build into dist/.）`;
    case 'contains-root':
      return `不能把网站生成到 ${f}：项目文件夹 ${problem.root} 就在它里面，生成时会被删除。修改：去掉 --out（默认生成到 dist/），或指定一个新的文件夹（The output folder contains the project; choose another --out.）`;
    case 'is-home':
      return `不能把网站生成到个人主目录 ${f}：生成时会替换里面的所有文件。${fix}（The output folder is the home folder; choose another --out.）`;
    case 'contains-home':
      return `不能把网站生成到 ${f}：个人主目录 ${problem.home} 就在它里面，生成时会被删除。${fix}（The output folder contains the home folder; choose another --out.）`;
    case 'not-a-folder':
      return `输出位置 ${f} 已经是一个文件，不是文件夹，生成网站会替换掉它。${fix}，或先自己移走这个文件（The output path is a file; move it away or choose another --out.）`;
    case 'foreign-link':
      return `输出位置 ${f} 是指向 ${problem.target} 的符号链接，不是 Siliang 建立的，生成网站会把它换掉。${fix}；要用这个位置，先删除这个链接（只删链接，不影响 ${problem.target}）（The output is a link Siliang did not make; remove the link or choose another --out.）`;
    case 'git':
      return `不能把网站生成到 ${f}：它是一个 Git 仓库（里面有 .git），生成时会替换其中的文件和历史。${fix}（The output folder holds a Git repository; choose another --out.）`;
    case 'foreign-files':
      return `输出文件夹 ${f} 里已有不是 Siliang 生成的文件（如 ${problem.examples.join('、')}），生成网站会把它们全部替换掉。${fix}；如果确定这些文件都不要了，先自己删除这个文件夹再生成（The output folder holds files Siliang did not write; choose a new or empty folder, or remove it yourself first.）`;
    case 'foreign-builds':
      return `文件夹 ${f} 已经存在，但不是 Siliang 存放各次生成结果的地方（里面没有 ${BUILDS_MARKER}），生成网站要用这个名字。${fix}，或先移走它（${f} exists and is not Siliang's; move it away or choose another --out.）`;
    case 'inside-builds':
      return `不能把网站生成到 ${f}：它在另一个输出文件夹存放各次生成结果的 ${problem.builds} 里面，生成时会移动或改动那边正在发布的网站。${fix}（The output is inside another output's folder of builds; choose another --out.）`;
    case 'foreign-switch':
      return `${f} 已经存在，但不是 Siliang 留下的符号链接，生成网站要用这个名字切换版本。${fix}，或先移走它（${f} exists and is not a link Siliang left; move it away or choose another --out.）`;
  }
}
