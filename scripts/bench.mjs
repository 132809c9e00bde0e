// Benchmark: cold `gitops-waves check` on synthetic repositories, against the floor of reading and parsing the same YAML.
//
// Usage: npm run bench -- [--sizes 200,2000,5000] [--lsp-sizes 2000] [--runs 3] [--seed 1] [--timeout-s 1800]
// (defaults: sizes 200,2000,5000; the language server is driven at the --lsp-sizes among them, 2000 by default)
// (npm run bench builds server/dist/cli.js first.) For each size N it generates .bench/<N> (kept while the generator
// version is unchanged), then runs, each `--runs` times in child processes, and reports medians:
//   check         node server/dist/cli.js check --format json .bench/<N>   (GITOPS_WAVES_STATS=1 for its peak RSS)
//   yaml floor    walk + read every *.yaml/*.yml/*.json (hidden entries skipped) + yaml parseAllDocuments
//   js-yaml floor the same with js-yaml loadAll
//   language server  node server/dist/server.js --stdio on the same repository: initial index time (initialize → the
//                 "Indexed" log line that follows the end of the indexing progress), single-line edit → diagnostics
//                 published for that version (median and p95 of 50 edits), hover latency (median and p95 of 50 hovers)
// It prints a Markdown table and writes .bench/results.json. A failing `check` makes its row "failed"; nothing throws.
// --lsp-only runs the language server part alone at the --lsp-sizes (no cold runs) and writes .bench/results-lsp.json;
// with GITOPS_WAVES_BENCH_SERVER=<server.js> it drives another build, e.g. to alternate two builds.
// --session adds a typing session after the language server's other measures: 10 bursts of 30 edits, each burst followed
// by 3 s without requests (the server's idle-time work runs then), and reports the latency of those 300 edits.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node';
import { GENERATOR_VERSION, generateSyntheticRepo } from './generateSyntheticRepo.mjs';
import { listYamlFiles } from './bench/listYamlFiles.mjs';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const benchDirectory = join(repositoryRoot, '.bench');
// GITOPS_WAVES_BENCH_CLI points the benchmark at another build of the CLI (an older one, for comparison).
const cliPath = process.env.GITOPS_WAVES_BENCH_CLI ? resolve(process.env.GITOPS_WAVES_BENCH_CLI) : join(repositoryRoot, 'server', 'dist', 'cli.js');
const thisScript = fileURLToPath(import.meta.url);
const TIME_COMMAND = '/usr/bin/time';
const MEGABYTE = 1024 * 1024;
const STDERR_TAIL_LINES = 20;
// GITOPS_WAVES_BENCH_SERVER points the language-server benchmark at another build of the server.
const serverPath = process.env.GITOPS_WAVES_BENCH_SERVER ? resolve(process.env.GITOPS_WAVES_BENCH_SERVER) : join(repositoryRoot, 'server', 'dist', 'server.js');
/** Edits and hovers measured by the language-server benchmark. */
const LSP_SAMPLES = 50;

// ---------------------------------------------------------------------------------------------------------------
// Floor worker: `node scripts/bench.mjs --floor yaml|js-yaml <dir>` prints one JSON line with its counts and RSS.


