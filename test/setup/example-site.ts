/**
 * Builds the example organisation once for all build and browser tests, with
 * the clock fixed at 2026-11-22 so that publicity periods and overdue pledges
 * come out the same on any day, and serves it on a local port.
 *
 * Each run builds into a folder of its own (.siliang/test/run-<pid>/): on a
 * shared machine two runs at once must not build over each other's site. The
 * folder stays after the run, to look at, until a later run removes it.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '#node/static-server.ts';
import { buildInto, ROOT } from '../helpers/run.ts';

export const EXAMPLE_NOW = '2026-11-22';

declare module 'vitest' {
  export interface ProvidedContext {
    exampleDir: string;
    exampleUrl: string;
    exampleBuildSeconds: number;
  }
}

const RUNS = join(ROOT, '.siliang', 'test');

/** Is there a process with this id? */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default async function setup(project: TestProject) {
  // Folders of earlier runs, once they are over.
  if (existsSync(RUNS)) {
    for (const name of readdirSync(RUNS)) {
      const pid = /^run-(\d+)$/.exec(name)?.[1];
      if (pid && !alive(Number(pid))) rmSync(join(RUNS, name), { recursive: true, force: true });
    }
  }
  const run = join(RUNS, `run-${process.pid}`);
  rmSync(run, { recursive: true, force: true });
  mkdirSync(run, { recursive: true });
  const out = join(run, 'example');
  const started = performance.now();
  await buildInto(join(ROOT, 'content'), out, { now: EXAMPLE_NOW });
  const seconds = (performance.now() - started) / 1000;
  const { server, url } = await serveStatic({ dir: out, base: '/' });
  project.provide('exampleDir', out);
  project.provide('exampleUrl', url);
  project.provide('exampleBuildSeconds', seconds);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
