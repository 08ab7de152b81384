/**
 * A small static file server for the built site: serves a folder under the
 * site's base path, `index.html` for folders, the site's 404 page with status
 * 404, and redirects `/base/x` to `/base/x/` as a static host would. Used by
 * `npm start` and by the browser tests; it has no dependencies so it starts
 * instantly and behaves the same everywhere.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

export interface ServeOptions {
  /** The built site. */
  dir: string;
  /** Base path, `/` or like `/gongkai/`. */
  base?: string;
  port?: number;
  host?: string;
}

async function fileAt(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
    if (s.isDirectory()) {
      const index = join(path, 'index.html');
      return (await stat(index)).isFile() ? index : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Starts serving; resolves once listening, with the server and its address. */
export async function serveStatic(options: ServeOptions): Promise<{ server: Server; url: string }> {
  const base = options.base ?? '/';
  // Not resolved to its real path once: `dist` is a link that each build
  // moves to a new version (src/node/output.ts), and every request follows it.
  const root = normalize(options.dir);
  const server = createServer(async (req, res) => {
    const send = async (status: number, file: string): Promise<void> => {
      res.writeHead(status, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      // The folder can change underneath us (a rebuild swaps it, a test
      // removes it): a file that vanished after stat ends the response
      // instead of crashing the server.
      const stream = createReadStream(file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = url.pathname;
    }
    if (pathname === base.slice(0, -1)) {
      res.writeHead(301, { location: base });
      return res.end();
    }
    const notFound = async (): Promise<void> => {
      const page = await fileAt(join(root, '404.html'));
      if (page) return send(404, page);
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('404 Not Found');
    };
    if (!pathname.startsWith(base)) return notFound();
    const target = normalize(join(root, pathname.slice(base.length)));
    if (target !== root && !target.startsWith(root + sep)) return notFound();
    const file = await fileAt(target);
    if (!file) return notFound();
    // A folder asked for without its slash: redirect, so relative links work.
    if (file.endsWith(`${sep}index.html`) && !pathname.endsWith('/') && !pathname.endsWith('index.html')) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` });
      return res.end();
    }
    return send(200, file);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { server, url: `http://${options.host ?? '127.0.0.1'}:${port}${base}` };
}
