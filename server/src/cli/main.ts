// Entry point of the gitops-waves command: read a repository, analyse it, print plan, tree or findings.
import { resolve } from 'node:path';
import { version } from '../../package.json';
import { analyze, type Analysis } from '../analysis/analyze';
import { RULES_BY_ID } from '../analysis/rules/catalogue';
import { graphView } from '../analysis/views/graphView';
import { planView, treeView } from '../analysis/views/planView';
import { limitHeapGrowth } from '../host/heapGrowth';
import { readRepository } from '../host/readRepository';
import { positionParseCount } from '../analysis/yaml/lazyDocuments';
import { parseCliArguments, USAGE, UsageError, type CliArguments } from './args';
import { failsOn } from './failOn';
import { formatDot } from './formatDot';
import { countBySeverity, formatFindingsText, printedFindings } from './formatFindings';
import { formatGithub } from './formatGithub';
import { formatMermaid } from './formatMermaid';
import { formatPlanText, formatTreeText } from './formatPlan';
import { formatSarif } from './formatSarif';
import { gitRootPrefix } from './gitRootPrefix';
import { Progress } from './progress';

/** Exit codes: 0 ran (and `check` found nothing at the `--fail-on` level), 1 `check` did, 2 usage or IO error. */
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
  const exitCode = writeOutput(analysis, options, root);
  // After the output, which may locate findings in files: the peak RSS and the position parses cover it.
  reportStats(snapshot.files.size, analysis);
  return exitCode;
}

/** Prints what the command asked for; returns the exit code. */
function writeOutput(analysis: Analysis, options: CliArguments, root: string): number {
  if (options.command === 'plan') {
    write(options.format === 'json' ? JSON.stringify(planView(analysis), null, 2) : formatPlanText(analysis, options.directory));
    return EXIT.ok;
  }
  if (options.command === 'tree') {
    const tree = treeView(analysis);
    write(options.format === 'json' ? JSON.stringify({ roots: tree }, null, 2) : formatTreeText(tree));
    return EXIT.ok;
  }
  if (options.command === 'graph') {
    const view = graphView(analysis);
    write(options.format === 'json' ? JSON.stringify(view, null, 2) : options.format === 'dot' ? formatDot(view) : formatMermaid(view));
    return EXIT.ok;
  }
  writeFindings(analysis, options, root);
  return failsOn(analysis.findings, options.failOn) ? EXIT.findings : EXIT.ok;
}

/** Prints the findings of `check` in the chosen format. */
function writeFindings(analysis: Analysis, options: CliArguments, root: string): void {
  if (options.format === 'sarif') {
    const sarif = formatSarif(analysis.findings, {
      position: (location) => analysis.index.position(location),
      rules: RULES_BY_ID,
      toolVersion: version,
      pathPrefix: gitRootPrefix(root),
    });
    write(JSON.stringify(sarif, null, 2));
    return;
  }
  const findings = printedFindings(analysis);
  if (options.format === 'github') {
    if (findings.length > 0) write(formatGithub(findings, gitRootPrefix(root)));
    return;
  }
  write(options.format === 'json' ? JSON.stringify({ findings, summary: countBySeverity(findings) }, null, 2) : formatFindingsText(findings, options.color));
}

function write(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** With GITOPS_WAVES_STATS=1, prints figures for the benchmark on stderr. */
function reportStats(files: number, analysis: ReturnType<typeof analyze>): void {
  if (process.env.GITOPS_WAVES_STATS !== '1') return;
  const resources = analysis.model.nodes.reduce((total, node) => total + node.resources.length, 0);
  const stats = {
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    files,
    applications: analysis.model.nodes.length,
    resources,
    findings: analysis.findings.length,
    positionParses: positionParseCount(),
  };
  process.stderr.write(`${JSON.stringify({ gitopsWavesStats: stats })}\n`);
}

limitHeapGrowth();
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`gitops-waves: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.failure;
  },
);
