/**
 * Makes photos off the main thread (see finish() in ./photos.ts). sharp's
 * native call spends part of every operation on the calling thread, about
 * a millisecond here: tens of thousands of photos would take minutes of
 * the thread Astro renders pages on. In a worker that time runs beside it.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { PhotoRecord } from '#lib/images/photo-recipe.ts';
import sharp from 'sharp';
import { processPhoto } from './photos.ts';

// Each photo is decoded once and never again: libvips' cache of recent
// operations (up to 50 MB) would only hold memory a province's build needs.
sharp.cache(false);

interface Job {
  abs: string;
  rel: string;
  record: PhotoRecord;
}

const { jobs, cacheDir, inFlight } = workerData as { jobs: Job[]; cacheDir: string; inFlight: number };
let next = 0;
let failed: { rel: string; message: string } | undefined;
async function work(): Promise<void> {
  while (next < jobs.length && !failed) {
    const job = jobs[next++] as Job;
    try {
      await processPhoto(await readFile(job.abs), job.record, cacheDir);
    } catch (error) {
      failed ??= { rel: job.rel, message: error instanceof Error ? error.message : String(error) };
    }
  }
}
await Promise.all(Array.from({ length: inFlight }, work));
parentPort?.postMessage(failed ? { failed } : { done: jobs.length });
