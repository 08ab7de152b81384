import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookupPaths, missingOptional, pruneLockfile, type Lockfile } from '#tools/lockfile.ts';

const readJson = <T>(file: string) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')) as T;

describe('package-lock.json as committed', () => {
  it('has an entry for every optional dependency it names, so that npm ci accepts it', () => {
    // After `npm install <package>` against a mirror that lacks other
    // platforms' builds, run `npm run lock:prune` and commit the result.
    expect(missingOptional(readJson<Lockfile>('package-lock.json')).map((m) => `${m.path} → ${m.name}`)).toEqual([]);
  });

  it('is not rewritten by a user’s install: the project has no install-time scripts', () => {
    const { scripts } = readJson<{ scripts: Record<string, string> }>('package.json');
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(scripts[hook], hook).toBeUndefined();
    expect(scripts['lock:prune']).toContain('scripts/prune-lockfile.ts');
  });
});

describe('npm run lock:prune', () => {
  /** A lock in which `a` names three optional builds and the mirror had only the Linux one, installed under `a`. */
  const lock = (): Lockfile => ({
    name: 'p',
    lockfileVersion: 3,
    packages: {
      '': { dependencies: { a: '1.0.0', b: '1.0.0' } },
      'node_modules/a': { optionalDependencies: { 'a-linux': '1.0.0', 'a-darwin': '1.0.0', 'a-win32': '1.0.0' } },
      'node_modules/a/node_modules/a-linux': { optional: true },
      'node_modules/b': { optionalDependencies: { 'b-linux': '1.0.0' } },
      'node_modules/b-linux': { optional: true },
    },
  });

  it('looks for a dependency where npm does: beside the package, then in each package around it, then at the top', () => {
    expect(lookupPaths('node_modules/a/node_modules/@s/b', 'c')).toEqual(['node_modules/a/node_modules/@s/b/node_modules/c', 'node_modules/a/node_modules/c', 'node_modules/c']);
    expect(lookupPaths('', 'c')).toEqual(['node_modules/c']);
  });

  it('drops the optional dependencies that have no entry and keeps those found nested or hoisted', () => {
    const before = lock();
    expect(missingOptional(before).map((m) => m.name)).toEqual(['a-darwin', 'a-win32']);
    const { lock: after, pruned } = pruneLockfile(before);
    expect(pruned).toEqual(['a-darwin', 'a-win32']);
    expect(after.packages?.['node_modules/a']?.optionalDependencies).toEqual({ 'a-linux': '1.0.0' });
    expect(after.packages?.['node_modules/b']?.optionalDependencies).toEqual({ 'b-linux': '1.0.0' });
    expect(missingOptional(after)).toEqual([]);
    // The lock it was given is left as it was.
    expect(before).toEqual(lock());
  });

  it('changes nothing in a lock written against a complete registry', () => {
    const complete = lock();
    complete.packages!['node_modules/a-darwin'] = { optional: true };
    complete.packages!['node_modules/a/node_modules/a-win32'] = { optional: true };
    const { lock: after, pruned } = pruneLockfile(complete);
    expect(pruned).toEqual([]);
    expect(after).toEqual(complete);
  });
});
