import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('package-lock.json', () => {
  it('has an entry for every optional dependency it names, so that npm ci accepts it', () => {
    // `npm install <package>` skips the postinstall that prunes packages the
    // registry mirror lacks; run `node scripts/prune-lockfile.ts` after it.
    const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        let found = false;
        for (let dir = path; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
          if (`${dir ? `${dir}/` : ''}node_modules/${name}` in lock.packages) found = true;
          if (found || !dir.includes('node_modules/')) break;
        }
        if (!found && !(`node_modules/${name}` in lock.packages)) missing.push(`${path} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
