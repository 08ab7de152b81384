/**
 * npm run new -- <unit|procedure|staff|post|pledge|notice> <target> [--name <name>] [--post <post>] [--content <folder>]
 * Creates a content file from a template with every field and a Chinese
 * comment on each, in the right folder, never replacing an existing file.
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '#lib/content/folder.ts';
import { todayIn } from '#lib/dates.ts';
import { formatNew, planNew, ScaffoldError, USAGE, writeNew } from '#tools/scaffold/new.ts';

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      content: { type: 'string' },
      name: { type: 'string' },
      post: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`✗ ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const [kind, target, ...extra] = positionals;
if (values.help || kind === undefined) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
if (extra.length > 0) {
  console.error(`✗ 多了参数：${extra.join(' ')}（名称里有空格时加英文引号：--name "张 晓明"）\n\n${USAGE}`);
  process.exit(2);
}

const contentDir = resolveContentDir(values.content, process.cwd());
try {
  const plan = planNew(kind, target, {
    contentDir,
    today: todayIn('Asia/Shanghai'),
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.post !== undefined ? { post: values.post } : {}),
  });
  console.log(formatNew(plan, writeNew(plan, contentDir)));
} catch (error) {
  if (!(error instanceof ScaffoldError)) throw error;
  // A name, kind or unit that cannot be used, or a file that is already there: how the command was run.
  console.error(`✗ ${error.message}`);
  process.exitCode = 2;
}
