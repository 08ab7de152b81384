/**
 * The site's Content Security Policy, in two parts.
 *
 * - In each page, a `<meta http-equiv="content-security-policy">` that Astro
 *   writes (astro.config.mjs `security.csp`) with the hashes of exactly the
 *   scripts and styles that page carries: scripts only from the site itself
 *   or by hash, Pagefind's WebAssembly allowed, nothing from elsewhere.
 * - From the web server, the directives a meta element cannot carry
 *   (`frame-ancestors`), in deploy/nginx/siliang-headers.conf. The two
 *   policies apply together; the header must not name script or style
 *   sources, or it would block the hashed inline ones.
 *
 * Pure: astro.config.mjs, the nginx test and the README read it.
 */
import { createHash } from 'node:crypto';

/** Hosts allowed in iframes by the Markdown sanitiser, and the organisation's own. */
export interface CspSources {
  frameHosts: readonly string[];
}

/** The directive names Astro accepts in `security.csp.directives` (all but script-src and style-src). */
type Directive = `${'default-src' | 'img-src' | 'font-src' | 'connect-src' | 'worker-src' | 'manifest-src' | 'frame-src' | 'object-src' | 'base-uri' | 'form-action'} ${string}`;

/** Directives besides script-src and style-src, which Astro fills with hashes. */
export function pageCspDirectives({ frameHosts }: CspSources): Directive[] {
  const frames = frameHosts.map((host) => `https://${host}`);
  return [
    "default-src 'self'",
    // Content may show pictures by https address (Markdown images); hall screens hold theirs as blob: copies.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    `frame-src ${frames.length > 0 ? frames.join(' ') : "'none'"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
}

/** Script sources besides the hashes: the site's own files, and WebAssembly for Pagefind. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/**
 * Style sources besides the hashes. Style attributes (table alignment, grid
 * columns) are allowed; they cannot run code. 'self' is not listed: Astro
 * writes `style-src 'self'` when no plain resource is given, and listing it
 * beside an attribute-only source made every build warn (in English) that
 * 'self' does not reach style-src-attr, which attributes do not need.
 */
export const STYLE_SOURCES = [{ resource: "'unsafe-inline'", kind: 'attribute' }] as const;

/** What the web server adds: only what a meta element cannot say. */
export const HEADER_CSP = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'";

/**
 * The CSP source for an inline script written with `is:inline` (Astro hashes
 * only the scripts it processes): its SHA-256 in base64, as a page's policy
 * names it. astro.config.mjs adds the hash of every such script.
 */
export function inlineScriptHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
