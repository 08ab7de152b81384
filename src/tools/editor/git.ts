/**
 * Each save in the form editor is a Git commit when the content folder is in
 * a Git repository; without Git the editor just writes the file. The author
 * is the officer's name and e-mail (`--author "张晓明 <zhang@example.gov.cn>"`
 * or SILIANG_EDITOR_AUTHOR); without one, Git's own configuration, and if
 * Git has none either, the editor's name, so that a save never fails for
 * want of a name.
 */
import { execFileSync } from 'node:child_process';

const FALLBACK = { name: '四亮编辑器', email: 'editor@siliang.invalid' };

export interface GitRepo {
  /** The repository's top folder. */
  root: string;
}

/** The repository that holds `dir`, if any (and if Git is installed). */
export function findRepo(dir: string): GitRepo | undefined {
  try {
    const root = execFileSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return root === '' ? undefined : { root };
  } catch {
    return undefined;
  }
}

/** `Name <email>` split; `undefined` for a string not of that form. */
export function parseAuthor(text: string | undefined): { name: string; email: string } | undefined {
  const m = /^\s*(.+?)\s*<([^<>\s]+)>\s*$/.exec(text ?? '');
  return m ? { name: m[1] as string, email: m[2] as string } : undefined;
}

function configured(repo: GitRepo, key: string): string | undefined {
  try {
    const value = execFileSync('git', ['-C', repo.root, 'config', key], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

/** Commits `paths` (absolute) with `message`; returns the new commit's short hash, or undefined when nothing changed. */
export function commitFiles(repo: GitRepo, paths: readonly string[], message: string, author?: { name: string; email: string }): string | undefined {
  const git = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
    execFileSync('git', ['-C', repo.root, ...args], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  git(['add', '--', ...paths]);
  const staged = git(['diff', '--cached', '--name-only', '--', ...paths]);
  if (staged === '') return undefined;
  const who = author ?? {
    name: configured(repo, 'user.name') ?? FALLBACK.name,
    email: configured(repo, 'user.email') ?? FALLBACK.email,
  };
  const committer = { name: configured(repo, 'user.name') ?? who.name, email: configured(repo, 'user.email') ?? who.email };
  git(['commit', '--quiet', '--no-verify', `--author=${who.name} <${who.email}>`, '-m', message, '--', ...paths], {
    ...process.env,
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
  });
  return git(['rev-parse', '--short', 'HEAD']);
}
