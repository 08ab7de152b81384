/**
 * npm run serve [-- --dir dist] [--port 4321] [--host 127.0.0.1]
 * Serves the built site under the base path from the content's site.yaml.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '../src/lib/content/folder.ts';
import { readSiteSettings } from '../src/lib/content/site-settings.ts';
import { serveStatic } from '../src/node/static-server.ts';

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
  process.exit(1);
}
const settings = readSiteSettings(resolveContentDir(values.content, process.cwd()), values.base ?? process.env.SILIANG_BASE);
const { url } = await serveStatic({ dir, base: settings?.base ?? '/', port: Number(values.port), host: values.host });
console.log(`网站已在 ${url} 运行（按 Ctrl+C 停止）。`);
