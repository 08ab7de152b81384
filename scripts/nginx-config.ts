/**
 * node scripts/nginx-config.ts (--content <folder> | --base /gongkai/) --root <folder> [--listen 80] [--snippets <folder>] [--print-base]
 * Prints deploy/nginx/siliang.conf for another base path and root folder
 * (src/lib/deploy/nginx-config.ts), the base taken from the content
 * folder's site.yaml unless given. `--print-base` prints only the base path.
 * The container build (deploy/docker/build-site.sh) uses it.
 */
import '#node/failure-handler.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderNginxConfig } from '#lib/deploy/nginx-config.ts';
import { readSiteSettings } from '#lib/content/site-settings.ts';

const USAGE =
  '用法 / usage: node scripts/nginx-config.ts (--content <内容文件夹> | --base /gongkai/) --root /srv/siliang/public [--listen 80] [--snippets /etc/nginx/snippets] [--print-base]';
function stop(message: string): never {
  console.error(`✗ ${message}\n${USAGE}`);
  process.exit(2);
}
let values;
try {
  ({ values } = parseArgs({
    options: {
      content: { type: 'string' },
      base: { type: 'string' },
      root: { type: 'string' },
      listen: { type: 'string' },
      snippets: { type: 'string' },
      'print-base': { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  stop((error as Error).message);
}
const base = values.base ?? (values.content ? readSiteSettings(resolve(values.content))?.base : undefined);
if (!base) stop(values.content ? `读不出 ${values.content}/site.yaml 里的网站地址，请先运行 npm run check` : '需要 --content 或 --base');
if (values['print-base']) {
  process.stdout.write(`${base}\n`);
} else {
  if (!values.root) stop('需要 --root');
  try {
    const shipped = readFileSync(new URL('../deploy/nginx/siliang.conf', import.meta.url), 'utf8');
    process.stdout.write(
      renderNginxConfig(shipped, { base, root: values.root, ...(values.listen ? { listen: values.listen } : {}), ...(values.snippets ? { snippets: values.snippets } : {}) }),
    );
  } catch (error) {
    stop((error as Error).message);
  }
}
