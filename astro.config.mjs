// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import siliang from '#integration/index.ts';
import { contentFolderInUse, handedOverOptions } from '#lib/build-signals.ts';
import { resolveContentDir } from '#lib/content/folder.ts';
import { readSiteSettings } from '#lib/content/site-settings.ts';
import { inlineScriptHash, pageCspDirectives, SCRIPT_SOURCES, STYLE_SOURCES } from '#lib/csp.ts';
import { LARGE_TEXT_MEMORY } from '#lib/large-text.ts';
import { hostOf, IFRAME_HOSTS, sanitizeHastPlugin } from '#lib/markdown/sanitize.ts';
import { OptionsError, readSiliangOptions } from '#lib/options.ts';

/**
 * The integration's options (src/lib/options.ts). `npm run build` has read
 * the environment and its command line already and hands the result over
 * (src/node/build.ts); `astro dev` and `astro build` read the environment
 * here.
 * @returns {import('#lib/options.ts').SiliangOptions}
 */
function options() {
  const handed = handedOverOptions();
  if (handed) return handed;
  try {
    return readSiliangOptions();
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    // Said in a line, not under a stack trace from Astro's config loader.
    console.error(`\n✗ ${error.problems.join('\n✗ ')}\n`);
    return process.exit(2);
  }
}
const siliangOptions = options();

/**
 * Iframes may also show pages of the organisation's own site (site.yaml
 * `url`). Read when the first document is rendered, after the integration
 * has chosen the content folder; once per folder.
 * @type {Map<string, string[]>}
 */
const ownHosts = new Map();
const siteHosts = () => {
  const contentDir = contentFolderInUse() ?? resolveContentDir(siliangOptions.content, process.cwd());
  let hosts = ownHosts.get(contentDir);
  if (!hosts) ownHosts.set(contentDir, (hosts = hostOf(readSiteSettings(contentDir)?.url)));
  return hosts;
};

// The site address and base path come from the content folder's site.yaml;
// see src/integration/index.ts.
export default defineConfig({
  security: {
    // A policy in every page with the hashes of its own scripts and styles;
    // the web server adds what a meta element cannot (src/lib/csp.ts,
    // deploy/nginx/). Read here, once: the iframe hosts include the
    // organisation's own site from site.yaml.
    csp: {
      directives: pageCspDirectives({ frameHosts: [...IFRAME_HOSTS, ...hostOf(readSiteSettings(resolveContentDir(siliangOptions.content, process.cwd()))?.url)] }),
      // The large-text memory is written is:inline (it must run before the page paints), so Astro does not hash it itself.
      scriptDirective: { resources: [...SCRIPT_SOURCES], hashes: [inlineScriptHash(LARGE_TEXT_MEMORY)] },
      styleDirective: { resources: [...STYLE_SOURCES] },
    },
  },
  markdown: {
    // Astro 7 renders Markdown and MDX with Sätteri, which keeps raw HTML as
    // it is written. Parse it into elements (rawHtml) so that the sanitiser
    // sees every tag and attribute; see src/lib/markdown/sanitize.ts. MDX
    // inherits this processor (@astrojs/mdx extendMarkdownConfig, on by default).
    processor: satteri({ features: { rawHtml: true }, hastPlugins: [sanitizeHastPlugin({ iframeHosts: siteHosts })] }),
    // Highlighted code would arrive at the sanitiser as inline styles, which
    // it removes; content has no code to highlight, so do not spend the time.
    syntaxHighlight: false,
  },
  integrations: [
    siliang(siliangOptions),
    mdx(),
    // Print sheets and hall screens are not pages for citizens to land on from a search engine.
    sitemap({ filter: (page) => !/\/(print|kiosk)\//.test(new URL(page).pathname) }),
  ],
});
