/**
 * Loaded into a script's process with `node --import` (through NODE_OPTIONS)
 * to make the disk fail under it: listing any folder whose path contains
 * $SILIANG_TEST_FAILING_DIR throws EIO, as a failing disk or network share
 * does. Nothing in the script expects that, so it is the kind of failure the
 * failure handler (src/node/failure.ts) is there for.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const failing = process.env.SILIANG_TEST_FAILING_DIR;
const readdirSync = fs.readdirSync;
if (failing) {
  fs.readdirSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    if (String(path).includes(failing)) {
      throw Object.assign(new Error(`EIO: i/o error, scandir '${String(path)}'`), { code: 'EIO', errno: -5, syscall: 'scandir', path: String(path) });
    }
    return (readdirSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdirSync;
  // So that `import { readdirSync } from 'node:fs'` in the script sees it too.
  syncBuiltinESMExports();
}
