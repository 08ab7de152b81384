/**
 * Builds the example organisation once for all build and browser tests, with
 * the clock fixed at 2026-11-22 so that publicity periods and overdue pledges
 * come out the same on any day, and serves it on a local port.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../src/node/static-server.ts';
import { buildInto, ROOT } from '../helpers/run.ts';

export const EXAMPLE_NOW = '2026-11-22';

declare module 'vitest' {
  export interface ProvidedContext {
    exampleDir: string;
    exampleUrl: string;
    exampleBuildSeconds: number;
  }
}

export default async function setup(project: TestProject) {
  const out = join(ROOT, '.siliang', 'test', 'example');
  rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  await buildInto(join(ROOT, 'content'), out, { now: EXAMPLE_NOW });
  const seconds = (performance.now() - started) / 1000;
  const { server, url } = await serveStatic({ dir: out, base: '/' });
  project.provide('exampleDir', out);
  project.provide('exampleUrl', url);
  project.provide('exampleBuildSeconds', seconds);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
