/**
 * npm run schema [-- --check]
 * Writes the editor hints: `.vscode/schemas/<kind>.schema.json` from the Zod
 * schemas and their Chinese doc comments, and the `yaml.schemas` setting in
 * `.vscode/settings.json` (other settings are kept). With --check, writes
 * nothing and exits 1 when a committed file differs from what it would write.
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generatedFiles, SETTINGS_FILE } from '#tools/editor/json-schema.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const root = fileURLToPath(new URL('../', import.meta.url));
const read = (rel: string) => (existsSync(join(root, rel)) ? readFileSync(join(root, rel), 'utf8') : undefined);

let generated;
try {
  generated = generatedFiles(read(SETTINGS_FILE));
} catch (error) {
  // A settings file that is not JSON is the user's to fix; anything else is reported as an internal failure.
  if (!(error instanceof SyntaxError)) throw error;
  console.error(`✗ 生成失败 (generation failed): ${error.message}`);
  console.error(`  ${SETTINGS_FILE} 不是有效的 JSON（不能有注释和多余的逗号）；改正后再运行。`);
  process.exit(2);
}

let stale = 0;
for (const file of generated.files) {
  const same = read(file.path) === file.text;
  if (values.check) {
    if (!same) {
      stale++;
      console.log(`✗ ${file.path} 已过期 (out of date)`);
    }
    continue;
  }
  if (same) {
    console.log(`  ${file.path}（没有变化）`);
    continue;
  }
  mkdirSync(dirname(join(root, file.path)), { recursive: true });
  writeFileSync(join(root, file.path), file.text);
  console.log(`✓ ${file.path}`);
}
for (const field of generated.missingComments) {
  console.log(`! ${field}：schema 里这个字段没有中文注释（/** … */），编辑器提示只能显示字段名`);
}
if (values.check) {
  console.log(stale === 0 ? '编辑器提示是最新的。(Editor hints are up to date.)' : '运行 npm run schema 重新生成。(Run npm run schema.)');
  process.exitCode = stale === 0 ? 0 : 1;
} else {
  console.log('在 VS Code 里安装推荐的 YAML 扩展（redhat.vscode-yaml），打开 content/ 里的 YAML 文件即可看到提示。');
}