async function runFloor(parser, root) {
  const parse =
    parser === 'yaml'
      ? (await import('yaml')).parseAllDocuments
      : (await import('js-yaml')).default.loadAll;
  let bytes = 0;
  let documents = 0;
  let errors = 0;
  const files = listYamlFiles(root);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    try {
      const result = parse(text);
      // yaml returns an array of Documents (or an EmptyStream), js-yaml an array of values.
      documents += Array.isArray(result) ? result.length : 0;
      if (parser === 'yaml' && Array.isArray(result)) errors += result.filter((document) => document.errors.length > 0).length;
    } catch {
      // js-yaml throws on the first error of a file (Helm templates, for instance); the floor just counts it.
      errors += 1;
    }
  }
  const stats = { files: files.length, bytes, documents, errors, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(`${JSON.stringify({ floorStats: stats })}\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// Benchmark driver.

function parseArguments(argv) {
  const options = { sizes: [200, 2000, 5000], lspSizes: [2000], runs: 3, seed: 1, timeoutSeconds: 1800 };
  for (let index = 0; index < argv.length; index++) {
    const [flag, inlineValue] = argv[index].split('=', 2);
    const value = () => inlineValue ?? argv[++index];
    if (flag === '--sizes') options.sizes = value().split(',').map((size) => Number(size.trim()));
    else if (flag === '--lsp-sizes') options.lspSizes = value().split(',').map((size) => Number(size.trim()));
    else if (flag === '--runs') options.runs = Number(value());
    else if (flag === '--seed') options.seed = Number(value());
    else if (flag === '--timeout-s') options.timeoutSeconds = Number(value());
    else if (flag === '--lsp-only') options.lspOnly = true;
    else if (flag === '--session') options.session = true;
    else throw new Error(`unknown argument ${argv[index]}`);
  }
  const positiveIntegers = [...options.sizes, ...options.lspSizes, options.runs, options.timeoutSeconds];
  if (positiveIntegers.some((number) => !Number.isInteger(number) || number < 1) || !Number.isInteger(options.seed)) {
    throw new Error('usage: node scripts/bench.mjs [--sizes 200,2000,5000] [--lsp-sizes 2000] [--runs 3] [--seed 1] [--timeout-s 1800] [--lsp-only] [--session]');
  }
  return options;
}

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

/** Generates .bench/<apps> unless it is already there from the same generator version and seed. */
function ensureRepository(apps, seed) {
  const directory = join(benchDirectory, String(apps));
  const stampFile = join(benchDirectory, `${apps}.generated.json`);
  if (existsSync(stampFile) && existsSync(directory)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.generatorVersion === GENERATOR_VERSION && stamp.apps === apps && stamp.seed === seed) {
      log(`reusing ${relative(repositoryRoot, directory)} (${stamp.files} files)`);
      return { directory, stamp };
    }
  }
  log(`generating ${apps} Applications into ${relative(repositoryRoot, directory)}`);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(benchDirectory, { recursive: true });
  const summary = generateSyntheticRepo(directory, { apps, seed });
  const stamp = { ...summary };
  delete stamp.applicationNames;
  writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
  return { directory, stamp };
}

/** Runs a child process to completion; resolves (never rejects) with its exit, wall time and output. */
function runChild(command, args, { env, timeoutMs }) {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const stdoutChunks = [];
    const stderrChunks = [];
    let timedOut = false;
    let child;
    try {
      child = spawn(command, args, { cwd: repositoryRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      resolvePromise({ code: null, signal: null, seconds: 0, stdout: '', stderr: String(error), timedOut: false });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk) => stdoutChunks.push(chunk));
    child.stderr.on('data', (chunk) => stderrChunks.push(chunk));
    const finish = (code, signal, extraError) => {
      clearTimeout(timer);
      resolvePromise({
        code,
        signal,
        seconds: (performance.now() - started) / 1000,
        stdout: Buffer.concat(stdoutChunks).toString('utf8'),
        stderr: Buffer.concat(stderrChunks).toString('utf8') + (extraError ? `\n${extraError}` : ''),
        timedOut,
      });
    };
    child.on('error', (error) => finish(null, null, String(error)));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** The last JSON object on stderr/stdout lines that has `key`, or undefined. */
function findJsonLine(text, key) {
  const lines = text.split('\n').reverse();
  for (const line of lines) {
    const start = line.indexOf(`{"${key}"`);
    if (start < 0) continue;
    try {
      return JSON.parse(line.slice(start))[key];
    } catch {
      // Not the line we are looking for (a progress line can share it); keep looking.
    }
  }
  return undefined;
}

/** "Maximum resident set size (kbytes): N" from GNU time -v, in bytes. */
function rssFromTimeOutput(stderr) {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return match ? Number(match[1]) * 1024 : undefined;
}

function tail(text, lines = STDERR_TAIL_LINES) {
  return text.split('\n').filter((line) => line.trim() !== '').slice(-lines).join('\n');
}

function median(values) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `check` `runs` times; stops at the first failed run. */
async function benchmarkCheck(directory, runs, timeoutMs) {
  const checkArgs = [cliPath, 'check', '--format', 'json', directory];
  if (!existsSync(cliPath)) {
    return { runs: [], failure: { reason: `${relative(repositoryRoot, cliPath)} is missing (run npm run build)`, stderrTail: '' } };
  }
  const timeAvailable = existsSync(TIME_COMMAND);
  let useTimeCommand = false;
  const results = [];
  for (let attempt = 0; results.length < runs; attempt++) {
    const [command, args] = useTimeCommand ? [TIME_COMMAND, ['-v', process.execPath, ...checkArgs]] : [process.execPath, checkArgs];
    log(`check ${relative(repositoryRoot, directory)} (run ${results.length + 1}/${runs}${useTimeCommand ? ', under /usr/bin/time -v' : ''})`);
    const run = await runChild(command, args, { env: { GITOPS_WAVES_STATS: '1' }, timeoutMs });
    const stats = findJsonLine(run.stderr, 'gitopsWavesStats');
    let output;
    try {
      output = JSON.parse(run.stdout);
    } catch {
      output = undefined;
    }
    const failed = run.timedOut || run.signal !== null || (run.code !== 0 && run.code !== 1) || output === undefined;
    if (failed) {
      const reason = run.timedOut
        ? `timed out after ${timeoutMs / 1000} s`
        : run.signal !== null
          ? `killed by ${run.signal}`
          : run.code !== 0 && run.code !== 1
            ? `exit code ${run.code}`
            : 'stdout is not JSON';
      return { runs: results, failure: { reason, exitCode: run.code, stderrTail: tail(run.stderr), stdoutHead: run.stdout.slice(0, 400) } };
    }
    const maxRssBytes = stats?.maxRssBytes ?? (useTimeCommand ? rssFromTimeOutput(run.stderr) : undefined);
    const rssSource = stats?.maxRssBytes !== undefined ? 'GITOPS_WAVES_STATS' : maxRssBytes !== undefined ? '/usr/bin/time -v' : 'unknown';
    results.push({
      seconds: run.seconds,
      exitCode: run.code,
      maxRssBytes,
      rssSource,
      stats,
      findings: Array.isArray(output?.findings) ? output.findings.length : undefined,
      summary: output?.summary,
    });
    // Without the CLI's own statistics, measure RSS with GNU time for the remaining runs (and one more, at the end).
    if (stats?.maxRssBytes === undefined && !useTimeCommand && timeAvailable && attempt === 0) {
      useTimeCommand = true;
      results.pop();
    }
  }
  return { runs: results };
}

async function benchmarkFloor(parser, directory, runs, timeoutMs) {
  const results = [];
  for (let index = 0; index < runs; index++) {
    log(`${parser} floor ${relative(repositoryRoot, directory)} (run ${index + 1}/${runs})`);
    const run = await runChild(process.execPath, [thisScript, '--floor', parser, directory], { env: {}, timeoutMs });
    const stats = findJsonLine(run.stdout, 'floorStats');
    if (run.code !== 0 || stats === undefined) {
      return { runs: results, failure: { reason: `exit code ${run.code}`, exitCode: run.code, stderrTail: tail(run.stderr) } };
    }
    results.push({ seconds: run.seconds, maxRssBytes: stats.maxRssBytes, stats });
  }
  return { runs: results };
}

// ---------------------------------------------------------------------------------------------------------------
// Language server: one process on the repository, driven over stdio like an editor.

function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** The first file of `directory` (sorted, recursively) whose text matches `pattern`. */
function findFile(directory, pattern) {
  for (const file of listYamlFiles(directory).sort()) {
    if (pattern.test(readFileSync(file, 'utf8'))) return file;
  }
  return undefined;
}

/** Resolves with the first item `subscribe` reports that satisfies `test`, or rejects after `timeoutMs`. */
function waitFor(listeners, test, timeoutMs, what) {
  return new Promise((resolvePromise, reject) => {
    const listener = (item) => {
      if (!test(item)) return;
      listeners.delete(listener);
      clearTimeout(timer);
      resolvePromise(item);
    };
    const timer = setTimeout(() => {
      listeners.delete(listener);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    listeners.add(listener);
  });
}

/**
 * Starts the server on `directory`, waits for the first complete analysis, then makes 50 single-line
 * edits to a resource file (each waits for that version's diagnostics) and 50 hovers on an Application's name.
 */
async function benchmarkLanguageServer(directory, timeoutMs, options = {}) {
  if (!existsSync(serverPath)) return { failure: { reason: `${relative(repositoryRoot, serverPath)} is missing (run npm run build)` } };
  const stateDirectory = mkdtempSync(join(os.tmpdir(), 'gitops-waves-bench-state-'));
  const child = spawn(process.execPath, [serverPath, '--stdio', '--state-dir', stateDirectory], { cwd: stateDirectory, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk.toString();
  });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const listeners = new Set();
  const emit = (item) => {
    for (const listener of [...listeners]) listener(item);
  };
  connection.onNotification('textDocument/publishDiagnostics', (params) => emit({ kind: 'diagnostics', params, at: performance.now() }));
  connection.onNotification('window/logMessage', (params) => emit({ kind: 'log', message: params.message, at: performance.now() }));
  connection.onNotification('$/progress', () => undefined);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onError(() => undefined);
  connection.listen();
  try {
    const rootUri = pathToFileURL(directory).href;
    log(`language server on ${relative(repositoryRoot, directory)}: indexing`);
    const started = performance.now();
    const indexed = waitFor(listeners, (item) => item.kind === 'log' && item.message.startsWith('Indexed '), timeoutMs, 'the initial index');
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: { window: { workDoneProgress: true }, workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    await connection.sendNotification('initialized', {});
    const initialIndexMs = (await indexed).at - started;

    const resourceFile = findFile(join(directory, 'platform'), /^kind: ConfigMap$/m) ?? findFile(directory, /^kind: /m);
    const uri = pathToFileURL(resourceFile).href;
    const text = readFileSync(resourceFile, 'utf8');
    const lastLine = text.split('\n').length - 1;
    let version = 1;
    const opened = waitFor(listeners, (item) => item.kind === 'diagnostics' && item.params.uri === uri && item.params.version === 1, timeoutMs, 'diagnostics of the opened file');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    await opened;
    log(`language server: ${LSP_SAMPLES} edits of ${relative(directory, resourceFile)}`);
    /** One single-line edit (the comment on the file's last line), timed to that version's diagnostics. */
    const editOnce = async (label) => {
      version++;
      const wanted = version;
      const published = waitFor(listeners, (item) => item.kind === 'diagnostics' && item.params.uri === uri && item.params.version === wanted, timeoutMs, `diagnostics of version ${wanted}`);
      const sent = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 1000 } }, text: `# bench edit ${label}` }],
      });
      return (await published).at - sent;
    };
    const editMs = [];
    for (let edit = 0; edit < LSP_SAMPLES; edit++) editMs.push(await editOnce(edit));

    const applicationFile = findFile(join(directory, 'bootstrap', 'apps'), /^kind: Application$/m);
    const applicationLines = readFileSync(applicationFile, 'utf8').split('\n');
    const nameLine = applicationLines.findIndex((line) => /^ {2}name: /.test(line));
    const hoverUri = pathToFileURL(applicationFile).href;
    log(`language server: ${LSP_SAMPLES} hovers on ${relative(directory, applicationFile)}`);
    const hoverMs = [];
    let answered = 0;
    for (let hover = 0; hover < LSP_SAMPLES; hover++) {
      const sent = performance.now();
      const result = await connection.sendRequest('textDocument/hover', { textDocument: { uri: hoverUri }, position: { line: nameLine, character: 9 } });
      hoverMs.push(performance.now() - sent);
      if (result) answered++;
    }
    const session = options.session ? await typingSession(editOnce) : undefined;
    const memory = processMemory(child.pid);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    return {
      initialIndexMs,
      ...(memory ? { memory } : {}),
      editToDiagnostics: { medianMs: median(editMs), p95Ms: percentile(editMs, 0.95), samples: editMs.length, samplesMs: editMs.map((ms) => Math.round(ms)), file: relative(directory, resourceFile) },
      hover: { firstMs: hoverMs[0], medianMs: median(hoverMs), p95Ms: percentile(hoverMs, 0.95), samples: hoverMs.length, answered, file: relative(directory, applicationFile) },
      ...(session ? { session } : {}),
    };
  } catch (error) {
    return { failure: { reason: error instanceof Error ? error.message : String(error), stderrTail: tail(stderr) } };
  } finally {
    connection.dispose();
    child.kill();
    rmSync(stateDirectory, { recursive: true, force: true });
  }
}

