/**
 * What the worker project pre-bundles for workerd (vitest.config.mts, deps.optimizer): every
 * package entry point that src/ and the worker tests import at run time (type-only imports such
 * as mdast and hast need nothing). An entry point left out while another of its package is
 * listed runs twice (bundled and not): hono's HTTPException of one copy is not one to the
 * other. test/scripts/worker-dependencies.test.ts checks the list against the imports.
 */
export const WORKER_DEPENDENCIES = [
  '@hono/zod-validator',
  'fast-xml-parser',
  'feedsmith',
  'hast-util-from-html',
  'hast-util-sanitize',
  'hast-util-to-html',
  'hast-util-to-mdast',
  'hono',
  'hono/body-limit',
  'hono/http-exception',
  'hono/jsx',
  'hono/jsx/jsx-runtime',
  'hono/utils/buffer',
  'human-names',
  'mdast-util-to-hast',
  'mdast-util-to-string',
  'rehype-sanitize',
  'rehype-stringify',
  'remark-frontmatter',
  'remark-gfm',
  'remark-parse',
  'remark-rehype',
  'smol-toml',
  'stemmer',
  'unified',
  'vfile',
  'yaml',
  'zod',
];
