/**
 * npm run gen -- --units N --out DIR [--seed siliang] [--photo-size 1080x1440] [--force]
 * A synthetic organisation of N window units for benchmarks (src/node/gen.ts).
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PHOTO_SIZE, generateOrganisation, parsePhotoSize } from '#node/gen.ts';

const USAGE = `用法 / Usage: npm run gen -- --units 300 --out /tmp/gen300 [--seed siliang] [--photo-size ${DEFAULT_PHOTO_SIZE}] [--force]
  生成一个虚构的组织（每个单位约 10 个办事指南、10 名工作人员和照片、岗位、承诺、评价），用于性能测试。
  --force  输出文件夹不是空的也照样写（先清空）`;

const { values } = parseArgs({
  options: {
    units: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: 'siliang' },
    'photo-size': { type: 'string', default: DEFAULT_PHOTO_SIZE },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const units = Number(values.units);
if (!values.units || !Number.isInteger(units) || units < 1 || units > 100_000) {
  console.error(`--units 要写 1 到 100000 之间的整数。\n${USAGE}`);
  process.exit(2);
}
if (!values.out) {
  console.error(`请用 --out 指定输出文件夹。\n${USAGE}`);
  process.exit(2);
}
if (!parsePhotoSize(values['photo-size'])) {
  console.error(`--photo-size 要写成 宽x高，例如 ${DEFAULT_PHOTO_SIZE}`);
  process.exit(2);
}
const out = resolve(values.out);
if (existsSync(out) && readdirSync(out).length > 0) {
  // Only a folder that looks like a previous output is emptied without asking.
  if (!values.force && !existsSync(join(out, 'site.yaml'))) {
    console.error(`输出文件夹 ${out} 不是空的。换一个文件夹，或加 --force 先清空它。`);
    process.exit(2);
  }
  rmSync(out, { recursive: true, force: true });
}
const result = await generateOrganisation({
  units,
  outDir: out,
  seed: values.seed,
  photoSize: values['photo-size'],
  onProgress: (done, total) => process.stdout.write(`\r照片 ${done}/${total}`),
});
console.log(`\n✓ 已生成 ${result.units} 个单位、${result.files} 个文件（其中照片 ${result.photos} 张），用时 ${result.seconds.toFixed(1)} 秒：${out}`);
