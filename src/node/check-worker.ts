/**
 * The content check in a worker thread, for a build that checks a large
 * content folder while Astro builds it (src/node/build.ts). Only the
 * problems go back: the build needs nothing else from the check.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkContent } from '#lib/content/check.ts';

const { contentDir, now } = workerData as { contentDir: string; now: string };
const { problems } = checkContent(contentDir, { now });
parentPort?.postMessage(problems);
