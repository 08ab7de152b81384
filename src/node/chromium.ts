/** The system Chromium for PDFs, benchmarks and browser tests. */
import { existsSync } from 'node:fs';

/** Flags that keep headless Chromium from reaching for the network on a closed machine. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export const NO_CHROMIUM =
  '找不到 Chromium，无法导出 PDF 或运行浏览器测试。请安装（Debian/Ubuntu：apt-get install chromium fonts-noto-cjk），或用环境变量 CHROME_PATH 指向已安装的 Chromium 或 Chrome。(Chromium not found: install it or set CHROME_PATH.)';

/** Where Chromium is: $CHROME_PATH, else the usual places; a clear message when there is none. */
export function chromiumPath(env: Record<string, string | undefined> = process.env, exists: (path: string) => boolean = existsSync): string {
  if (env.CHROME_PATH) {
    if (exists(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new Error(`CHROME_PATH 指向的 ${env.CHROME_PATH} 不存在。${NO_CHROMIUM}`);
  }
  const found = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => exists(p));
  if (!found) throw new Error(NO_CHROMIUM);
  return found;
}
