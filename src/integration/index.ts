/**
 * The Siliang Astro integration: points Astro at a content folder, takes the
 * site address and base path from its site.yaml, refuses to build invalid
 * content, fixes "today" for the whole build, and removes photo metadata
 * from every image in the output.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { checkContent, hasErrors } from '../lib/content/check.ts';
import { CONTENT_ENV, resolveContentDir } from '../lib/content/folder.ts';
import { formatProblems } from '../lib/content/problem.ts';
import { readSiteSettings } from '../lib/content/site-settings.ts';
import { readClock } from '../lib/dates.ts';
import { scrubImagesIn } from '../lib/images/metadata.ts';
import { PHOTO_DIR } from '../lib/images/photo-recipe.ts';
import { parsePrintSelection, PRINT_ENV } from '../lib/print/selection.ts';
import { photoCacheDir, preparePhotos, publishPhotos, readPhotoManifest, type PhotoStepResult } from '../node/photos.ts';
import { buildSearchIndex } from './search-index.ts';
import { contentLoaded } from '../lib/build-signals.ts';
import type { BuildContext } from './context.ts';

export interface SiliangOptions {
  /** Content folder; defaults to $SILIANG_CONTENT, then `content/`. */
  content?: string;
  /** The build's clock, YYYY-MM-DD or ISO; defaults to $SILIANG_NOW, then now. */
  now?: string;
  /** Serve under another base path than site.yaml says (previews). Defaults to $SILIANG_BASE. */
  base?: string;
}

/** Set by scripts/build.ts after it has checked this folder, so the check is not run twice. */
export const CHECKED_ENV = 'SILIANG_CHECKED';

const VIRTUAL_ID = 'virtual:siliang/context';

/** What the integration's own steps took, for `npm run build` and the benchmark. */
export interface StepFigures {
  photos?: PhotoStepResult;
  search?: { seconds: number; pages: number };
}

/**
 * The figures of the build running in this process. On globalThis because
 * Astro loads this module through its own loader, apart from the copy that
 * scripts import.
 */
const FIGURES = Symbol.for('siliang.stepFigures');
export function stepFigures(): StepFigures {
  const store = globalThis as Record<symbol, StepFigures | undefined>;
  return (store[FIGURES] ??= {});
}
export function forgetStepFigures(): void {
  delete (globalThis as Record<symbol, unknown>)[FIGURES];
}

/** Environment variables Vite exposes as import.meta.env and lets the environment override. */
export const VITE_RESERVED_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'];

export default function siliang(options: SiliangOptions = {}): AstroIntegration {
  // Set by astro:config:setup, used by the later hooks.
  let photos: { contentDir: string; root: string; manifestPath: string } | undefined;
  let photoWork: Promise<PhotoStepResult> | undefined;
  return {
    name: 'siliang',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        // Vite treats these as its own: a BASE_URL left in the environment
        // (Vitest and some CI systems set one) replaces the configured base
        // in page code. The base comes from site.yaml, so drop them.
        for (const key of VITE_RESERVED_ENV) delete process.env[key];
        const contentDir = resolveContentDir(options.content, root);
        // src/content.config.ts reads the folder from here.
        process.env[CONTENT_ENV] = contentDir;

        if (process.env[CHECKED_ENV] !== contentDir && (command === 'build' || command === 'dev')) {
          const { problems } = checkContent(contentDir);
          if (hasErrors(problems)) {
            console.error(`\n${formatProblems(problems, { contentDir, color: process.stderr.isTTY })}\n`);
            // A stack trace from deep inside Astro would bury the report above.
            if (command === 'build') process.exit(1);
            logger.warn('内容有错误，见上面的说明；改正前相关页面可能无法显示。');
          }
        }

        const settings = readSiteSettings(contentDir, options.base ?? process.env.SILIANG_BASE);
        const timezone = settings?.timezone ?? 'Asia/Shanghai';
        const clockSetting = options.now ?? process.env.SILIANG_NOW;
        const clock = readClock(clockSetting, timezone);
        if (!clock) throw new Error(`时钟设置（--now 或 SILIANG_NOW）看不懂：“${clockSetting}”。请写成 2026-11-22 这样的日期。`);
        const digest = createHash('sha256').update(contentDir).digest('hex').slice(0, 10);
        const cacheDir = join(root, 'node_modules', '.astro', `siliang-${digest}`);
        photos = { contentDir, root, manifestPath: join(cacheDir, 'photos.json') };
        const context: BuildContext = {
          contentDir,
          root,
          today: clock.today,
          builtAt: clock.instant.toISOString(),
          timezone,
          base: settings?.base ?? '/',
          photoManifest: photos.manifestPath,
          print: parsePrintSelection(process.env[PRINT_ENV]),
        };
        updateConfig({
          ...(settings ? { site: settings.url, base: settings.base } : {}),
          trailingSlash: 'always',
          build: { format: 'directory' },
          // Each content folder gets its own content-layer cache, so building
          // a test fixture never reuses entries from the example organisation.
          cacheDir: pathToFileURL(`${cacheDir}/`),
          vite: {
            plugins: [
              {
                name: 'siliang:context',
                resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
                load: (id: string) => (id === `\0${VIRTUAL_ID}` ? `export default ${JSON.stringify(context)};` : undefined),
              },
            ],
          },
        });
      },
      'astro:build:start': async () => {
        // The content check of a large site starts now, beside the build (src/node/build.ts).
        contentLoaded();
        if (!photos) return;
        // Pages need only each photo's identity and size; the files are made
        // while Astro renders, and awaited before the output is finished.
        const prepared = await preparePhotos(photos);
        photoWork = prepared.finish();
        // Kept from being reported as unhandled before build:done awaits it.
        photoWork.catch(() => undefined);
      },
      'astro:server:setup': async ({ server }) => {
        if (!photos) return;
        const { contentDir, root, manifestPath } = photos;
        await (await preparePhotos({ contentDir, root, manifestPath })).finish();
        // The dev server has no build output: photo files come straight from the cache.
        const cacheDir = photoCacheDir(root);
        server.middlewares.use((request, response, next) => {
          const match = /\/_photos\/([0-9a-f]{2}\/[0-9a-f]{40}-\d+\.(?:jpg|webp))$/.exec(request.url?.split('?')[0] ?? '');
          if (!match) return next();
          response.setHeader('Content-Type', match[1]?.endsWith('.jpg') ? 'image/jpeg' : 'image/webp');
          createReadStream(join(cacheDir, match[1] as string)).on('error', () => next()).pipe(response);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        if (photos && photoWork) {
          const result = await photoWork;
          photoWork = undefined;
          stepFigures().photos = result;
          logger.info(`工作照 ${result.photos} 张：新处理 ${result.processed} 张，沿用缓存 ${result.reused} 张（${result.seconds.toFixed(1)} 秒，与页面生成同时进行）`);
          await publishPhotos(readPhotoManifest(photos.manifestPath), photos.root, out);
        }
        // The photo step's files were checked for metadata as they were made.
        const scrubbed = await scrubImagesIn(out, { skip: [PHOTO_DIR] });
        if (scrubbed.length > 0) logger.info(`已去除 ${scrubbed.length} 张图片中的拍摄信息（EXIF/GPS 等）`);
        const searchStarted = performance.now();
        const search = await buildSearchIndex(out);
        const seconds = (performance.now() - searchStarted) / 1000;
        stepFigures().search = { seconds, pages: search.pages };
        logger.info(`搜索索引已生成：${search.pages} 个页面（${seconds.toFixed(1)} 秒）`);
      },
    },
  };
}
