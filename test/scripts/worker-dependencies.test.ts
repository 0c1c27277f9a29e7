/**
 * The worker project's pre-bundled dependencies (test/worker/dependencies.ts) are exactly the
 * package entry points the Worker's code and its tests import at run time: one left out runs
 * twice in workerd (bundled and not), one no longer imported is bundled for nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKER_DEPENDENCIES } from '../worker/dependencies';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Run in Node, not in workerd: the worker project's set-up and its Vite plugin.
const NODE_SIDE = new Set(['test/worker/build-models.ts', 'test/worker/global-setup.ts', 'test/worker/models-plugin.ts', 'test/worker/dependencies.ts']);
// Built in, or provided by the test pool.
const PROVIDED = /^(?:node:|cloudflare:|vitest$|@cloudflare\/vitest-pool-workers)/;

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((n) => /\.tsx?$/.test(n) && !n.endsWith('.d.ts'))
    .map((n) => path.join(dir, n));
}

/** Bare specifiers of runtime imports and re-exports (not `import type`), over several lines too. */
function runtimeImports(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    if (!m[1]!.startsWith('.')) found.push(m[1]!);
  }
  return found;
}

describe('the worker project pre-bundles what the Worker imports', () => {
  it('reads runtime imports, not type-only ones', () => {
    expect(runtimeImports("import type { Root } from 'mdast';\nimport {\n  a,\n  b,\n} from 'hono/jsx';\nimport 'zod';\nexport { x } from './y';")).toEqual(['hono/jsx', 'zod']);
  });

  it('lists every package entry point src/ and the worker tests import, and nothing else', () => {
    const files = [...sources('src'), ...sources('test/worker'), 'test/assets.ts'].filter((f) => !NODE_SIDE.has(f));
    const imported = new Set<string>();
    for (const file of files) for (const spec of runtimeImports(readFileSync(path.join(ROOT, file), 'utf8'))) if (!PROVIDED.test(spec)) imported.add(spec);
    // JSX compiles to imports of its runtime (tsconfig jsxImportSource).
    if (files.some((f) => f.endsWith('.tsx'))) imported.add('hono/jsx/jsx-runtime');
    expect([...WORKER_DEPENDENCIES].sort()).toEqual([...imported].sort());
  });
});
