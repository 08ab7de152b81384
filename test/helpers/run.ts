/** Running the project's own scripts as a user would, in a child process. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/<script> ...args` in the project root. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`scripts/${script}`, ...args], {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Builds a content folder into `out` with a fixed clock, and settings from `env`; throws with the output when it fails. */
export async function buildInto(content: string, out: string, options: { now?: string; base?: string; print?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const args = ['--content', content, '--out', out, '--now', options.now ?? '2026-11-22', '--quiet'];
  if (options.base) args.push('--base', options.base);
  if (options.print) args.push('--print', options.print);
  const run = await runScript('build.ts', args, options.env);
  if (run.code !== 0) throw new Error(`build of ${content} failed:\n${run.stdout}\n${run.stderr}`);
  return run;
}
