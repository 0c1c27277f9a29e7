/**
 * vitest globalSetup of the "worker" project: starts ./build-models.ts (the site models the
 * Worker tests import from test/.generated) in a process of its own and returns at once, so
 * that the suite's other files start beside the build (it held every file back ~5 s: issue 19).
 * When the process ends it writes `done`, or `failed` with what the build printed, next to the
 * models; ./models-plugin.ts holds back each import of test/.generated until then.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { GENERATED, root } from './models-plugin';

export default function setup(): () => Promise<void> {
  mkdirSync(GENERATED, { recursive: true });
  // Markers of an earlier run would let an import through before this run's models exist.
  for (const marker of ['done', 'failed']) rmSync(`${GENERATED}/${marker}`, { force: true });
  const built = new Promise<void>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'test/worker/build-models.ts'], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const marker = error ? writeFile(`${GENERATED}/failed`, `${error.message}\n${stdout}${stderr}`) : writeFile(`${GENERATED}/done`, '');
      // Resolves either way: a marker that could not be written shows as the plugin's timeout.
      marker.then(resolve, resolve);
    });
  });
  return () => built;
}
