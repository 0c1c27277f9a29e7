/**
 * `npm start`: the whole of Tidings on this machine, offline, from a fresh clone.
 * Builds the content model, creates a development .dev.vars if missing, applies the D1
 * migrations to the local database, then runs `wrangler dev` on http://localhost:8787 with
 * local D1, Queues, cron and a simulated send_email binding.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { applyLocalMigrations, ensureDevVars } from './dev-setup';

const root = path.resolve(import.meta.dirname, '..');
const port = process.env.PORT ?? '8787';
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
    child.on('error', reject);
  });
}

// Extra arguments go to `wrangler dev`; a --persist-to directory is migrated too.
const extra = process.argv.slice(2);
const persistAt = extra.indexOf('--persist-to');
const persistTo = persistAt >= 0 ? extra[persistAt + 1] : undefined;

try {
  await run('npx', ['tsx', 'scripts/build-content.ts']);
  await ensureDevVars(root);
  await applyLocalMigrations(root, persistTo ? { persistTo } : {});
  // --test-scheduled exposes /__scheduled so the weekly cron can be triggered over HTTP.
  const dev = spawn('npx', ['wrangler', 'dev', '--port', port, '--ip', '127.0.0.1', '--test-scheduled', ...extra], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal));
  dev.on('exit', (code) => process.exit(code ?? 0));
} catch (error) {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
