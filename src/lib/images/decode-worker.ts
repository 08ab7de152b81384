/**
 * Decodes images for the content checker (./decode.ts), on its own thread:
 * sharp only works asynchronously, the checker is synchronous, so the
 * checker posts an image and waits on a shared flag until this thread has
 * decoded it and answered.
 */
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import { classifyDecodeError, type DecodeFailure } from './decode-failure.ts';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

type Sharp = typeof import('sharp').default;
let sharp: Sharp | undefined;
let loadError = '';
try {
  sharp = (await import('sharp')).default;
  // Each image is decoded once: libvips' cache would only hold memory.
  sharp.cache(false);
} catch (error) {
  loadError = error instanceof Error ? error.message : String(error);
}

port.on('message', async (message: { bytes: Uint8Array }) => {
  let answer: { ok: true } | ({ ok: false } & DecodeFailure) | { ok: false; reason: 'internal'; detail: string };
  if (!sharp) answer = { ok: false, reason: 'internal', detail: loadError };
  else {
    try {
      // failOn 'error': a file cut short or damaged is refused, a camera's
      // harmless warnings are not. Every frame (pages: -1), as the site's
      // image pipeline reads them. Shrunk as it is read (a JPEG is then
      // decoded at 1/8 scale, still reading all its data), so a large picture
      // costs little time and no large buffer.
      await sharp(message.bytes, { failOn: 'error', pages: -1 }).resize({ width: 64, height: 64, fit: 'inside' }).raw().toBuffer();
      answer = { ok: true };
    } catch (error) {
      const failure = classifyDecodeError(error instanceof Error ? error.message : String(error));
      if (failure.reason === 'too-large') {
        const meta = await sharp(message.bytes, { limitInputPixels: false })
          .metadata()
          .catch(() => undefined);
        answer = { ok: false, ...failure, ...(meta?.width ? { width: meta.width } : {}), ...(meta?.height ? { height: meta.height } : {}) };
      } else answer = { ok: false, ...failure };
    }
  }
  port.postMessage(answer);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
