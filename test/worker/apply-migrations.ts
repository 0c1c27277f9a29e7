// Runs before every test file of the "worker" project: the real local D1 gets the schema from
// migrations/ (read in vitest.config.mts), exactly as `wrangler d1 migrations apply` would.
import { applyD1Migrations, env } from 'cloudflare:test';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
