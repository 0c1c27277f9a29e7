/**
 * A Vite plugin of the "worker" project: an import of a model in test/.generated waits until
 * ./global-setup.ts's background build of them has ended (`done`), or fails with the build's
 * own message (`failed`), and is served as one `JSON.parse` of the file's text (cheaper for
 * the Workers runtime to load than the object literal of a 1.5 MB model).
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
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      await modelsBuilt();
      return `export default JSON.parse(${JSON.stringify(readFileSync(path.join(GENERATED, `${id.slice(PREFIX.length)}.json`), 'utf8'))});`;
    },
  };
}