/** Bursts of edits in the `--session` measure, the edits in each, and the pause after each burst. */
const SESSION = { bursts: 10, editsPerBurst: 30, pauseMs: 3000 };

/**
 * `--session`: a person typing, then reading. After the other measures, bursts of edits ({@link SESSION}),
 * one after the other within a burst, each followed by a pause (the server is idle: its idle-time work runs then); the edits'
 * latencies over the whole session. The pauses are part of the workload being measured, not waits for a result.
 */
async function typingSession(editOnce) {
  log(`language server: typing session, ${SESSION.bursts} bursts of ${SESSION.editsPerBurst} edits, ${SESSION.pauseMs} ms apart`);
  const editMs = [];
  for (let burst = 0; burst < SESSION.bursts; burst++) {
    for (let edit = 0; edit < SESSION.editsPerBurst; edit++) editMs.push(await editOnce(`session ${burst}.${edit}`));
    await new Promise((resolvePause) => setTimeout(resolvePause, SESSION.pauseMs));
  }
  const over50 = editMs.filter((ms) => ms > 50).length;
  return { ...SESSION, samples: editMs.length, medianMs: median(editMs), p95Ms: percentile(editMs, 0.95), maxMs: Math.max(...editMs), over50Ms: over50, samplesMs: editMs.map((ms) => Math.round(ms)) };
}

