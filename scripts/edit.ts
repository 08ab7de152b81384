/**
 * npm run edit [-- --content <folder>] [--port 4330] [--no-open] [--no-preview] [--author "姓名 <邮箱>"]
 * Starts the form editor on 127.0.0.1 over a content folder (the example by
 * default) and prints its address; opens it in a browser where one is
 * available. See src/tools/editor/server.ts.
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '#lib/content/folder.ts';
import { parseAuthor } from '#tools/editor/git.ts';
import { startEditor } from '#tools/editor/server.ts';

const started = Date.now();
let values;
try {
  ({ values } = parseArgs({
    options: {
      content: { type: 'string' },
      port: { type: 'string', default: '4330' },
      open: { type: 'boolean', default: true },
      'no-open': { type: 'boolean', default: false },
      preview: { type: 'boolean', default: true },
      'no-preview': { type: 'boolean', default: false },
      'preview-port': { type: 'string', default: '4331' },
      author: { type: 'string', default: process.env.SILIANG_EDITOR_AUTHOR },
      now: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  console.error('用法：npm run edit -- [--content <内容文件夹>] [--port 4330] [--no-open] [--no-preview] [--author "姓名 <邮箱>"]');
  process.exit(2);
}

const contentDir = resolveContentDir(values.content, process.cwd());
if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
  console.error(`✗ 找不到内容文件夹 ${contentDir}：检查 --content 参数`);
  process.exit(2);
}
const port = Number(values.port);
const previewPort = Number(values['preview-port']);
for (const [name, p] of [
  ['--port', port],
  ['--preview-port', previewPort],
] as const) {
  if (!Number.isInteger(p) || p < 0 || p > 65535) {
    console.error(`✗ ${name} 要写 0 到 65535 之间的整数，例如 ${name} 4330`);
    process.exit(2);
  }
}
const author = parseAuthor(values.author);
if (values.author !== undefined && !author) {
  console.error(`✗ --author 要写成 "姓名 <邮箱>"，例如 --author "张晓明 <zhang@example.gov.cn>"，现在是“${values.author}”`);
  process.exit(2);
}

// The preview: Astro's development server over the same folder, which rebuilds a page when its file changes.
let preview: ChildProcess | undefined;
let previewUrl: string | undefined;
if (values.preview && !values['no-preview']) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  previewUrl = `http://127.0.0.1:${previewPort}/`;
  preview = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(previewPort)], {
    cwd: root,
    env: { ...process.env, SILIANG_CONTENT: contentDir },
    stdio: 'ignore',
  });
}

const editor = await startEditor({ contentDir, port, ...(author ? { author } : {}), ...(previewUrl ? { previewUrl } : {}), ...(values.now ? { now: values.now } : {}) }).catch(
  (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') throw error;
    preview?.kill();
    console.error(`✗ 端口 ${port} ${error.code === 'EADDRINUSE' ? '已被别的程序占用' : '不能使用'}（${error.code}）。换一个再运行，例如 npm run edit -- --port 4332`);
    return process.exit(2);
  },
);
console.log(`内容编辑器已在 ${editor.url} 运行（内容文件夹：${contentDir}；用时 ${Date.now() - started} 毫秒；按 Ctrl+C 停止）。`);
if (previewUrl) console.log(`网站预览：${previewUrl}（保存后自动更新；第一次打开要等它启动）`);

if (values.open && !values['no-open']) {
  // A desktop's browser, where there is one; on a server without one the address above is enough.
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(opener, [editor.url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

const stop = () => {
  preview?.kill();
  void editor.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
