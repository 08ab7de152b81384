/**
 * The kiosk's service worker, where the browser allows one (https or
 * localhost): it keeps a copy of the screen's page and everything it loads,
 * so that a screen that reloads while the network is down still plays.
 * Network first, so a screen online always gets the current build; the
 * version file is never cached. The page tells it, after each new build,
 * which files are still in use, and it forgets the rest.
 */
import type { APIRoute } from 'astro';
import { KIOSK_VERSION_FILE } from '#lib/urls.ts';

// Inside the worker's source: the end of every screen's version file's address.
const VERSION_FILE = JSON.stringify(`/${KIOSK_VERSION_FILE}`);

const WORKER = `
const CACHE = 'siliang-kiosk';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const request = event.request;
  // The version file carries the display's check-in in its query string: compare paths.
  if (request.method !== 'GET' || new URL(request.url).pathname.endsWith(${VERSION_FILE})) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request).then((cached) => cached || Response.error())),
  );
});
self.addEventListener('message', (event) => {
  // The page names every file it is using: keep a copy of each (the page and
  // its script loaded before this worker was running, so fetch them now) and
  // forget files of older builds.
  const keep = ((event.data && event.data.keep) || []).filter((url) => url.startsWith(self.location.origin) && !new URL(url).pathname.endsWith(${VERSION_FILE}));
  if (keep.length === 0) return;
  const wanted = new Set(keep);
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      for (const url of keep) {
        if (!(await cache.match(url))) {
          try {
            const response = await fetch(url, { cache: 'no-cache' });
            if (response.ok) await cache.put(url, response);
          } catch {}
        }
      }
      for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
    }),
  );
});
`;

export const GET: APIRoute = () => new Response(WORKER, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
