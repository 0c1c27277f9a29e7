/**
 * `npm run test:times`: runs the suite as `npm test` does (the build, then every vitest
 * project) and reports the time of each test file, slowest first, with the totals: wall time
 * of the build and of vitest, the sum of the files' times (more than the wall when files run
 * in parallel), and the CPU time the run used (its child processes: vitest, workerd, wrangler,
 * Chromium). Arguments go to vitest (e.g. a file, or --project node).
 *
 *   npm run test:times
 *   CI=true npm run test:times -- --project e2e
 *   npm run test:times -- --json times.json    (the rows as JSON too)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FileTime } from '../test/times-reporter';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonOut = jsonAt >= 0 ? path.resolve(args[jsonAt + 1]!) : undefined;
if (jsonAt >= 0) args.splice(jsonAt, 2);

/** CPU seconds (user + system) of this process's children that have ended (Linux /proc). */
function childCpu(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // After "pid (comm) ": state is field 3, cutime 16 and cstime 17 (1-based) → 13 and 14 here.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env): { ok: boolean; seconds: number; cpu?: number } {
  const [start, cpuBefore] = [performance.now(), childCpu()];
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  const cpuAfter = childCpu();
  return {
    ok: result.status === 0,
    seconds: (performance.now() - start) / 1000,
    ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpu: cpuAfter - cpuBefore } : {}),
  };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'tidings-test-times-'));
const timesFile = path.join(dir, 'times.json');
try {
  const build = run('npm', ['run', 'build']);
  if (!build.ok) process.exit(1);
  const vitest = run(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=./test/times-reporter.ts', ...args], {
    ...process.env,
    TIDINGS_TEST_TIMES: timesFile,
  });
  const rows = (JSON.parse(readFileSync(timesFile, 'utf8')) as FileTime[]).sort((a, b) => b.run + b.load - (a.run + a.load));
  const s = (ms: number) => (ms / 1000).toFixed(1).padStart(7);
  console.log(`\n${'total s'.padStart(7)} ${'tests s'.padStart(7)} ${'load s'.padStart(7)} ${'start'.padStart(7)} ${'end'.padStart(7)} ${'tests'.padStart(5)}  project  file`);
  for (const r of rows) {
    console.log(`${s(r.run + r.load)} ${s(r.run)} ${s(r.load)} ${s(r.start)} ${s(r.end)} ${String(r.tests).padStart(5)}  ${r.project.padEnd(7)}  ${r.file}${r.state === 'passed' ? '' : ` (${r.state})`}`);
  }
  const sum = rows.reduce((n, r) => n + r.run + r.load, 0);
  const cpu = build.cpu !== undefined && vitest.cpu !== undefined ? `; CPU ${(build.cpu + vitest.cpu).toFixed(0)} s (user + system, child processes)` : '';
  console.log(
    `\n${rows.length} files, ${rows.reduce((n, r) => n + r.tests, 0)} tests: sum of file times ${(sum / 1000).toFixed(0)} s; ` +
      `wall: build ${build.seconds.toFixed(1)} s + vitest ${vitest.seconds.toFixed(1)} s = ${(build.seconds + vitest.seconds).toFixed(1)} s${cpu}; ${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  // How full the slots were: files' start-to-end spans against the last file's end (two files
  // at a time all through would be 2.0).
  const span = Math.max(0, ...rows.map((r) => r.end));
  const busy = rows.reduce((n, r) => n + r.end - r.start, 0);
  if (span > 0) console.log(`files at once, on average: ${(busy / span).toFixed(2)} (${(busy / 1000).toFixed(0)} s of files over ${(span / 1000).toFixed(0)} s)`);
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ build, vitest, files: rows }, null, 2)}\n`);
  process.exitCode = vitest.ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
