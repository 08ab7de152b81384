/**
 * Runs a command and measures it as an operator would: wall time and the
 * peak memory of the whole process tree (Astro's Node process, Pagefind's
 * binary, sharp's threads), sampled from /proc. The peak of one process
 * alone would miss Pagefind, which runs as a child and can be the largest.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  code: number | null;
  seconds: number;
  /** Largest sum of resident memory over the process and its descendants, in bytes. */
  peakBytes: number;
  stdout: string;
  stderr: string;
}

/** Parent of each process, from /proc/<pid>/stat (the field after the parenthesised name). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(name), Number(fields[1]));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return map;
}

function residentBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of `root` and every process below it, now. */
export function treeResidentBytes(root: number): number {
  const parentOf = parents();
  const tree = new Set([root]);
  // Descendants may be listed before their parents: repeat until nothing is added.
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parentOf) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) total += residentBytes(pid);
  return total;
}

export function measureCommand(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; intervalMs?: number; echo?: boolean } = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    let peakBytes = 0;
    const sample = () => {
      if (child.pid !== undefined) peakBytes = Math.max(peakBytes, treeResidentBytes(child.pid));
    };
    const timer = setInterval(sample, options.intervalMs ?? 200);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - started) / 1000, peakBytes, stdout, stderr });
    });
  });
}
