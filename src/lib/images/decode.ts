/**
 * Decoding an image in the content checker, so that a picture the build
 * could not read (a JPEG cut short in copying, a PNG whose header is right
 * and whose data is not) is reported in Chinese at the field that names it
 * before the build starts, rather than published half grey or failing deep
 * in Astro with an English stack trace.
 *
 * The checker is synchronous and sharp is not: images are decoded on a
 * worker thread (./decode-worker.ts) while the checker waits on a shared
 * flag. Only the pictures that go through Astro's image pipeline are
 * decoded here (logos, floor plans, slide pictures, pictures in a body);
 * a province's 35,000 staff photos would take minutes on every check, and
 * the photo step decodes each of those once anyway (src/integration/photos.ts).
 *
 * A picture that decoded once is not decoded again while it is unchanged:
 * the outcome is kept by content hash in node_modules/.astro, and a file
 * whose size and modification time are as last seen is not even read.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

import { TEST_HOOK_ENV, testHook } from '../options.ts';
import type { DecodeFailure } from './decode-failure.ts';

export type { DecodeFailure };

/** Set to keep the record of decoded pictures elsewhere (tests use a folder of their own). */
export const IMAGE_CHECK_CACHE_ENV = TEST_HOOK_ENV.imageCheckCache;

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function cacheFile(): string {
  return testHook('imageCheckCache') ?? join(PROJECT_ROOT, 'node_modules', '.astro', 'siliang-image-check.json');
}

interface Record_ {
  /** Real path → what it was when last decoded. */
  seen: Record<string, { size: number; mtimeMs: number; hash: string }>;
  /** Content hashes of pictures that decoded. */
  good: Record<string, true>;
}

let record: { file: string; data: Record_; dirty: boolean } | undefined;

function loadRecord(): { file: string; data: Record_; dirty: boolean } {
  const file = cacheFile();
  if (record?.file === file) return record;
  let data: Record_ = { seen: {}, good: {} };
  try {
    const read = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record_>;
    if (read && typeof read.seen === 'object' && typeof read.good === 'object') data = { seen: read.seen ?? {}, good: read.good ?? {} };
  } catch {
    // None yet, or unreadable: start afresh.
  }
  record = { file, data, dirty: false };
  return record;
}

/** How long the checker waits for one picture: a safety net for a thread that died, not a limit on slow machines. */
const WAIT_MS = 10 * 60_000;

interface Decoder {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

let decoder: Decoder | undefined;
/** How many pictures this process has decoded, for tests of the record. */
let decodedCount = 0;

function startDecoder(): Decoder {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { workerData: { port: port2, signal }, transferList: [port2] });
  // Never what keeps a process alive; closeDecoder() ends it when the check is done.
  worker.unref();
  port1.unref();
  return { worker, port: port1, signal };
}

function decodeNow(bytes: Uint8Array): DecodeFailure | undefined {
  decoder ??= startDecoder();
  const { port, signal } = decoder;
  Atomics.store(signal, 0, 0);
  port.postMessage({ bytes });
  if (Atomics.wait(signal, 0, 0, WAIT_MS) === 'timed-out') {
    closeDecoder();
    throw new Error('图片检查线程没有响应（image decoder did not answer）');
  }
  const answer = receiveMessageOnPort(port)?.message as { ok: true } | ({ ok: false; reason: string } & Omit<DecodeFailure, 'reason'>) | undefined;
  decodedCount += 1;
  if (!answer) throw new Error('图片检查线程没有回答（image decoder sent nothing）');
  if (answer.ok) return undefined;
  // The thread could not load sharp: a broken installation, not a broken picture.
  if (answer.reason === 'internal') throw new Error(`图片检查无法进行：${answer.detail}`);
  return answer as DecodeFailure;
}

/** Outcomes within this process, by real path, size and modification time: a picture named twice is decoded once. */
const memo = new Map<string, DecodeFailure | undefined>();

/**
 * Decodes the picture at `real` (a resolved path) fully; nothing when it
 * decodes, else why not. Unchanged pictures that decoded before are not
 * decoded again (see the module comment).
 */
export function decodeImage(real: string): DecodeFailure | undefined {
  const { size, mtimeMs } = statSync(real);
  const key = `${real}\u0000${size}\u0000${mtimeMs}`;
  if (memo.has(key)) return memo.get(key);
  const rec = loadRecord();
  const seen = rec.data.seen[real];
  if (seen && seen.size === size && seen.mtimeMs === mtimeMs && rec.data.good[seen.hash]) {
    memo.set(key, undefined);
    return undefined;
  }
  const bytes = readFileSync(real);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const failure = rec.data.good[hash] ? undefined : decodeNow(bytes);
  if (!failure) {
    rec.data.good[hash] = true;
    rec.data.seen[real] = { size, mtimeMs, hash };
    rec.dirty = true;
  }
  memo.set(key, failure);
  return failure;
}

/** How many pictures this process has handed to the decoder so far. */
export function imagesDecoded(): number {
  return decodedCount;
}

/**
 * Ends the decoding thread, if one was started, and writes down what
 * decoded. The checker calls it when a check is done; calling it again, or
 * decoding again after it, is fine.
 */
export function closeDecoder(): void {
  if (decoder) {
    void decoder.worker.terminate();
    decoder.port.close();
    decoder = undefined;
  }
  memo.clear();
  if (!record?.dirty) return;
  const { file, data } = record;
  // Keep only pictures that are still there and what they decoded to, so the record does not grow with every edit.
  const seen: Record_['seen'] = {};
  const good: Record_['good'] = {};
  for (const [path, s] of Object.entries(data.seen)) {
    try {
      statSync(path);
    } catch {
      continue;
    }
    seen[path] = s;
    if (data.good[s.hash]) good[s.hash] = true;
  }
  record = { file, data: { seen, good }, dirty: false };
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ seen, good }));
    renameSync(temporary, file);
  } catch {
    // A read-only project: the next check decodes again, nothing worse.
  }
}
