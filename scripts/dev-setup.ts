/**
 * Local development setup used by `npm start` (scripts/start.ts) and the end-to-end test:
 * a development `.dev.vars` with random secrets, and the D1 migrations applied to the local
 * database. Nothing here ever runs in production.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Prefix of generated development secrets. The Worker refuses a "dev-" SIGNING_KEY unless
 * ENVIRONMENT is "local" or "test" (src/subscribers/secrets.ts), so a copied .dev.vars can
 * never sign production links.
 */
const DEV_PREFIX = 'dev-';

export interface DevVarsResult {
  path: string;
  /** True when the file did not exist and was written. */
  created: boolean;
  /** Variables appended to an existing file that lacked them. */
  added: string[];
}

function developmentVars(): Record<string, string> {
  return {
    ENVIRONMENT: 'local',
    SIGNING_KEY: `${DEV_PREFIX}${randomBytes(32).toString('hex')}`,
    ADMIN_TOKEN: `${DEV_PREFIX}${randomBytes(24).toString('hex')}`,
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates `<root>/.dev.vars` for local development if it is missing. An existing file is
 * kept as it is; only variables it lacks entirely are appended (never overwritten).
 */
export async function ensureDevVars(root: string): Promise<DevVarsResult> {
  const file = path.join(root, '.dev.vars');
  const vars = developmentVars();
  if (!(await exists(file))) {
    const body = [
      '# Development secrets, written by `npm start` (scripts/dev-setup.ts). Local only:',
      '# production secrets are set with `wrangler secret put`, and the Worker refuses these',
      '# "dev-" keys unless ENVIRONMENT is "local".',
      ...Object.entries(vars).map(([k, v]) => `${k}=${v}`),
      '',
    ].join('\n');
    await writeFile(file, body, { mode: 0o600, flag: 'wx' });
    console.log(`Created ${path.relative(process.cwd(), file) || file} with development secrets.`);
    return { path: file, created: true, added: Object.keys(vars) };
  }
  const current = await readFile(file, 'utf8');
  const present = new Set(
    current
      .split(/\r?\n/)
      .map((line) => /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined),
  );
  const missing = Object.entries(vars).filter(([name]) => !present.has(name));
  if (missing.length > 0) {
    const prefix = current.length === 0 || current.endsWith('\n') ? '' : '\n';
    await appendFile(file, `${prefix}${missing.map(([k, v]) => `${k}=${v}`).join('\n')}\n`);
    console.log(`Added ${missing.map(([k]) => k).join(', ')} to ${file}.`);
  }
  return { path: file, created: false, added: missing.map(([k]) => k) };
}

export interface LocalMigrationOptions {
  /** Directory of the local state (`wrangler --persist-to`); wrangler's default otherwise. */
  persistTo?: string;
  /** Print wrangler's output (default true). */
  verbose?: boolean;
}

/** Runs the wrangler CLI of this project (no shell, no global install needed). */
export function runWrangler(root: string, args: string[], options: { verbose?: boolean } = {}): Promise<string> {
  const cli = path.join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, ...args],
      {
        cwd: root,
        // Non-interactive: wrangler then applies migrations without asking.
        env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (options.verbose !== false) process.stdout.write(stdout);
        if (error) {
          reject(new Error(`wrangler ${args.join(' ')} failed:\n${stderr || stdout || error.message}`));
          return;
        }
        resolve(stdout);
      },
    );
  });
}

/** `wrangler d1 migrations apply DB --local`: brings the local D1 database up to migrations/. */
export async function applyLocalMigrations(root: string, options: LocalMigrationOptions = {}): Promise<void> {
  await runWrangler(
    root,
    ['d1', 'migrations', 'apply', 'DB', '--local', ...(options.persistTo ? ['--persist-to', options.persistTo] : [])],
    { verbose: options.verbose },
  );
}
