/**
 * What every command does when it fails in a way nobody foresaw: one short
 * message in Chinese saying that this is the program's fault, not the
 * content's, where to report it, and the error in one line; never a stack
 * trace, unless SILIANG_DEBUG=1 asks for one. Every script in scripts/
 * installs it first, through ./failure-handler.ts.
 *
 * The exit codes are the same for every command, so that a script that runs
 * them (a scheduled build, CI) can tell a mistake in the content from a
 * mistake in how the command was run and from a fault of the program:
 */
export const EXIT = {
  /** Done. Warnings alone still exit 0. */
  ok: 0,
  /** The content has errors (each printed with its file, line and fix); nothing was published. */
  content: 1,
  /** The command cannot run as asked: an unknown option, a folder that is wrong or missing, a program not installed. */
  usage: 2,
  /** An internal failure: a fault in Siliang (or the machine under it), not in the content. */
  internal: 3,
} as const;

/** Set to 1 to have an internal failure print its stack trace. */
export const DEBUG_ENV = 'SILIANG_DEBUG';

/** The words that say whose fault it is; tests and the README look for them. */
export const NOT_THE_CONTENT = '这是程序的问题，不是内容的问题';

const MAX_SUMMARY = 300;

/** The error in one line: its kind and the first line of its message, cut short. */
export function oneLineSummary(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    const first = error.message.split('\n').find((line) => line.trim() !== '') ?? '';
    text = first ? `${error.name}: ${first.trim()}` : error.name;
  } else {
    try {
      text = `抛出了 ${typeof error}：${String(error)}`;
    } catch {
      text = `抛出了 ${typeof error}`;
    }
  }
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY)}…` : text;
}

/** Node's own errors for a command line it cannot read (an unknown option, a missing value). */
function isArgumentError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** What to print for an error no command caught, and the code to exit with. */
export function failureReport(error: unknown, env: Record<string, string | undefined> = process.env): { code: number; text: string } {
  if (isArgumentError(error)) {
    return { code: EXIT.usage, text: `✗ 看不懂命令行参数：${error.message}\n  对照 README.md 里这个命令的说明改正（有的命令可以加 --help 查看用法）。` };
  }
  const lines = [
    `✗ 内部错误：${NOT_THE_CONTENT}。(Internal error: a fault in Siliang, not in the content.)`,
    `  错误：${oneLineSummary(error)}`,
    '  请把这几行和运行的命令报告给维护这个网站的技术人员，或提交到 Siliang 的问题跟踪（issue tracker，见 README.md）。',
  ];
  const stack = error instanceof Error ? error.stack : undefined;
  if (env[DEBUG_ENV] === '1' && stack) lines.push('', stack);
  else lines.push(`  运行时设置环境变量 ${DEBUG_ENV}=1 可以看到详细的出错位置（例如 ${DEBUG_ENV}=1 npm run build）。`);
  return { code: EXIT.internal, text: lines.join('\n') };
}

/** The parts of `process` the handler uses, so that tests can hand it their own. */
export interface FailureProcess {
  on(event: 'uncaughtException', listener: (error: unknown) => void): unknown;
  exit(code?: number): void;
  exitCode?: number | string | null | undefined;
  env: Record<string, string | undefined>;
}

/**
 * Catches what nothing else caught: a thrown error, a rejected promise (Node
 * turns those into uncaught exceptions), a stack overflow. Prints the report
 * on stderr and exits with its code.
 */
export function installFailureHandler(proc: FailureProcess = process, write: (text: string) => void = (text) => process.stderr.write(text)): void {
  proc.on('uncaughtException', (error) => {
    // Output piped into a program that stopped reading (`npm run check | head`): nothing is wrong.
    if ((error as { code?: unknown } | null)?.code === 'EPIPE') {
      proc.exit(typeof proc.exitCode === 'number' ? proc.exitCode : EXIT.ok);
      return;
    }
    let report: { code: number; text: string };
    try {
      report = failureReport(error, proc.env);
    } catch {
      report = { code: EXIT.internal, text: `✗ 内部错误：${NOT_THE_CONTENT}。` };
    }
    try {
      write(`\n${report.text}\n`);
    } finally {
      proc.exit(report.code);
    }
  });
}
