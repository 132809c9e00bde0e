// Entry point of the gitops-waves command: read a repository, analyse it, print plan, tree or findings.
import { resolve } from 'node:path';
import { analyze } from '../analysis/analyze';
import { planView, treeView } from '../analysis/views/planView';
import { readRepository } from '../host/readRepository';
import { parseCliArguments, USAGE, UsageError, type CliArguments } from './args';
import { countBySeverity, formatFindingsText, printedFindings } from './formatFindings';
import { formatPlanText, formatTreeText } from './formatPlan';
import { Progress } from './progress';

/** Exit codes: 0 ran (and `check` found no error), 1 `check` found errors, 2 usage or IO error. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

/** Runs the CLI and returns its exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let options: CliArguments | 'help';
  try {
    options = parseCliArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`gitops-waves: ${error.message}\n\n${USAGE}\n`);
    return EXIT.failure;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const progress = new Progress();
  const root = resolve(options.directory);
  progress.step(`reading ${root}`);
  let snapshot;
  try {
    snapshot = await readRepository(root, options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {});
  } catch (error) {
    progress.done();
    process.stderr.write(`gitops-waves: cannot read ${options.directory}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
  progress.step(`analysing ${snapshot.files.size} files`);
  const analysis = analyze(snapshot, { repoUrls: options.repoUrls });
  progress.done();
  reportStats(snapshot.files.size, analysis);

  if (options.command === 'plan') {
    write(options.format === 'json' ? JSON.stringify(planView(analysis), null, 2) : formatPlanText(analysis, options.directory));
    return EXIT.ok;
  }
  if (options.command === 'tree') {
    const tree = treeView(analysis);
    write(options.format === 'json' ? JSON.stringify({ roots: tree }, null, 2) : formatTreeText(tree));
    return EXIT.ok;
  }
  const findings = printedFindings(analysis);
  const counts = countBySeverity(findings);
  write(options.format === 'json' ? JSON.stringify({ findings, summary: counts }, null, 2) : formatFindingsText(findings, options.color));
  return counts.error > 0 && !options.exitZero ? EXIT.findings : EXIT.ok;
}

function write(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** With GITOPS_WAVES_STATS=1, prints figures for the benchmark on stderr. */
function reportStats(files: number, analysis: ReturnType<typeof analyze>): void {
  if (process.env.GITOPS_WAVES_STATS !== '1') return;
  const resources = analysis.model.nodes.reduce((total, node) => total + node.resources.length, 0);
  const stats = { maxRssBytes: process.resourceUsage().maxRSS * 1024, files, applications: analysis.model.nodes.length, resources, findings: analysis.findings.length };
  process.stderr.write(`${JSON.stringify({ gitopsWavesStats: stats })}\n`);
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`gitops-waves: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.failure;
  },
);
