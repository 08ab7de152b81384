import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeProblem, projectRequirement, satisfies } from '../../scripts/check-node.cjs';
import { ROOT } from '../helpers/run.ts';

const { range, recommended } = projectRequirement();

describe('the Node version check that every npm script runs first', () => {
  it('states the real floor: what the dependencies need and what runs .ts files without flags', () => {
    // undici needs 22.19; Node strips types without a flag from 22.18 (and 23.6);
    // vitest supports 22, 24 and 26 on, not the odd releases between them.
    expect(range).toBe('^22.19.0 || ^24.0.0 || >=26.0.0');
    expect(recommended).toBe('24');
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(range);
  });

  it('accepts 22 from 22.19, 24 and 26 onwards, and refuses older and odd releases', () => {
    for (const ok of ['22.19.0', '22.20.1', '24.0.0', '24.21.0', 'v24.21.0', '26.0.0', '27.3.1']) expect(satisfies(ok, range), ok).toBe(true);
    for (const no of ['10.19.0', '18.19.1', '20.20.2', '22.18.0', '22.12.0', '23.6.0', '25.2.1', '21.7.3']) expect(satisfies(no, range), no).toBe(false);
    expect(nodeProblem(process.versions.node, range, recommended)).toBeUndefined();
  });

  it('says on an old Node, in one Chinese and one English line, which version is needed and what to run', () => {
    const lines = (nodeProblem('20.20.2', range, recommended) ?? '').split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      '✗ 四亮需要 Node.js 22（22.19 及以上）、24 或 26 及以上（推荐 24），这台机器上的是 v20.20.2。请在项目文件夹里运行 bash scripts/setup.sh 安装，或用 nvm install 24。',
    );
    expect(lines[1]).toBe(
      '✗ Siliang needs Node.js 22 (22.19 or later), 24 or 26 and later (24 recommended); this is v20.20.2. Run bash scripts/setup.sh in the project folder to install it, or nvm install 24.',
    );
  });

  it('refuses a range it cannot read rather than passing every version', () => {
    expect(() => satisfies('24.0.0', '>=22 <27')).toThrow(/cannot read engines.node/);
  });

  // Debian's own Node (20 on bookworm) is the one the issue was filed from.
  const debianNode = '/usr/bin/node';
  const debianMajor = existsSync(debianNode) ? Number(spawnSync(debianNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout) : NaN;
  const oldNode = debianMajor < 22;
  it.skipIf(!oldNode)(
    oldNode
      ? `stops Debian’s Node ${debianMajor} at once with the message and a non-zero exit`
      : `stops an old Node at once with the message and a non-zero exit — skipped: ${debianNode} is ${Number.isNaN(debianMajor) ? 'absent' : `Node ${debianMajor}`}, not older than 22`,
    () => {
      const run = spawnSync(debianNode, ['scripts/check-node.cjs'], { cwd: ROOT, encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('四亮需要 Node.js 22（22.19 及以上）');
      expect(run.stderr).toContain('Run bash scripts/setup.sh');
      expect(run.stderr).not.toMatch(/at .+:\d+:\d+/);
    },
  );
});
