/**
 * vitest globalSetup of the "e2e" project: runs `wrangler d1 migrations apply DB --local` once,
 * into a state directory each end-to-end file copies for its own `wrangler dev --persist-to`
 * (migratedState in ./wrangler-dev.ts): every server starts from a fresh, migrated local D1,
 * as `npm start` leaves it, without one wrangler process per file to migrate it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyLocalMigrations } from '../../scripts/dev-setup';
import { root } from '../../scripts/wrangler-dev';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A local state directory with every migration applied and nothing else. */
    migratedState: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-e2e-migrated-'));
  await applyLocalMigrations(root, { persistTo: dir, verbose: false });
  project.provide('migratedState', dir);
  return () => rm(dir, { recursive: true, force: true });
}
