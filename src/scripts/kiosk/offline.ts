/**
 * Keeping a hall screen whole without the network: its pictures copied into
 * memory, and, where the browser allows a service worker (https or
 * localhost), a copy of the page and its files for a reload offline
 * (src/pages/kiosk/sw.js.ts keeps them).
 */

/**
 * Copies every picture of `root` into memory and points the pictures at the
 * copies. Returns the object URLs made (for the caller to revoke when the
 * pictures go) and the addresses they came from. For a new build (`whole`),
 * a picture that cannot be fetched fails the lot, so a half-loaded build is
 * never shown and the next check tries again; the page already showing
 * keeps what it can.
 */
export async function holdImages(root: ParentNode, whole: boolean): Promise<{ urls: string[]; sources: string[] }> {
  const images = [...root.querySelectorAll<HTMLImageElement>('img')]
    .map((img) => ({ img, source: img.currentSrc || img.src }))
    .filter(({ source }) => source && !source.startsWith('blob:'));
  const results = await Promise.allSettled(
    images.map(async ({ source }) => {
      const response = await fetch(source, { cache: 'force-cache' });
      if (!response.ok) throw new Error(`image ${source}: ${response.status}`);
      return URL.createObjectURL(await response.blob());
    }),
  );
  const held = images.flatMap((image, i) => {
    const r = results[i];
    return r?.status === 'fulfilled' ? [{ ...image, url: r.value }] : [];
  });
  if (whole && held.length < images.length) {
    for (const { url } of held) URL.revokeObjectURL(url);
    throw new Error('pictures not all loaded');
  }
  // Only now, with the copies in hand, do the pictures point at memory.
  for (const { img, url } of held) {
    img.removeAttribute('srcset');
    img
      .closest('picture')
      ?.querySelectorAll('source')
      .forEach((s) => s.remove());
    img.src = url;
  }
  return { urls: held.map((h) => h.url), sources: held.map(({ source }) => new URL(source, location.href).href) };
}

/** The style sheets, scripts and icons a page declares, as absolute addresses. */
export function declaredFiles(doc: Document): string[] {
  return [...doc.querySelectorAll<HTMLElement>('script[src], link[href]')]
    .filter((el) => el.tagName === 'SCRIPT' || /\b(stylesheet|modulepreload|icon)\b/.test(el.getAttribute('rel') ?? ''))
    .map((el) => new URL(el.getAttribute('src') ?? el.getAttribute('href') ?? '', location.href).href);
}

/** Whether this browser runs service workers for this page: only over https or on localhost. */
const workerAllowed = () => 'serviceWorker' in navigator && window.isSecureContext;

/**
 * Tells the service worker (where there is one) which files to keep for a
 * reload offline: this page, the page as the newest build wrote it
 * (`pageUrl`), and `files`, what that page declares and shows. Taken from
 * the documents rather than the browser's list of loaded files, which is
 * capped and fills up in a day of checks. The worker forgets the rest.
 */
export async function keepOffline(pageUrl: string, files: readonly string[]): Promise<void> {
  if (!workerAllowed()) return;
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage({ keep: [location.href.split('#')[0], pageUrl && new URL(pageUrl, location.href).href, ...files] });
}

/** Registers the screens' service worker where the browser allows one, then calls `ready`; a refusal changes nothing. */
export function registerWorker(script: string, scope: string, ready: () => Promise<void>): void {
  if (!workerAllowed()) return;
  navigator.serviceWorker
    .register(script, { scope })
    .then(ready)
    .catch(() => undefined);
}