/** Resident and peak resident memory of a process, from /proc (Linux); undefined elsewhere. */
function processMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    const rssBytes = kilobytes('VmRSS') * 1024;
    const peakRssBytes = kilobytes('VmHWM') * 1024;
    return Number.isFinite(rssBytes) && Number.isFinite(peakRssBytes) ? { rssBytes, peakRssBytes } : undefined;
  } catch {
    return undefined;
  }
}

function languageServerTable(rows) {
  const header = ['apps', 'initial index s', 'edit → diagnostics median ms', 'edit → diagnostics p95 ms', 'first hover ms', 'hover median ms', 'hover p95 ms', 'server RSS MB', 'server peak RSS MB'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---:').join('|')}|`];
  for (const row of rows) {
    const lsp = row.languageServer;
    if (lsp.skipped) continue;
    if (lsp.failure) {
      lines.push(`| ${row.apps} | **failed** (${lsp.failure.reason}) | — | — | — | — | — | — |`);
      continue;
    }
    lines.push(
      `| ${[row.apps, formatNumber(lsp.initialIndexMs / 1000, 2), formatNumber(lsp.editToDiagnostics.medianMs, 0), formatNumber(lsp.editToDiagnostics.p95Ms, 0), formatNumber(lsp.hover.firstMs, 1), formatNumber(lsp.hover.medianMs, 1), formatNumber(lsp.hover.p95Ms, 1), lsp.memory ? formatNumber(lsp.memory.rssBytes / MEGABYTE, 0) : '—', lsp.memory ? formatNumber(lsp.memory.peakRssBytes / MEGABYTE, 0) : '—'].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

function summarise(measurement) {
  return {
    seconds: median(measurement.runs.map((run) => run.seconds)),
    maxRssBytes: median(measurement.runs.map((run) => run.maxRssBytes)),
  };
}

function ratio(numerator, denominator) {
  return numerator !== undefined && denominator ? numerator / denominator : undefined;
}

function formatNumber(value, digits) {
  return value === undefined ? 'n/a' : value.toFixed(digits);
}

function formatMegabytes(bytes) {
  return bytes === undefined ? 'unknown' : (bytes / MEGABYTE).toFixed(0);
}

function markdownTable(rows) {
  const header = [
    'apps', 'files', 'resources', 'check s', 'check RSS MB', 'resources/s',
    'yaml floor s', 'yaml floor RSS MB', 'js-yaml floor s', 'js-yaml floor RSS MB',
    'check / yaml floor (time)', 'check / yaml floor (RSS)', 'check / js-yaml floor (time)',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---:').join('|')}|`];
  for (const row of rows) {
    const checkCells = row.check.failure
      ? [`**failed** (${row.check.failure.reason})`, '—', '—']
      : [formatNumber(row.check.seconds, 2), formatMegabytes(row.check.maxRssBytes), formatNumber(row.resourcesPerSecond, 0)];
    lines.push(
      `| ${[
        row.apps, row.files, row.resources, ...checkCells,
        formatNumber(row.yamlFloor.seconds, 2), formatMegabytes(row.yamlFloor.maxRssBytes),
        formatNumber(row.jsYamlFloor.seconds, 2), formatMegabytes(row.jsYamlFloor.maxRssBytes),
        formatNumber(row.ratios.checkOverYamlTime, 1), formatNumber(row.ratios.checkOverYamlRss, 1), formatNumber(row.ratios.checkOverJsYamlTime, 1),
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

function machineDescription() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    totalMemoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const timeoutMs = options.timeoutSeconds * 1000;
  const command = ['node', ...process.execArgv, relative(repositoryRoot, thisScript), ...process.argv.slice(2)].join(' ');
  if (options.lspOnly) {
    await benchmarkLanguageServerOnly(options, timeoutMs, command);
    return;
  }
  const rows = [];
  for (const apps of options.sizes) {
    const { directory, stamp } = ensureRepository(apps, options.seed);
    const check = await benchmarkCheck(directory, options.runs, timeoutMs);
    const yamlFloor = await benchmarkFloor('yaml', directory, options.runs, timeoutMs);
    const jsYamlFloor = await benchmarkFloor('js-yaml', directory, options.runs, timeoutMs);
    // The language server's 50 edits each re-analyse the whole repository: measured only at --lsp-sizes.
    const languageServer = options.lspSizes.includes(apps) ? await benchmarkLanguageServer(directory, timeoutMs, { session: options.session }) : { skipped: true };
    const checkSummary = { ...summarise(check), failure: check.failure };
    const yamlSummary = { ...summarise(yamlFloor), failure: yamlFloor.failure };
    const jsYamlSummary = { ...summarise(jsYamlFloor), failure: jsYamlFloor.failure };
    const checkOk = !check.failure;
    rows.push({
      apps,
      files: stamp.files,
      resources: stamp.resources,
      directory: relative(repositoryRoot, directory),
      checkCommand: `GITOPS_WAVES_STATS=1 node ${relative(repositoryRoot, cliPath)} check --format json ${relative(repositoryRoot, directory)}`,
      check: checkSummary,
      resourcesPerSecond: checkOk ? ratio(stamp.resources, checkSummary.seconds) : undefined,
      yamlFloor: yamlSummary,
      jsYamlFloor: jsYamlSummary,
      ratios: {
        checkOverYamlTime: checkOk ? ratio(checkSummary.seconds, yamlSummary.seconds) : undefined,
        checkOverYamlRss: checkOk ? ratio(checkSummary.maxRssBytes, yamlSummary.maxRssBytes) : undefined,
        checkOverJsYamlTime: checkOk ? ratio(checkSummary.seconds, jsYamlSummary.seconds) : undefined,
      },
      runs: { check: check.runs, yamlFloor: yamlFloor.runs, jsYamlFloor: jsYamlFloor.runs },
      languageServer,
    });
  }

  const machine = machineDescription();
  const report = [
    `## GitOps Waves benchmark (median of ${options.runs} cold runs)`,
    '',
    markdownTable(rows),
    '',
    '- resources: Kubernetes objects written as plain YAML in the synthetic repository (generator count; Helm templates not rendered).',
    '- check: wall time of a child process `node server/dist/cli.js check --format json <dir>`, including Node start-up; RSS is its peak.',
    '- floors: a child process that walks and reads the same *.yaml/*.yml/*.json files (hidden entries skipped) and parses each with `yaml` parseAllDocuments or `js-yaml` loadAll.',
    `- machine: ${machine.cpu}, ${machine.cores} cores, ${machine.totalMemoryGb} GB, Node ${machine.node}, ${machine.platform}`,
    `- command: \`${command}\` (generator version ${GENERATOR_VERSION}, seed ${options.seed})`,
    '',
    '### Language server',
    '',
    languageServerTable(rows),
    '',
    `- one \`node server/dist/server.js --stdio\` per size; initial index: initialize → the "Indexed" log line (first analysis published, progress ended).`,
    '- server RSS: resident memory of the server process after the edits and hovers, and its peak (`/proc/<pid>/status` VmRSS, VmHWM).',
    `- edit → diagnostics: ${LSP_SAMPLES} single-line edits of one open resource file, each timed from didChange to the publishDiagnostics of that version (the analysis runs at once after an edit, reusing the memo of earlier analyses).`,
    `- hover: ${LSP_SAMPLES} hovers on an Application's metadata.name, timed request → answer; the first one (the first query of the analysis, which builds its lookup indexes) is also shown apart.`,
  ];
  for (const row of rows) {
    if (row.languageServer.failure) report.push('', `### ${row.apps} apps: language server failed (${row.languageServer.failure.reason})`, '', '```', row.languageServer.failure.stderrTail || '(no stderr)', '```');
  }
  for (const row of rows) {
    const rssSources = [...new Set(row.runs.check.map((run) => run.rssSource))];
    if (rssSources.length > 0 && !(rssSources.length === 1 && rssSources[0] === 'GITOPS_WAVES_STATS')) {
      report.push(`- ${row.apps} apps: check RSS measured by ${rssSources.join(', ')}`);
    }
    for (const [label, summary] of [['check', row.check], ['yaml floor', row.yamlFloor], ['js-yaml floor', row.jsYamlFloor]]) {
      if (!summary.failure) continue;
      const evidence = summary.failure.stderrTail || (summary.failure.stdoutHead ? `(no stderr; stdout starts with)\n${summary.failure.stdoutHead.trimEnd()}` : '(no output)');
      report.push('', `### ${row.apps} apps: ${label} failed (${summary.failure.reason})`, '', '```', evidence, '```');
    }
  }
  process.stdout.write(`${report.join('\n')}\n`);

  mkdirSync(benchDirectory, { recursive: true });
  const resultsFile = join(benchDirectory, 'results.json');
  const results = { generatedAt: new Date().toISOString(), command, generatorVersion: GENERATOR_VERSION, seed: options.seed, runsPerMeasurement: options.runs, machine, rows };
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${relative(repositoryRoot, resultsFile)}`);
}

/**
 * `--lsp-only`: the language server part alone, at each `--lsp-sizes` size (no cold runs, no floors), so that
 * builds can be compared quickly (`GITOPS_WAVES_BENCH_SERVER`); writes `.bench/results-lsp.json`.
 */
async function benchmarkLanguageServerOnly(options, timeoutMs, command) {
  const rows = [];
  for (const apps of options.lspSizes) {
    const { directory } = ensureRepository(apps, options.seed);
    rows.push({ apps, languageServer: await benchmarkLanguageServer(directory, timeoutMs, { session: options.session }) });
  }
  const machine = machineDescription();
  const report = ['## GitOps Waves benchmark: language server only', '', languageServerTable(rows), ''];
  for (const row of rows) {
    const lsp = row.languageServer;
    if (lsp.failure) report.push(`- ${row.apps} apps: language server failed (${lsp.failure.reason})`);
    else report.push(`- ${row.apps} apps, edit → diagnostics in order (ms): ${lsp.editToDiagnostics.samplesMs.join(' ')}`);
    if (lsp.session) {
      const { samples, bursts, editsPerBurst, pauseMs, medianMs, p95Ms, maxMs, over50Ms } = lsp.session;
      report.push(`- ${row.apps} apps, typing session (${bursts} bursts of ${editsPerBurst} edits, ${pauseMs} ms pauses): ${samples} edits, median ${formatNumber(medianMs, 0)} ms, p95 ${formatNumber(p95Ms, 0)} ms, max ${formatNumber(maxMs, 0)} ms, ${over50Ms} over 50 ms`);
    }
  }
  report.push(`- server: ${relative(repositoryRoot, serverPath)}`, `- machine: ${machine.cpu}, ${machine.cores} cores, ${machine.totalMemoryGb} GB, Node ${machine.node}, ${machine.platform}`, `- command: \`${command}\``);
  process.stdout.write(`${report.join('\n')}\n`);
  mkdirSync(benchDirectory, { recursive: true });
  const resultsFile = join(benchDirectory, 'results-lsp.json');
  writeFileSync(resultsFile, `${JSON.stringify({ generatedAt: new Date().toISOString(), command, server: relative(repositoryRoot, serverPath), machine, rows }, null, 2)}\n`);
  log(`wrote ${relative(repositoryRoot, resultsFile)}`);
}

if (process.argv[2] === '--floor') {
  await runFloor(process.argv[3], process.argv[4]);
} else {
  await main();
}
