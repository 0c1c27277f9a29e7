/**
 * `wrangler dev` of this project (or of another config, like the benchmark Worker) on a free
 * loopback port, with its local state in a directory of its own (--persist-to): shared by the
 * end-to-end tests and the benchmarks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A free port, held by a listener of ours until `release()`: static output built for this origin
 * beforehand (a build takes a while) keeps its port, as no other freePort() gets it meanwhile.
 */
export async function holdPort(): Promise<{ port: number; release(): Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { port, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface DevServer {
  origin: string;
  /** Everything wrangler printed so far (stdout and stderr). */
  output(): string;
  /** Stops wrangler (and workerd, its process group); removes a state directory it created. */
  stop(): Promise<void>;
}

export interface DevServerOptions {
  /** Local state directory; a temporary one (removed by stop()) when absent. */
  persistTo?: string;
  /** A wrangler config other than ./wrangler.toml. */
  config?: string;
  /** Extra `wrangler dev` flags, e.g. `--test-scheduled`. */
  args?: string[];
  /** `--var NAME:value` values; they win over wrangler.toml and .dev.vars. SITE_URL is this server. */
  vars?: Record<string, string>;
  /** Start it the way the README does, `npm start` (build, .dev.vars, migrations, then wrangler dev). */
  viaNpmStart?: boolean;
  /** Path polled until it answers 200 (default /healthz). */
  readyPath?: string;
  timeoutMs?: number;
  /** Port to listen on (a free one when absent): for static output built for this origin beforehand. */
  port?: number;
}

export async function startWranglerDev(options: DevServerOptions = {}): Promise<DevServer> {
  // A port picked free can be taken by another server starting at the same moment (the test
  // files run side by side): wrangler then exits with "Address already in use"; pick again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || !/Address already in use/.test(error.message)) throw error;
      await sleep(500);
    }
  }
}

async function startOnce(options: DevServerOptions): Promise<DevServer> {
  const [port, inspectorPort] = [options.port ?? (await freePort()), await freePort()];
  const origin = `http://127.0.0.1:${port}`;
  const ownState = options.persistTo === undefined;
  const persistTo = options.persistTo ?? (await mkdtemp(path.join(os.tmpdir(), 'tidings-dev-')));
  // Links in pages, feeds and emails must point at this server, not at localhost:8787.
  const vars = { ...options.vars, SITE_URL: origin };
  let output = '';
  const devFlags = [
    ...(options.config ? ['-c', options.config] : []),
    '--inspector-port', String(inspectorPort),
    '--persist-to', persistTo,
    '--show-interactive-dev-session=false',
    ...(options.args ?? []),
    ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
  ];
  // npm start chooses --ip 127.0.0.1 and --port $PORT itself.
  const [command, commandArgs] = options.viaNpmStart
    ? ['npm', ['start', '--silent', '--', ...devFlags]]
    : [process.execPath, [path.join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), 'dev', '--ip', '127.0.0.1', '--port', String(port), ...devFlags]];
  const child: ChildProcess = spawn(
    command,
    commandArgs,
    {
      cwd: root,
      env: { ...process.env, PORT: String(port), WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so stopping it also stops workerd and the build it spawns.
      detached: true,
    },
  );
  // Decoded as a stream, so a multi-byte character split across chunks is not garbled.
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => (output += chunk));
  child.stderr!.on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
        await Promise.race([exited, sleep(10_000)]);
        if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (ownState) await rm(persistTo, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 150_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const res = await fetch(`${origin}${options.readyPath ?? '/healthz'}`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer on ${origin} in time:\n${output}`);
    }
    await sleep(300);
  }
  return { origin, output: () => output, stop };
}
