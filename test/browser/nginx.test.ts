/**
 * The shipped nginx configuration (deploy/nginx/), for real: Debian's nginx
 * serves a build of the example under the sub-path /gongkai/ with the files
 * as they are in the repository (only the listen address, the root and the
 * snippets' folder changed), and Chromium loads one page of every kind, runs
 * a search and plays a hall screen. No CSP violation, no failed request, and
 * the headers the configuration promises.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_CSP } from '#lib/csp.ts';
import { renderNginxConfig } from '#lib/deploy/nginx-config.ts';
import { launch } from '../helpers/browser.ts';
import { buildInto, ROOT } from '../helpers/run.ts';

const NGINX = '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const DEPLOY = join(ROOT, 'deploy', 'nginx');
const BASE = '/gongkai/';
const available = existsSync(NGINX) && existsSync(BROTLI_MODULE);
if (!available)
  console.warn(
    `nginx 或其 Brotli 模块没有安装，跳过部署测试（bash scripts/setup.sh 会安装）/ nginx or its Brotli module missing (${NGINX}, ${BROTLI_MODULE}): the deployment test is skipped; scripts/setup.sh installs them.`,
  );

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET: no decompression, so the bytes nginx sent can be compared with the build's files. */
function fetchRaw(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** The shipped server block with this test's address, root and snippet folder (src/lib/deploy/nginx-config.ts fails if any line is not found). */
function serverBlock(port: number, publicDir: string): string {
  const shipped = readFileSync(join(DEPLOY, 'siliang.conf'), 'utf8');
  return renderNginxConfig(shipped, { base: BASE, root: publicDir, listen: `127.0.0.1:${port}`, snippets: DEPLOY });
}

describe.skipIf(!available)('the shipped nginx configuration, serving the example under /gongkai/', () => {
  let dir: string;
  let site: string;
  let origin: string;
  let nginx: ChildProcess;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'siliang-nginx-'));
    const out = join(dir, 'dist');
    await buildInto(join(ROOT, 'content'), out, { now: '2026-11-22', base: BASE, print: 'menzhen' });
    site = realpathSync(out);
    // As the configuration's comment says: the site's path is a link to the build's `dist`.
    mkdirSync(join(dir, 'public'));
    symlinkSync(out, join(dir, 'public', 'gongkai'));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'logs']) mkdirSync(join(dir, sub));
    const running = process.getuid?.() === 0;
    writeFileSync(
      join(dir, 'nginx.conf'),
      [
        'daemon off;',
        'master_process off;',
        // As root, workers would switch to nobody, who cannot read a private temporary folder.
        running ? 'user root;' : '',
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/logs/error.log warn;`,
        `load_module ${BROTLI_MODULE};`,
        'events { worker_connections 64; }',
        'http {',
        `  access_log ${dir}/logs/access.log;`,
        ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((s) => `  ${s === 'body' ? 'client_body' : s}_temp_path ${dir}/${s};`),
        '  include /etc/nginx/mime.types;',
        serverBlock(port, join(dir, 'public')),
        '}',
      ].join('\n'),
    );
    const test = spawnSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(test.status, test.stderr).toBe(0);
    // Warnings too: a duplicated type or an ignored directive is a shipped file to fix.
    expect(test.stderr).not.toMatch(/\[warn\]/);
    nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
    // Until it answers; no time limit of our own (the hook's covers a hang).
    for (;;) {
      try {
        await fetchRaw(`${origin}${BASE}`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    nginx?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sends the security headers on pages, files and errors alike', async () => {
    for (const path of [BASE, `${BASE}search/`, `${BASE}no-such-page/`]) {
      const { headers } = await fetchRaw(`${origin}${path}`);
      expect(headers['content-security-policy'], path).toBe(HEADER_CSP);
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy'], path).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
      expect(headers['x-frame-options'], path).toBe('SAMEORIGIN');
    }
  });

  it('caches hashed files for a year and revalidates pages; never caches the version file', async () => {
    const asset = readdirSync(join(site, '_astro')).find((f) => f.endsWith('.css') || f.endsWith('.js'));
    expect(asset).toBeDefined();
    expect((await fetchRaw(`${origin}${BASE}_astro/${asset}`)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await fetchRaw(`${origin}${BASE}`)).headers['cache-control']).toBe('no-cache');
    const screen = readdirSync(join(site, 'kiosk'), { withFileTypes: true }).find((d) => d.isDirectory())?.name;
    const version = await fetchRaw(`${origin}${BASE}kiosk/${screen}/version.json?display=east-1&shows=x`);
    expect(version.status).toBe(200);
    expect(version.headers['cache-control']).toBe('no-store');
    expect(version.headers['content-type']).toMatch(/^application\/json/);
    const worker = await fetchRaw(`${origin}${BASE}kiosk/sw.js`);
    expect(worker.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(worker.headers['cache-control']).toBe('no-cache');
  });

  it('serves the search index files with their types, fragments cached for good', async () => {
    const fragment = readdirSync(join(site, 'pagefind', 'fragment'))[0];
    const answer = await fetchRaw(`${origin}${BASE}pagefind/fragment/${fragment}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/octet-stream');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const wasm = readdirSync(join(site, 'pagefind')).find((f) => f.endsWith('.pagefind'));
    expect((await fetchRaw(`${origin}${BASE}pagefind/${wasm}`)).headers['content-type']).toBe('application/wasm');
  });

  it('sends the build’s own Brotli and gzip copies, byte for byte, and the plain file to a client that takes neither', async () => {
    const page = join(site, 'index.html');
    const br = await fetchRaw(`${origin}${BASE}`, { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.equals(readFileSync(`${page}.br`))).toBe(true);
    const gz = await fetchRaw(`${origin}${BASE}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.equals(readFileSync(`${page}.gz`))).toBe(true);
    const plain = await fetchRaw(`${origin}${BASE}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(readFileSync(page))).toBe(true);
  });

  it('answers a missing page with the site’s own 404 page, and the bare path with a redirect', async () => {
    const missing = await fetchRaw(`${origin}${BASE}units/no-such-unit/`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString('utf8')).toBe(readFileSync(join(site, '404.html'), 'utf8'));
    const bare = await fetchRaw(`${origin}/gongkai`);
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toMatch(/\/gongkai\/$/);
  });

  /** Opens `path` and returns what went wrong: CSP violations, failed requests, error answers. */
  async function visit(path: string, act?: (page: Page) => Promise<void>): Promise<string[]> {
    const page = await browser.newPage();
    const problems: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
        (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    try {
      await page.goto(`${origin}${path}`, { waitUntil: 'load' });
      if (act) await act(page);
      problems.push(...((await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])) as string[]).map((v) => `CSP: ${v}`));
    } finally {
      await page.close();
    }
    return problems;
  }

  /** One page of every kind, found in the build rather than listed by hand. */
  function pagesOfEveryKind(): string[] {
    const first = (folder: string) => readdirSync(join(site, folder), { withFileTypes: true }).find((d) => d.isDirectory())?.name;
    const unit = 'menzhen';
    const procedure = first(`units/${unit}/procedures`);
    const person = first(`units/${unit}/staff`);
    const notice = first('notices');
    // A print sheet's page: the first index.html under the folder, e.g. board/a3/.
    const sheet = (folder: string) =>
      `${folder}/${(
        readdirSync(join(site, folder), { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('index.html'))
          .sort()[0] ?? ''
      ).replace(/index\.html$/, '')}`;
    const kinds = [
      '',
      'notices/',
      `notices/${notice}/`,
      `units/${unit}/`,
      `units/${unit}/procedures/${procedure}/`,
      `units/${unit}/staff/`,
      `units/${unit}/staff/${person}/`,
      'print/',
      'print/supervision/',
      sheet(`print/units/${unit}/board`),
      sheet(`print/units/${unit}/procedures`),
      'kiosk/',
    ];
    for (const page of ['duties', 'pledges', 'evaluations']) if (existsSync(join(site, 'units', unit, page, 'index.html'))) kinds.push(`units/${unit}/${page}/`);
    return kinds.map((k) => `${BASE}${k}`);
  }

  it('loads one page of every kind with no CSP violation and no failed request', async () => {
    for (const path of pagesOfEveryKind()) {
      expect(existsSync(join(site, path.slice(BASE.length), 'index.html')), path).toBe(true);
      expect(await visit(path), path).toEqual([]);
    }
  });

  it('runs a search, Pagefind’s WebAssembly and all, under the policy', async () => {
    const problems = await visit(`${BASE}search/?q=${encodeURIComponent('出生医学证明')}`, async (page) => {
      await page.locator('#search-results a, .search-results a').first().waitFor();
      expect(await page.locator('#search-results a, .search-results a').count()).toBeGreaterThan(0);
    });
    expect(problems).toEqual([]);
  });

  it('plays a hall screen and checks in for its version under the policy', async () => {
    const screen = readdirSync(join(site, 'kiosk'), { withFileTypes: true }).find((d) => d.isDirectory())?.name;
    const problems = await visit(`${BASE}kiosk/${screen}/?display=test-1`, async (page) => {
      await page.locator('.slide:not([hidden])').first().waitFor();
    });
    expect(problems).toEqual([]);
  });
});
