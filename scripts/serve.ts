/**
 * npm run serve [-- --dir dist] [--port 4321] [--host 127.0.0.1]
 * Serves the built site under the base path from the content's site.yaml.
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '#lib/content/folder.ts';
import { readSiteSettings } from '#lib/content/site-settings.ts';
import { environmentText } from '#lib/options.ts';
import { serveStatic } from '#node/static-server.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    content: { type: 'string' },
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    base: { type: 'string' },
  },
});

const dir = resolve(values.dir);
if (!existsSync(dir)) {
  console.error(`找不到已生成的网站 ${dir}。请先运行 npm run build。`);
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port 要写 0 到 65535 之间的整数，例如 --port 4321，现在是“${values.port}”`);
  process.exit(2);
}
const settings = readSiteSettings(resolveContentDir(values.content, process.cwd()), values.base ?? environmentText('base'));
const { url } = await serveStatic({ dir, base: settings?.base ?? '/', port, host: values.host }).catch((error: NodeJS.ErrnoException) => {
  // A port already taken, or one below 1024 without the right: how it was run, not a fault of the program.
  if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES' && error.code !== 'EADDRNOTAVAIL') throw error;
  const why = error.code === 'EADDRINUSE' ? `端口 ${port} 已被别的程序占用` : error.code === 'EACCES' ? `没有权限使用端口 ${port}` : `这台电脑没有地址 ${values.host}`;
  console.error(`✗ ${why}（${error.code}）。换一个再运行，例如 npm run serve -- --port 4322${error.code === 'EADDRNOTAVAIL' ? ' --host 127.0.0.1' : ''}`);
  return process.exit(2);
});
console.log(`网站已在 ${url} 运行（按 Ctrl+C 停止）。`);
