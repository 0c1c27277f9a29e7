/**
 * A Vite plugin of the "worker" project: an import of a model in test/.generated is a module
 * that fetches the model from TEST_MODELS, a service binding answered in Node (`serveModel`,
 * vitest.config.mts), which waits until ./global-setup.ts's background build of the models has
 * ended (`done`), or fails with the build's own message (`failed`). The model comes over as the
 * body of a response and is read by the runtime's own `response.json()`: as module code (a
 * 1.5 MB string literal) it cost vitest's main process ~5 s of CPU a run, for the SSR transform
 * and for escaping it into each pool worker's messages (issue 19).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vitest/config';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const GENERATED = path.join(root, 'test', '.generated');

async function modelsBuilt(): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (existsSync(path.join(GENERATED, 'done'))) return;
    if (existsSync(path.join(GENERATED, 'failed'))) throw new Error(`building the test models failed (test/worker/build-models.ts):\n${readFileSync(path.join(GENERATED, 'failed'), 'utf8')}`);
    if (Date.now() - started > 180_000) throw new Error('the test models (test/worker/build-models.ts) were not built within 3 minutes');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A model's module id: virtual (no `.json`, which Vite's own JSON plugin would take). */
const PREFIX = '\0tidings-test-model:';

/** The service binding's answer to `GET /<name>.json`: the model's bytes, once the models are built. */
export async function serveModel(request: Request): Promise<Response> {
  const name = path.basename(new URL(request.url).pathname);
  const file = path.join(GENERATED, name);
  if (!name.endsWith('.json') || path.dirname(file) !== GENERATED) return new Response(`not a model: ${name}`, { status: 404 });
  try {
    await modelsBuilt();
  } catch (error) {
    return new Response(error instanceof Error ? error.message : String(error), { status: 500 });
  }
  return new Response(readFileSync(file), { headers: { 'Content-Type': 'application/json' } });
}

export function testModels(): Plugin {
  return {
    name: 'tidings-test-models',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !source.includes('.generated/')) return null;
      const file = path.resolve(path.dirname(importer), source);
      if (path.dirname(file) !== GENERATED || !file.endsWith('.json')) return null;
      return `${PREFIX}${path.basename(file, '.json')}`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const url = JSON.stringify(`http://models/${id.slice(PREFIX.length)}.json`);
      return [
        "import { env } from 'cloudflare:workers';",
        `const response = await env.TEST_MODELS.fetch(${url});`,
        `if (!response.ok) throw new Error(\`\${${url}}: \${response.status} \${await response.text()}\`);`,
        'export default await response.json();',
      ].join('\n');
    },
  };
}
