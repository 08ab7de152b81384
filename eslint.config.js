// @ts-check
/**
 * ESLint for the whole project (`npm run lint`). Two kinds of rule:
 *
 * - The recommended sets of ESLint, typescript-eslint and eslint-plugin-astro:
 *   rules that catch bugs. Not the type-checked sets: they need a TypeScript
 *   program for every file and would make the linter as slow as `tsc`, which
 *   `npm run typecheck` already runs.
 * - The folder boundaries of README's "How it is put together", kept by
 *   `no-restricted-imports` so that a forbidden import fails the lint instead
 *   of waiting for a reviewer (test/unit/lint-boundaries.test.ts proves each).
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * A folder of src/ as an import names it: relative (`../node/x.ts`,
 * `../../node/x.ts`: any number of `../` then the folder, since no folder of
 * src/ has a subfolder of the same name), through the project's root
 * (`../../src/node/x.ts`), or by its `#node/…` subpath alias in package.json.
 * @param {string} folder
 */
const srcFolder = (folder) => `^(?:(?:\\.\\./)+(?:src/)?${folder}|#${folder})(?:/|$)`;

/**
 * One forbidden import: a regular expression over the import's text and the
 * message, in Chinese and English, that says why and what to do instead.
 * @typedef {{ regex: string, message: string }} Forbidden
 */

/** @type {Record<string, Forbidden>} */
const forbidden = {
  node: {
    regex: srcFolder('node'),
    message:
      'src/node 运行进程、线程、浏览器和服务器，这里不能引用它：把需要的纯逻辑移到 src/lib。 / src/node runs processes, workers, browsers and servers: move the pure part into src/lib and import that.',
  },
  integration: {
    regex: srcFolder('integration'),
    message: 'src/integration 是 Astro 集成，这里不能引用它：共用的部分放到 src/lib。 / src/integration is the Astro integration: put what both need in src/lib.',
  },
  tools: {
    regex: srcFolder('tools'),
    message:
      'src/tools 只供其他命令（gen、bench、posters、new、import、schema、portraits、lock:prune）使用，网站和它的构建不能引用它。 / src/tools is only for the other commands; the site and its build may not import it.',
  },
  pages: {
    regex: srcFolder('pages'),
    message: 'src/lib 不能引用页面：页面引用 src/lib，而不是反过来。 / src/lib may not import pages: pages import src/lib, not the other way round.',
  },
  components: {
    regex: srcFolder('components'),
    message: 'src/lib 不能引用组件：组件引用 src/lib，而不是反过来。 / src/lib may not import components: components import src/lib, not the other way round.',
  },
  astro: {
    // `astro`, `astro/…` but `astro/zod`, and Astro's virtual modules (`astro:content`).
    regex: '^astro(?:$|:|/(?!zod$))',
    message:
      'src/lib 不依赖 Astro（只有 Zod 通过 astro/zod 引入），这样脚本和测试可以直接用 Node 运行它。 / src/lib does not depend on Astro (only Zod, through astro/zod), so that scripts and tests run it under plain Node.',
  },
  nodeBuiltins: {
    regex: `^(?:node:|(?:${builtinModules.filter((name) => !name.startsWith('_')).join('|')})(?:/|$))`,
    message: '浏览器脚本不能引用 Node 的模块：浏览器里没有它们。 / Browser scripts may not import Node modules: browsers do not have them.',
  },
};

/**
 * What each folder may not import. A file gets one list (a later block's
 * `no-restricted-imports` would replace an earlier one's, not add to it), so
 * each folder lists everything forbidden to it.
 * @type {Record<string, Forbidden[]>}
 */
const boundaries = {
  'src/lib': [forbidden.node, forbidden.integration, forbidden.tools, forbidden.pages, forbidden.components, forbidden.astro],
  'src/schemas': [forbidden.node, forbidden.integration, forbidden.tools],
  'src/data': [forbidden.node, forbidden.tools],
  'src/pages': [forbidden.tools],
  'src/components': [forbidden.tools],
  'src/layouts': [forbidden.tools],
  'src/integration': [forbidden.tools, forbidden.node],
  'src/node': [forbidden.integration],
  'src/scripts': [forbidden.nodeBuiltins],
};

export default defineConfig(
  {
    ignores: ['content/**', 'dist/**', 'dist.*/**', '.astro/**', '.siliang/**', 'posters/**', 'node_modules/**', 'test/fixtures/**', '.vscode/schemas/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Chinese text is set with the ideographic space U+3000 on purpose (in
      // strings, templates and page text); in code between tokens it is a bug.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true, skipJSXText: true }],
      // `_name` says "deliberately unused", as the code already writes it (a
      // type parameter kept for inference, the property dropped from a rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The messages the tests match separate fields with two spaces, and the
    // tests spell them as printed (`x\\.jpg  图片…`) rather than as ` {2}`.
    files: ['test/**'],
    rules: { 'no-regex-spaces': 'off' },
  },
  {
    // The Node version check runs on any Node, even one that cannot load ES modules.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Browser scripts, the scripts .astro components ship to the browser, and the form editor's page.
    files: ['src/scripts/**', 'src/**/*.astro', 'src/tools/editor/app/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  ...Object.entries(boundaries).map(([folder, patterns]) => ({
    files: [`${folder}/**/*.{ts,js,mjs,astro}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
);
