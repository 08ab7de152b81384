/**
 * A build without Astro, for tests of the output folder: writes a small
 * stand-in site and publishes it through src/node/output.ts in the same
 * steps as src/node/build.ts. Run as a script (`node
 * test/helpers/fake-build.ts <out> <label> <content> <root>`) so that a test
 * can kill it with SILIANG_TEST_KILL_AT at the switch itself.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { EARLIER_BUILD_FILES } from '#lib/output-folder.ts';
import { finishVersion, inspectOutput, newVersion, publish, recoverOutput, withOutputLock } from '#node/output.ts';

/** Writes every file each real build writes, each holding `label`. */
export async function writeFakeSite(dir: string, label: string): Promise<void> {
  for (const file of EARLIER_BUILD_FILES) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), label);
  }
}

/** The label of the site at `dir` if it is whole (every file there, all from one build), else undefined. */
export async function wholeSite(dir: string): Promise<string | undefined> {
  try {
    const labels = new Set(await Promise.all(EARLIER_BUILD_FILES.map((f) => readFile(join(dir, f), 'utf8'))));
    return labels.size === 1 ? [...labels][0] : undefined;
  } catch {
    return undefined;
  }
}

/** Builds a stand-in site labelled `label` and publishes it at `out`; throws the refusal if the output may not be used. */
export async function fakeBuild(out: string, label: string, places: { content: string; root: string }): Promise<void> {
  const inspected = await inspectOutput(out, places);
  if (!inspected.ok) throw new Error(inspected.message);
  await withOutputLock(inspected.output, async () => {
    const again = await inspectOutput(out, places);
    if (!again.ok) throw new Error(again.message);
    await recoverOutput(again.output);
    const version = await newVersion(again.output);
    await writeFakeSite(version.astroOut, label);
    await finishVersion(version);
    await publish(again.output, version.dir);
  });
}

if (import.meta.main) {
  const [out, label, content, root] = process.argv.slice(2) as [string, string, string, string];
  await fakeBuild(out, label, { content, root });
}
