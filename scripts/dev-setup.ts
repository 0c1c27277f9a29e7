/**
 * Local development setup used by `npm start` (scripts/start.ts) and the end-to-end test:
 * a development `.dev.vars` with random secrets, and the D1 migrations applied to the local
 * database. Nothing here ever runs in production.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
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
  /** Print what was applied (default true). */
  verbose?: boolean;
  /** The wrangler configuration naming the database and its migrations (default `<root>/wrangler.toml`). */
  configPath?: string;
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

/**
 * What `wrangler d1 migrations apply DB --local` does, in this process: every file of the
 * database's migrations directory not yet in its migrations table is applied, in name order,
 * each one with its row in that table in one batch (a migration that fails leaves nothing of
 * itself behind), to the same local database `wrangler dev` then opens (`<persistTo>/v3`).
 * Wrangler's own command starts a local runtime for every query it sends (one per migration):
 * ~10 s of CPU for this project's migrations against ~3.5 s here (issue 19: twice per test run,
 * once per `npm start`). The table and the files are wrangler's, so either can take over from
 * the other.
 */
export async function applyLocalMigrations(root: string, options: LocalMigrationOptions = {}): Promise<void> {
  // Loaded only here: wrangler is large, and the build (which shares this file's bundle) never needs it.
  const { getPlatformProxy, unstable_readConfig, unstable_splitSqlQuery } = await import('wrangler');
  const configPath = options.configPath ?? path.join(root, 'wrangler.toml');
  const database = unstable_readConfig({ config: configPath }).d1_databases.find((d: { binding: string }) => d.binding === 'DB');
  if (!database) throw new Error(`${configPath}: no D1 database bound as DB`);
  const table = database.migrations_table ?? 'd1_migrations';
  const dir = path.resolve(path.dirname(configPath), database.migrations_dir ?? 'migrations');
  const state = path.resolve(root, options.persistTo ?? path.join(path.dirname(configPath), '.wrangler', 'state'), 'v3');
  const log = (line: string) => options.verbose !== false && console.log(line);
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath, persist: { path: state }, remoteBindings: false });
  try {
    const db = proxy.env.DB;
    // The table exactly as wrangler creates it.
    await db
      .prepare(`CREATE TABLE IF NOT EXISTS ${table}(\n\t\tid         INTEGER PRIMARY KEY AUTOINCREMENT,\n\t\tname       TEXT UNIQUE,\n\t\tapplied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL\n);`)
      .run();
    const applied = new Set((await db.prepare(`SELECT name FROM ${table}`).all<{ name: string }>()).results.map((r) => r.name));
    const pending = (await readdir(dir)).filter((name) => name.endsWith('.sql') && !applied.has(name)).sort();
    if (pending.length === 0) log('D1 (local): no migrations to apply.');
    for (const name of pending) {
      const sql = await readFile(path.join(dir, name), 'utf8');
      const statements = unstable_splitSqlQuery(`${sql}\nINSERT INTO ${table} (name) VALUES (?1);`);
      const last = statements.length - 1;
      try {
        await db.batch(statements.map((statement, i) => (i === last ? db.prepare(statement).bind(name) : db.prepare(statement))));
      } catch (error) {
        throw new Error(`D1 migration ${path.relative(root, path.join(dir, name))} failed (nothing of it applied): ${error instanceof Error ? error.message : String(error)}`);
      }
      log(`D1 (local): applied ${name}`);
    }
  } finally {
    await proxy.dispose();
  }
}
