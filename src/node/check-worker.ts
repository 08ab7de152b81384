/**
 * The content check in a worker thread, for a build that checks a large
 * content folder while Astro builds it (src/node/build.ts). Only the
 * problems go back: the build needs nothing else from the check.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkContent } from '#lib/content/check.ts';

const { contentDir, now, audience } = workerData as { contentDir: string; now: string; audience: 'web' | 'print' };
const { problems } = checkContent(contentDir, { now, audience });
parentPort?.postMessage(problems);
