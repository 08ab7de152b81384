/**
 * Runs after `npm install`. Some registry mirrors (this project's CI among
 * them) lack the other platforms' builds of optional native packages, such
 * as @astrojs/compiler-binding-darwin-arm64@0.5.1. npm then leaves those
 * packages out of package-lock.json but still lists them as optional
 * dependencies of their parent, and `npm ci` refuses such a lock
 * ("Missing: … from lock file"). This drops optional dependencies that have
 * no entry in the lock, so the lock `npm install` writes is one `npm ci`
 * accepts. With a complete registry every optional package has an entry and
 * nothing changes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
if (existsSync(LOCK)) {
  const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as { packages?: Record<string, { optionalDependencies?: Record<string, string> }> };
  const packages = lock.packages ?? {};
  const pruned: string[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    const optional = entry.optionalDependencies;
    if (!optional) continue;
    for (const name of Object.keys(optional)) {
      // npm places a dependency beside its parent or further up the tree.
      const candidates = [`${path}/node_modules/${name}`];
      for (let dir = path; dir.includes('node_modules/'); dir = dir.slice(0, dir.lastIndexOf('node_modules/') - 1)) {
        candidates.push(`${dir.slice(0, dir.lastIndexOf('node_modules/'))}node_modules/${name}`);
      }
      if (!candidates.some((c) => c in packages)) {
        delete optional[name];
        pruned.push(name);
      }
    }
  }
  if (pruned.length > 0) {
    writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
    console.log(`package-lock.json: dropped ${pruned.length} optional package(s) the registry does not have: ${pruned.join(', ')}`);
  }
}
