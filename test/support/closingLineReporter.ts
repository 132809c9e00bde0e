// Vitest reporter that ends the run with the plain line "N passed, N failed, N skipped" that CI reads.
import type { Reporter, File, Task } from 'vitest';

function countTests(tasks: readonly Task[], counts: { passed: number; failed: number; skipped: number }): void {
  for (const task of tasks) {
    if (task.type === 'suite') {
      countTests(task.tasks, counts);
      continue;
    }
    const state = task.result?.state;
    if (state === 'pass') counts.passed++;
    else if (state === 'fail') counts.failed++;
    else counts.skipped++;
  }
}

/** Prints one closing summary line after every other reporter has finished. */
export default class ClosingLineReporter implements Reporter {
  onFinished(files: File[] = []): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const file of files) {
      if (file.result?.state === 'fail' && file.tasks.length === 0) counts.failed++;
      countTests(file.tasks, counts);
    }
    process.stdout.write(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
