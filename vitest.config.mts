import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { WORKER_DEPENDENCIES } from './test/worker/dependencies.ts';
import { serveModel, testModels } from './test/worker/models-plugin.ts';

// Two runtimes (GUIDE.md): the build step runs in Node (it reads files: corpus, content);
// everything the Worker does runs in workerd with real local D1/Queues. Node tests come in two
// projects: "node" (pure functions over files, no server) and "e2e" (wrangler dev, Chromium,
// feedparser).
//
// Time (issue 19; `npm run test:times` prints it per file, with when it ran): one project
// after another (vitest's sequencer sorts by project name: e2e, node, worker), longest file
// first within one (vitest keeps each file's last duration), one file per core. Sorting
// longest first across projects was slower (a slot that changes project starts a new worker:
// the corpus built again, another workerd). So was three files at once (more files than
// cores, for the end-to-end files' waiting): each extra pool worker builds the corpus again,
// and the worker project starts one more workerd and loads the app into it (measured on 2
// cores: 298 s CPU and 205 s wall with three, 241 s and 184 s with two).
const NODE_TESTS = ['test/content/**/*.test.ts', 'test/status/**/*.test.ts', 'test/digest/**/*.test.ts', 'test/publish/**/*.test.ts', 'test/scripts/**/*.test.ts'];

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          include: NODE_TESTS,
          environment: 'node',
          // One module graph per worker process: a corpus built by test/content/helpers.ts
          // (corpusBuild, reportsBuild, sampleBuild) is built once per worker, not once per
          // file. These files mock nothing and change no global.
          isolate: false,
          // Markdown trees by text, once per worker (test/markdown-memo.ts).
          setupFiles: ['test/markdown-memo.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // Migrates one local D1 state once; each file copies it (test/e2e/state.ts).
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        plugins: [
          testModels(),
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              // The R2 bucket of documents beyond the static files (OVERFLOW_STORE = "r2"), local.
              r2Buckets: ['OVERFLOW'],
              // The site models the tests import (test/.generated), served from Node.
              serviceBindings: { TEST_MODELS: serveModel },
              // The delivery events' consumer as wrangler.toml has it, but for its batch window:
              // 1 s instead of 5 s, so that the test of the real queue waits less (issue 19).
              queueConsumers: { 'tidings-mail-events': { maxBatchSize: 100, maxBatchTimeout: 1, maxRetries: 5 } },
              bindings: {
                ENVIRONMENT: 'test',
                SIGNING_KEY: 'test-signing-key-0123456789abcdef0123456789abcdef',
                ADMIN_TOKEN: 'test-admin-token-0123456789abcdef0123',
                TEST_MIGRATIONS: await readD1Migrations(path.join(import.meta.dirname, 'migrations')),
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          // Dependencies pre-bundled once (esbuild) instead of fetched by workerd module by module
          // from vitest's module fallback service (issue 19: 16 s of the project's 56 s CPU).
          // Every entry point the code and tests import is listed, so that no package is loaded
          // twice (bundled and not): a second copy of hono's HTTPException is not an
          // HTTPException to the first.
          deps: { optimizer: { ssr: { enabled: true, include: WORKER_DEPENDENCIES } } },
          // One Miniflare (workerd) and one import of the app per pool worker, not per file:
          // files share its local D1 and queues, so no test counts on a D1 of its own (assert
          // on your own addresses, resetDigests before a cut, a queue nobody plays for baselines:
          // digest.helpers.ts).
          isolate: false,
          // Corpus-wide tests render hundreds of documents, next to other files running at
          // the same time: the default 5 s is too short on a loaded 2-core machine.
          testTimeout: 120_000,
          globalSetup: ['test/worker/global-setup.ts'],
          setupFiles: ['test/worker/apply-migrations.ts'],
        },
      },
    ],
  },
});
