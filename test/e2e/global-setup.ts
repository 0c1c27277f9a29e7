/**
 * vitest globalSetup of the "e2e" project: applies the D1 migrations once, as npm start does
 * (applyLocalMigrations), into a state directory each end-to-end file copies for its own
 * `wrangler dev --persist-to` (migratedState in ./wrangler-dev.ts): every server starts from a fresh, migrated local D1,
 * as `npm start` leaves it, without one wrangler process per file to migrate it.
 *
 * The migration runs in the background (issue 19: the other projects' set-up and the first
 * files go on beside it); it writes `done`, or `failed` with wrangler's message, next to the
 * state when it ends, and migratedState waits for one of them.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyLocalMigrations } from '../../scripts/dev-setup';
import { root } from '../../scripts/wrangler-dev';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A directory whose `state` gets every migration applied and nothing else, then `done` (or `failed`). */
    migratedState: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-e2e-migrated-'));
  await mkdir(path.join(dir, 'state'));
  const migrated = applyLocalMigrations(root, { persistTo: path.join(dir, 'state'), verbose: false }).then(
    () => writeFile(path.join(dir, 'done'), ''),
    (error: unknown) => writeFile(path.join(dir, 'failed'), error instanceof Error ? error.message : String(error)),
  );
  project.provide('migratedState', dir);
  return async () => {
    await migrated;
    await rm(dir, { recursive: true, force: true });
  };
}
