/**
 * Where a build may put its site (src/lib/output-folder.ts): the path
 * relations and the facts that make an output folder safe to replace,
 * decided without a disk. The same rules run on a real disk in
 * output-switch.test.ts and through `npm run build` in build-output-cli.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  buildsFolder,
  describeOutputProblem,
  EARLIER_BUILD_FILES,
  isWithin,
  judgeOutput,
  OUTPUT_MARKER,
  placeProblem,
  type OutputFacts,
  type OutputNow,
} from '#lib/output-folder.ts';

const CONTENT = '/srv/qingxi/content';
const ROOT = '/opt/siliang';
const HOME = '/home/xuanchuan';
const at = (out: string, more: Partial<{ content: string; root: string; home: string }> = {}) => placeProblem({ out, content: CONTENT, root: ROOT, home: HOME, ...more })?.kind;

describe('isWithin', () => {
  it('counts a folder as within itself and its descendants as within it', () => {
    expect(isWithin('/a/b', '/a/b')).toBe(true);
    expect(isWithin('/a/b/c/d', '/a/b')).toBe(true);
  });

  it('does not count a sibling whose name starts with the same letters, or the parent', () => {
    expect(isWithin('/a/bc', '/a/b')).toBe(false);
    expect(isWithin('/a', '/a/b')).toBe(false);
    expect(isWithin('/x/b', '/a/b')).toBe(false);
  });

  it('counts a child whose name starts with two dots as inside, not above', () => {
    expect(isWithin('/a/..b', '/a')).toBe(true);
  });
});

describe('the place of an output folder', () => {
  it('refuses the content folder, a folder inside it and a folder around it', () => {
    expect(at(CONTENT)).toBe('is-content');
    expect(at(`${CONTENT}/units`)).toBe('inside-content');
    expect(at(`${CONTENT}/units/menzhen/dist`)).toBe('inside-content');
    expect(at('/srv/qingxi')).toBe('contains-content');
    expect(at('/srv')).toBe('contains-content');
  });

  it('refuses an output whose folder of builds would be the content folder', () => {
    expect(at('/srv/qingxi/site', { content: '/srv/qingxi/site.builds' })).toBe('is-content');
  });

  it('refuses the project itself and any folder around it, but not dist inside it', () => {
    expect(at(ROOT)).toBe('is-root');
    expect(at('/opt')).toBe('contains-root');
    expect(at(`${ROOT}/dist`)).toBeUndefined();
  });

  it('refuses the home folder and any folder around it, but not a folder inside it', () => {
    expect(at(HOME)).toBe('is-home');
    expect(at('/home')).toBe('contains-home');
    expect(at(`${HOME}/gongkai-site`)).toBeUndefined();
  });

  it('refuses the filesystem root whatever else is true', () => {
    expect(at('/', { content: '/elsewhere/content' })).toBe('filesystem-root');
  });

  it('takes a home folder that is / (a service account) as no home folder at all', () => {
    expect(at('/srv/site', { home: '/' })).toBeUndefined();
  });

  it('accepts a new folder beside the content', () => {
    expect(at('/srv/qingxi/dist')).toBeUndefined();
    expect(at('/var/www/gongkai')).toBeUndefined();
  });
});

describe('what is already at the output', () => {
  const OUT = '/srv/qingxi/dist';
  const facts = (out: OutputNow, more: Partial<OutputFacts> = {}): OutputFacts => ({ out, builds: 'missing', switchLink: 'missing', ...more });
  const judged = (f: OutputFacts) => {
    const d = judgeOutput(OUT, f);
    return d.ok ? d.layout : d.problem.kind;
  };
  const folder = (entries: string[], present: string[] = []): OutputNow => ({ kind: 'folder', entries, present });

  it('accepts nothing there, an empty folder, and its own link', () => {
    expect(judged(facts({ kind: 'missing' }))).toBe('new');
    expect(judged(facts(folder([])))).toBe('empty-folder');
    expect(judged(facts({ kind: 'link', target: `${buildsFolder(OUT)}/v1`, ours: true }, { builds: 'ours' }))).toBe('linked');
  });

  it('accepts a folder with the marker, and an earlier build that has every file each build writes', () => {
    expect(judged(facts(folder(['index.html', OUTPUT_MARKER], [OUTPUT_MARKER])))).toBe('earlier-build');
    expect(judged(facts(folder(['index.html', '404.html', 'search', 'pagefind', 'print', 'kiosk'], [...EARLIER_BUILD_FILES])))).toBe('earlier-build');
  });

  it('refuses a folder missing one of the files every build writes, naming a few of its files', () => {
    const present = EARLIER_BUILD_FILES.filter((f) => f !== 'pagefind/pagefind.js');
    const d = judgeOutput(OUT, facts(folder(['index.html', '404.html', 'search', 'print', 'kiosk', 'notes.txt'], present)));
    expect(d).toEqual({ ok: false, problem: { kind: 'foreign-files', folder: OUT, examples: ['404.html', 'index.html', 'kiosk'] } });
  });

  it('refuses a Git working tree even when it carries the marker', () => {
    expect(judged(facts(folder(['.git', OUTPUT_MARKER], [OUTPUT_MARKER])))).toBe('git');
  });

  it('refuses a file, and a link it did not make', () => {
    expect(judged(facts({ kind: 'file' }))).toBe('not-a-folder');
    expect(judged(facts({ kind: 'link', target: '/var/www/html', ours: false }))).toBe('foreign-link');
  });

  it('refuses when the names it writes beside the output are taken by something else', () => {
    expect(judged(facts({ kind: 'missing' }, { builds: 'foreign' }))).toBe('foreign-builds');
    expect(judged(facts({ kind: 'missing' }, { builds: 'not-a-folder' }))).toBe('foreign-builds');
    expect(judged(facts({ kind: 'missing' }, { switchLink: 'other' }))).toBe('foreign-switch');
  });

  it('refuses a folder inside another output’s folder of builds, even a complete version there', () => {
    expect(judged(facts(folder([OUTPUT_MARKER], [OUTPUT_MARKER]), { insideBuilds: '/srv/qingxi/dist.builds' }))).toBe('inside-builds');
    expect(judged(facts({ kind: 'missing' }, { insideBuilds: '/srv/qingxi/dist.builds' }))).toBe('inside-builds');
  });
});

describe('the refusal message', () => {
  it('names the folder and a fix in Chinese, for every kind of refusal', () => {
    const problems = [
      { kind: 'filesystem-root', folder: '/' },
      { kind: 'is-content', folder: CONTENT, content: CONTENT },
      { kind: 'inside-content', folder: `${CONTENT}/units`, content: CONTENT },
      { kind: 'contains-content', folder: '/srv/qingxi', content: CONTENT },
      { kind: 'is-root', folder: ROOT, root: ROOT },
      { kind: 'contains-root', folder: '/opt', root: ROOT },
      { kind: 'is-home', folder: HOME, home: HOME },
      { kind: 'contains-home', folder: '/home', home: HOME },
      { kind: 'not-a-folder', folder: '/srv/qingxi/dist' },
      { kind: 'foreign-link', folder: '/srv/qingxi/dist', target: '/var/www/html' },
      { kind: 'git', folder: '/srv/qingxi/dist' },
      { kind: 'foreign-files', folder: '/srv/qingxi/dist', examples: ['notes.txt'] },
      { kind: 'foreign-builds', folder: '/srv/qingxi/dist.builds' },
      { kind: 'foreign-switch', folder: '/srv/qingxi/dist.switch' },
      { kind: 'inside-builds', folder: '/srv/qingxi/dist.builds/v1', builds: '/srv/qingxi/dist.builds' },
    ] as const;
    for (const problem of problems) {
      const message = describeOutputProblem(problem, CONTENT);
      expect(message).toContain(problem.folder);
      expect(message).toContain('修改：');
      expect(message).toMatch(/[\u4e00-\u9fff]{4}/);
    }
  });

  it('suggests an output beside the content folder, which is itself accepted', () => {
    const message = describeOutputProblem({ kind: 'is-content', folder: CONTENT, content: CONTENT }, CONTENT);
    const suggested = /--out (\S+?)（/.exec(message)?.[1];
    expect(suggested).toBe('/srv/qingxi/content-dist');
    expect(at(suggested as string)).toBeUndefined();
  });
});
