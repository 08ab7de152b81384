// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import siliang from './src/integration/index.ts';

// The site address and base path come from the content folder's site.yaml;
// see src/integration/index.ts.
export default defineConfig({
  integrations: [siliang(), mdx(), sitemap()],
});
