/**
 * What an incremental upload (rclone sync, rsync --checksum) would move
 * after a rebuild: the files whose bytes changed or that are new, and those
 * to delete. Two builds of the same content are the same bytes
 * (test/build/reproducible.test.ts), so this is what a change really costs
 * to publish to an object store or CDN.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export type Fingerprint = Map<string, { hash: string; size: number }>;

export async function fingerprintOutput(dir: string): Promise<Fingerprint> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const prints: Fingerprint = new Map();
  for (const e of entries) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    const bytes = await readFile(file);
    prints.set(relative(dir, file), { hash: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
  }
  return prints;
}

export interface UploadFigures {
  /** Files new or changed: what a sync uploads. */
  files: number;
  bytes: number;
  /** Files gone: what a sync deletes. */
  deleted: number;
  /** Files in the new output. */
  total: number;
  totalBytes: number;
  /** Up to ten of the uploaded files, to see what a change touches. */
  sample: string[];
}

export function uploadFor(before: Fingerprint, after: Fingerprint): UploadFigures {
  const changed = [...after].filter(([path, print]) => before.get(path)?.hash !== print.hash);
  return {
    files: changed.length,
    bytes: changed.reduce((sum, [, p]) => sum + p.size, 0),
    deleted: [...before.keys()].filter((path) => !after.has(path)).length,
    total: after.size,
    totalBytes: [...after.values()].reduce((sum, p) => sum + p.size, 0),
    sample: changed
      .map(([path]) => path)
      .sort()
      .slice(0, 10),
  };
}
