/**
 * A vitest reporter for `npm run test:times` (scripts/test-times.ts): each test file's time,
 * written as JSON to $TIDINGS_TEST_TIMES when the run ends. A file's time is what it spent in
 * its worker: importing (collect), setup files, and its tests and hooks (beforeAll included).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export interface FileTime {
  file: string;
  project: string;
  tests: number;
  /** Tests and hooks, ms. */
  run: number;
  /** Import of the file and its setup files, and the runner's preparation, ms. */
  load: number;
  /** When the file started and ended, ms after the run started (where the slots sat idle). */
  start: number;
  end: number;
  state: string;
}

export default class TimesReporter implements Reporter {
  private readonly rows: FileTime[] = [];
  private readonly starts = new Map<string, number>();
  private t0 = performance.now();

  onTestRunStart(): void {
    this.t0 = performance.now();
  }

  onTestModuleStart(module: TestModule): void {
    this.starts.set(module.moduleId, performance.now() - this.t0);
  }

  onTestModuleEnd(module: TestModule): void {
    const d = module.diagnostic();
    const end = performance.now() - this.t0;
    this.rows.push({
      file: path.relative(process.cwd(), module.moduleId),
      project: module.project.name,
      tests: [...module.children.allTests()].length,
      run: Math.round(d.duration),
      load: Math.round(d.collectDuration + d.setupDuration + d.prepareDuration + d.environmentSetupDuration),
      start: Math.round(this.starts.get(module.moduleId) ?? end),
      end: Math.round(end),
      state: module.state(),
    });
  }

  onTestRunEnd(): void {
    const out = process.env.TIDINGS_TEST_TIMES;
    if (out) writeFileSync(out, `${JSON.stringify(this.rows, null, 2)}\n`);
  }
}
