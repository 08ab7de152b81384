// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import siliang from './src/integration/index.ts';

// The site address and base path come from the content folder's site.yaml;
// see src/integration/index.ts.
export default defineConfig({
  integrations: [
    siliang(),
    mdx(),
    // Print pages are for staff and the poster exporter, not for search engines.
    sitemap({ filter: (page) => !new URL(page).pathname.includes('/print/') }),
  ],
});
