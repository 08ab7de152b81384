/**
 * The container image's build stage without Docker (none on this machine or
 * in CI): the Dockerfile's build stage runs deploy/docker/build-site.sh, so
 * running that script here runs the same commands, after `npm ci`, which the
 * suite's own set-up has done. The result is checked as the serve stage
 * would use it: files with links resolved under the base path, and an nginx
 * configuration nginx accepts. Where Docker is installed, `docker build` is
 * the fuller test; it is not run here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { SMALL } from '../helpers/content.ts';
import { ROOT } from '../helpers/run.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-image-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const NGINX = '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

it('builds a content folder into plain files under its base path with an nginx configuration for them', () => {
  const www = join(temp, 'www');
  const conf = join(temp, 'siliang.conf');
  const run = spawnSync('bash', [join(ROOT, 'deploy/docker/build-site.sh'), SMALL, www, conf, '--now', '2026-11-22'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  // The small fixture's site.yaml puts the site at the root of its domain.
  const home = join(www, 'index.html');
  expect(existsSync(home)).toBe(true);
  expect(lstatSync(home).isSymbolicLink()).toBe(false);
  expect(existsSync(`${home}.br`)).toBe(true);
  const text = readFileSync(conf, 'utf8');
  expect(text).toContain(`root ${www};`);
  expect(text).toContain('location / {');
  if (existsSync(NGINX) && existsSync(BROTLI_MODULE)) {
    // As the serve stage has it, with the snippets from the repository instead of /etc/nginx/snippets/.
    const main = join(temp, 'nginx.conf');
    writeFileSync(
      main,
      `pid ${temp}/nginx.pid;\nerror_log ${temp}/error.log;\nload_module ${BROTLI_MODULE};\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n${text
        .replaceAll('/etc/nginx/snippets/', `${ROOT}deploy/nginx/`)
        .replace(/^\s*listen \[::\]:80;$/m, '')
        .replace('listen 80;', 'listen 127.0.0.1:8089;')}\n}\n`,
    );
    const test = spawnSync(NGINX, ['-t', '-p', temp, '-c', main], { encoding: 'utf8' });
    expect(test.status, test.stderr).toBe(0);
  }
});
