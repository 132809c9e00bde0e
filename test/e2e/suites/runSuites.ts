// Runs the in-VS-Code suites with Mocha inside the extension host and returns a JSON-ready report.
import Mocha from 'mocha';
import { activationSuite } from './activation.suite';
import { diagnosticsSuite } from './diagnostics.suite';
import { graphSuite } from './graph.suite';
import { hoverSuite } from './hover.suite';
import { quickFixSuite } from './quickFix.suite';
import { screenshotStageSuite } from './screenshotStage.suite';
import { treeSuite } from './tree.suite';

/** One test's outcome. */
export interface TestOutcome {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs: number;
  readonly error?: string;
}

/** What the harness writes for the driver. */
export interface SuiteReport {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly tests: readonly TestOutcome[];
}

/** Where the suites find their inputs (paths from the driver's environment variables). */
export interface SuiteInputs {
  /** The CLI's JSON report for the opened folder, if the driver wrote one. */
  readonly expectedFindingsFile: string | undefined;
  /** A folder where suites leave files for the driver (e.g. what the graph must show), if the driver gave one. */
  readonly artifactsFolder?: string | undefined;
  /** Told when each test starts and ends (the driver shows the last lines when no report comes). */
  readonly onProgress?: ((line: string) => void) | undefined;
}

/** Runs every suite once; never rejects (a crash is reported as a failed test). */
export function runSuites(inputs: SuiteInputs): Promise<SuiteReport> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000 });
  // Mocha's `pre-require` puts describe/it on the global object; the suites register now, not at import.
  mocha.suite.emit('pre-require', globalThis, 'gitops-waves-e2e', mocha);
  activationSuite();
  diagnosticsSuite(inputs.expectedFindingsFile);
  hoverSuite();
  treeSuite();
  graphSuite(inputs.artifactsFolder);
  // Edits a file (and reverts it): after the suites that compare with the files on disk.
  quickFixSuite();
  screenshotStageSuite();
  const tests: TestOutcome[] = [];
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      resolve({
        passed: tests.filter((test) => test.state === 'passed').length,
        failed: tests.filter((test) => test.state === 'failed').length,
        pending: tests.filter((test) => test.state === 'pending').length,
        tests,
      });
    });
    const progress = (line: string): void => {
      try {
        inputs.onProgress?.(`${new Date().toISOString()} ${line}`);
      } catch {
        // Progress is a courtesy to the driver: it never fails the run.
      }
    };
    runner.on('test', (test) => progress(`start: ${test.fullTitle()}`));
    runner.on('test end', (test) => progress(`end (${test.state ?? 'unknown'}, ${test.duration ?? 0} ms): ${test.fullTitle()}`));
    runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
    runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 }));
    runner.on('fail', (test, error: Error) => tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: error.stack ?? error.message }));
  });
}
