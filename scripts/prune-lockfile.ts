/**
 * `npm run lock:prune`, for maintainers: after `npm install` or `npm update`
 * against a registry mirror that lacks other platforms' optional packages,
 * drops the optional dependencies package-lock.json has no entry for, so
 * that `npm ci` accepts the lock (see src/tools/lockfile.ts). Commit the
 * result with the dependency change. It used to run as a `postinstall`; a
 * user's install should not edit the lock, so it no longer does.
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pruneLockfile, type Lockfile } from '#tools/lockfile.ts';

const LOCK = 'package-lock.json';
if (!existsSync(LOCK)) {
  console.error(`✗ 当前文件夹里没有 ${LOCK}：请在项目文件夹里运行 npm run lock:prune / no ${LOCK} here: run it in the project folder.`);
  process.exit(2);
}
let lock: Lockfile;
try {
  lock = JSON.parse(readFileSync(LOCK, 'utf8')) as Lockfile;
} catch (error) {
  console.error(`✗ ${LOCK} 不是有效的 JSON（${(error as Error).message}）：先用 npm install 重新生成 / is not valid JSON: run npm install to write it again.`);
  process.exit(2);
}
const { lock: pruned, pruned: names } = pruneLockfile(lock);
if (names.length > 0) {
  writeFileSync(LOCK, `${JSON.stringify(pruned, null, 2)}\n`);
  console.log(`${LOCK}: dropped ${names.length} optional package(s) the registry does not have: ${names.join(', ')}`);
} else {
  console.log(`${LOCK}: every optional package it names has an entry; nothing to change.`);
}
