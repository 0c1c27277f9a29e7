import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Two runtimes, two projects (GUIDE.md): the build step runs in Node (it reads files:
// corpus, content); everything the Worker does runs in workerd with real local D1/Queues.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/content/**/*.test.ts', 'test/status/**/*.test.ts', 'test/digest/**/*.test.ts', 'test/publish/**/*.test.ts', 'test/scripts/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              // The R2 bucket of documents beyond the static files (OVERFLOW_STORE = "r2"), local.
              r2Buckets: ['OVERFLOW'],
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
          // Corpus-wide tests render hundreds of documents: the default 5 s is too short on a
          // loaded 2-core machine.
          testTimeout: 30_000,
          globalSetup: ['test/worker/global-setup.ts'],
          setupFiles: ['test/worker/apply-migrations.ts'],
        },
      },
    ],
  },
});
