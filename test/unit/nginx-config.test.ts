import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_CSP, inlineScriptHash } from '#lib/csp.ts';
import { renderNginxConfig } from '#lib/deploy/nginx-config.ts';
import { ROOT } from '../helpers/run.ts';

const shipped = readFileSync(join(ROOT, 'deploy/nginx/siliang.conf'), 'utf8');

describe('the shipped nginx server block, for another place', () => {
  it('moves the site to another base path: location, 404 page and the redirect of the bare path', () => {
    const text = renderNginxConfig(shipped, { base: '/xinxi/gongkai/', root: '/www' });
    expect(text).toContain('location /xinxi/gongkai/ {');
    expect(text).toContain('error_page 404 /xinxi/gongkai/404.html;');
    expect(text).toMatch(/location = \/xinxi\/gongkai \{\s*return 301 \/xinxi\/gongkai\/;/);
    expect(text).not.toMatch(/error_page 404 \/gongkai\/|location \/gongkai\/ \{|location = \/gongkai \{/);
    expect(text).toContain('root /www;');
  });

  it('serves a site at the root of its domain without a redirect of its own', () => {
    const text = renderNginxConfig(shipped, { base: '/', root: '/www', listen: '8080', snippets: '/opt/snippets' });
    expect(text).toContain('location / {');
    expect(text).toContain('error_page 404 /404.html;');
    expect(text).not.toContain('return 301');
    expect(text).toContain('listen 8080;');
    expect(text).toContain('listen [::]:8080;');
    expect(text).toContain('include /opt/snippets/siliang-headers.conf;');
  });

  it('keeps only the IPv4 line when listening on one address', () => {
    const text = renderNginxConfig(shipped, { base: '/gongkai/', root: '/www', listen: '127.0.0.1:9000' });
    expect(text).toContain('listen 127.0.0.1:9000;');
    expect(text).not.toContain('listen [::]');
  });

  it('refuses a base path without its slashes, and a shipped file whose lines it cannot find', () => {
    expect(() => renderNginxConfig(shipped, { base: 'gongkai', root: '/www' })).toThrow(/\/gongkai\//);
    expect(() => renderNginxConfig(shipped.replace('root /srv/siliang/public;', 'root /elsewhere;'), { base: '/', root: '/www' })).toThrow(/root/);
  });

  it('ships the same header policy the pages are built to work under', () => {
    const headers = readFileSync(join(ROOT, 'deploy/nginx/siliang-headers.conf'), 'utf8');
    expect(headers).toContain(`add_header Content-Security-Policy "${HEADER_CSP}" always;`);
    // Only what a meta element cannot say: naming script or style sources here would block the pages' hashed inline ones.
    expect(HEADER_CSP).not.toMatch(/script-src|style-src|default-src/);
  });
});

describe('the hash of an inline script', () => {
  it('is the base64 SHA-256 a browser computes for the script’s text', () => {
    // The value the CSP specification's own example gives for alert('Hello, world.');
    expect(inlineScriptHash("alert('Hello, world.');")).toBe('sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=');
  });
});
