/**
 * The Siliang Astro integration: points Astro at a content folder, takes the
 * site address and base path from its site.yaml, refuses to build invalid
 * content, fixes "today" for the whole build, makes the staff photos, removes
 * photo metadata from every image in the output and writes the search index.
 *
 * Its options (src/lib/options.ts) come from astro.config.mjs, which passes
 * what `npm run build` handed over or else reads the environment; every
 * value pages need is worked out here, once, into the build context
 * (virtual:siliang/context, ./context.ts).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { checkContent, hasErrors } from '#lib/content/check.ts';
import { resolveContentDir } from '#lib/content/folder.ts';
import { formatProblems } from '#lib/content/problem.ts';
import { readSiteSettings } from '#lib/content/site-settings.ts';
import { readClock } from '#lib/dates.ts';
import { scrubImagesIn } from '#lib/images/metadata.ts';
import { PHOTO_DIR } from '#lib/images/photo-recipe.ts';
import { dropViteReservedEnv, parseSiliangOptions, type SiliangOptionsInput } from '#lib/options.ts';
import { contentLoaded, stepFigures, useContentFolder } from '#lib/build-signals.ts';
import { photoCacheDir, photosShownIn, preparePhotos, publishPhotos, readPhotoManifest, type PhotoStepResult } from './photos.ts';
import { buildSearchIndex } from './search-index.ts';
import type { BuildContext } from './context.ts';

const VIRTUAL_ID = 'virtual:siliang/context';

/**
 * Astro keeps each entry's rendered Markdown in its content-layer cache and
 * renders it again only when the entry changes, not when our Markdown code
 * (the sanitiser, table captions) does: after an update of Siliang a local
 * build would keep yesterday's HTML. So the cache lives in a folder named for
 * that code, and folders for older code are removed.
 */
function markdownCacheDir(cacheDir: string, root: string): string {
  const code = join(root, 'src', 'lib', 'markdown');
  const hash = createHash('sha256');
  for (const name of readdirSync(code).sort()) hash.update(name).update(readFileSync(join(code, name)));
  const name = `content-${hash.digest('hex').slice(0, 10)}`;
  let old: string[] = [];
  try {
    old = readdirSync(cacheDir).filter((entry) => entry.startsWith('content-') && entry !== name);
  } catch {
    // No cache yet.
  }
  for (const entry of old) rmSync(join(cacheDir, entry), { recursive: true, force: true });
  return join(cacheDir, name);
}

export default function siliang(input: SiliangOptionsInput = {}): AstroIntegration {
  // Checked when astro.config.mjs is loaded: a misspelt option or a wrong
  // value stops Astro before it starts, naming the option.
  const options = parseSiliangOptions(input);
  // Set by astro:config:setup, used by the later hooks.
  let photos: { contentDir: string; cacheDir: string; manifestPath: string; staffHidden: boolean } | undefined;
  let photoWork: Promise<PhotoStepResult> | undefined;
  return {
    name: 'siliang',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        // `astro dev` and `astro build` get here without src/node/build.ts, which drops them too.
        dropViteReservedEnv();
        const contentDir = resolveContentDir(options.content, root);
        // src/content.config.ts and the Markdown sanitiser (astro.config.mjs) read the folder from here.
        useContentFolder(contentDir);

        // `npm run build` has checked the folder already, or checks it beside the build.
        if (options.checked !== contentDir && (command === 'build' || command === 'dev')) {
          const { problems } = checkContent(contentDir, { ...(options.now ? { now: options.now } : {}), audience: options.audience });
          if (hasErrors(problems)) {
            console.error(`\n${formatProblems(problems, { contentDir, color: process.stderr.isTTY })}\n`);
            // A stack trace from deep inside Astro would bury the report above.
            if (command === 'build') process.exit(1);
            logger.warn('内容有错误，见上面的说明；改正前相关页面可能无法显示。');
          }
        }

        const settings = readSiteSettings(contentDir, options.base);
        const timezone = settings?.timezone ?? 'Asia/Shanghai';
        // The build's one clock: pages take "today" from the context, never from the clock.
        const clock = readClock(options.now, timezone);
        // The options' schema has refused a setting that cannot be read.
        if (!clock) throw new Error(`时钟设置看不懂：“${options.now}”`);
        const digest = createHash('sha256').update(contentDir).digest('hex').slice(0, 10);
        const cacheDir = join(root, 'node_modules', '.astro', `siliang-${digest}`);
        const contentCache = markdownCacheDir(cacheDir, root);
        photos = {
          contentDir,
          cacheDir: photoCacheDir(root, options.photoCache),
          manifestPath: join(cacheDir, 'photos.json'),
          staffHidden: options.audience === 'web' && (settings?.staffHidden ?? false),
        };
        const context: BuildContext = {
          contentDir,
          root,
          today: clock.today,
          builtAt: clock.instant.toISOString(),
          timezone,
          base: settings?.base ?? '/',
          photoManifest: photos.manifestPath,
          photoCache: photos.cacheDir,
          print: options.print,
          searchSplit: options.searchSplit,
          homeCards: options.homeCards,
          audience: options.audience,
        };
        updateConfig({
          ...(settings ? { site: settings.url, base: settings.base } : {}),
          trailingSlash: 'always',
          build: { format: 'directory' },
          // Each content folder gets its own content-layer cache, so building
          // a test fixture never reuses entries from the example organisation.
          cacheDir: pathToFileURL(`${contentCache}/`),
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
        await (await preparePhotos(photos)).finish();
        // The dev server has no build output: photo files come straight from the cache.
        const { cacheDir } = photos;
        server.middlewares.use((request, response, next) => {
          const match = /\/_photos\/([0-9a-f]{2}\/[0-9a-f]{40}-\d+\.(?:jpg|webp))$/.exec(request.url?.split('?')[0] ?? '');
          if (!match) return next();
          response.setHeader('Content-Type', match[1]?.endsWith('.jpg') ? 'image/jpeg' : 'image/webp');
          createReadStream(join(cacheDir, match[1] as string))
            .on('error', () => next())
            .pipe(response);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        if (photos && photoWork) {
          const result = await photoWork;
          photoWork = undefined;
          stepFigures().photos = result;
          logger.info(`工作照 ${result.photos} 张：新处理 ${result.processed} 张，沿用缓存 ${result.reused} 张（${result.seconds.toFixed(1)} 秒，与页面生成同时进行）`);
          // A privacy tier keeps some photos off the web: publish only those the pages show.
          const only = photos.staffHidden ? await photosShownIn(out) : undefined;
          await publishPhotos(readPhotoManifest(photos.manifestPath), photos.cacheDir, out, only);
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
