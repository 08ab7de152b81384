/**
 * package-lock.json and the optional packages a registry mirror lacks.
 *
 * Some registry mirrors (this project's CI among them) lack the other
 * platforms' builds of optional native packages, such as
 * @astrojs/compiler-binding-darwin-arm64. `npm install` then leaves them out
 * of the lock but still lists them as optional dependencies of their parent,
 * and `npm ci` refuses such a lock ("Missing: … from lock file"). A
 * maintainer who updated dependencies against such a mirror runs
 * `npm run lock:prune`; users' installs never edit the lock.
 */

export interface LockEntry {
  optionalDependencies?: Record<string, string>;
  [field: string]: unknown;
}

export interface Lockfile {
  packages?: Record<string, LockEntry>;
  [field: string]: unknown;
}

/**
 * Where npm looks for `name` needed by the package at `path` (a key of
 * `packages`, "" for the project): beside it in its own node_modules, then
 * in each enclosing package's, up to the project's.
 */
export function lookupPaths(path: string, name: string): string[] {
  const paths: string[] = [];
  for (let dir = path; ;) {
    paths.push(`${dir ? `${dir}/` : ''}node_modules/${name}`);
    if (!dir) return paths;
    const parent = dir.lastIndexOf('/node_modules/');
    dir = parent < 0 ? '' : dir.slice(0, parent);
  }
}

/** Optional dependencies the lock names but has no entry for, as "path → name". */
export function missingOptional(lock: Lockfile): Array<{ path: string; name: string }> {
  const packages = lock.packages ?? {};
  const missing: Array<{ path: string; name: string }> = [];
  for (const [path, entry] of Object.entries(packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      if (!lookupPaths(path, name).some((p) => p in packages)) missing.push({ path, name });
    }
  }
  return missing;
}

/**
 * The lock without the optional dependencies it has no entry for (a copy;
 * the lock given is left as it is), and their names. With a complete
 * registry nothing is missing and the copy equals the lock.
 */
export function pruneLockfile(lock: Lockfile): { lock: Lockfile; pruned: string[] } {
  const copy = structuredClone(lock);
  const missing = missingOptional(copy);
  for (const { path, name } of missing) {
    const entry = copy.packages?.[path];
    if (entry?.optionalDependencies) delete entry.optionalDependencies[name];
  }
  return { lock: copy, pruned: missing.map((m) => m.name) };
}
