// Bindings the Workers test pool provides on top of the Worker's own (vitest.config.mts).
// In @cloudflare/vitest-pool-workers 0.23 `env` (cloudflare:test / cloudflare:workers) is typed
// as `Cloudflare.Env`, so that is the interface to augment.
import type { D1Migration } from 'cloudflare:test';
import type { Env as WorkerEnv } from '../../src/env';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
      /** The models of test/.generated (test/worker/models-plugin.ts). */
      TEST_MODELS: Fetcher;
    }
  }
}
