/** The system Chromium for PDFs, benchmarks and browser tests. */
import { existsSync } from 'node:fs';

/** Flags that keep headless Chromium from reaching for the network on a closed machine. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** Where Chromium is: $CHROME_PATH, else Debian's package; a clear message when there is none. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('找不到 Chromium。请安装（Debian/Ubuntu：apt-get install chromium fonts-noto-cjk），或用 CHROME_PATH 指向已安装的 Chromium/Chrome。');
  return found;
}
