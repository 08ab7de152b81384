/**
 * One page of every kind the example organisation builds — citizen pages,
 * the search page, print sheets of every format and the hall screens — is
 * valid HTML by the Nu HTML Checker (the W3C validator, npm's vnu-jar): no
 * error at all. It runs on Java, which `bash scripts/setup.sh` installs; on
 * a machine without Java the test is skipped and says so.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const dir = inject('exampleDir');

const PAGES = [
  'index.html',
  'units/menzhen/index.html',
  'units/budongchan/procedures/index.html',
  'units/huzheng/procedures/shenfenzheng-buling/index.html',
  'units/huzheng/staff/index.html',
  'units/huzheng/staff/lin-xiaowen/index.html',
  'units/menzhen/duties/index.html',
  'units/budongchan/pledges/index.html',
  'units/budongchan/evaluations/index.html',
  'notices/index.html',
  'notices/2026-q3-fuwu-zhixing-gongshi/index.html',
  'notices/siliang-jianbao-6/index.html',
  'notices/2027-yuandan-banshi-shijian/index.html',
  'search/index.html',
  '404.html',
  'print/index.html',
  'print/units/huzheng/board/a3/index.html',
  'print/units/huzheng/procedures/shenfenzheng-buling/a4/index.html',
  'print/units/huzheng/desk-cards/index.html',
  'print/units/huzheng/badges/index.html',
  'print/units/huzheng/window-plaques/index.html',
  'print/units/huzheng/pledges/2026-danwei/a5/index.html',
  'print/units/huzheng/supervision/index.html',
  'print/supervision/index.html',
  'kiosk/index.html',
  'kiosk/zhengwu-dating/index.html',
  'kiosk/yiyuan-menzhen/index.html',
];

const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).status === 0;
if (!java)
  console.warn(
    '跳过 HTML 校验：这台机器没有 Java（bash scripts/setup.sh 会安装 default-jre-headless）/ skipping the Nu HTML Checker: Java is not installed (bash scripts/setup.sh installs it)',
  );

interface NuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

describe('valid HTML', () => {
  it.skipIf(!java)('has no Nu HTML Checker error on one page of every kind', () => {
    const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
    const run = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...PAGES.map((p) => join(dir, p))], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // vnu writes its report to stderr, and exits 1 when it found errors.
    const report = JSON.parse(run.stderr) as { messages: NuMessage[] };
    const errors = report.messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map((m) => `${PAGES.find((p) => (m.url ?? '').endsWith(p)) ?? m.url}:${m.lastLine ?? '?'} ${m.message} ${m.extract ?? ''}`);
    expect(errors).toEqual([]);
  });
});
