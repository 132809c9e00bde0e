// `npm run bench:parallel-floor`: the js-yaml floor (read + parse every file) on one thread against the same work split over worker threads, values posted back.
//
// Usage: npm run bench:parallel-floor -- [--apps 2000] [--workers 2] [--runs 3]
// Issue #6 asks whether worker threads could bring the cold check nearer its floor: the parsed values the analysis
// needs must come back to the main thread (structured clone), and each worker starts Node's module loader and a
// parser of its own. Each run is a child process, so every run starts cold; prints one line per run and the medians.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import jsYaml from 'js-yaml';
import { listYamlFiles } from './listYamlFiles.mjs';


const thisScript = fileURLToPath(import.meta.url);


/** Reads and parses files: [path, values or null when js-yaml refuses the file]. */
function readAndParse(files) {
  return files.map((file) => {
    const text = readFileSync(file, 'utf8');
    try {
      return [file, jsYaml.loadAll(text)];
    } catch {
      return [file, null];
    }
  });
}

/** One measured run in this process: `workers` 0 parses on the main thread. Prints a JSON line. */
async function measure(root, workers) {
  const started = performance.now();
  const files = listYamlFiles(root);
  let results;
  if (workers === 0) {
    results = readAndParse(files);
  } else {
    const shares = Array.from({ length: workers }, (_, share) => files.filter((_, position) => position % workers === share));
    const parts = await Promise.all(
      shares.map(
        (share) =>
          new Promise((resolve, reject) => {
            const worker = new Worker(thisScript, { workerData: { files: share } });
            worker.once('message', (values) => {
              resolve(values);
              void worker.terminate();
            });
            worker.once('error', reject);
          }),
      ),
    );
    results = parts.flat();
  }
  const ms = performance.now() - started;
  const documents = results.reduce((sum, [, values]) => sum + (values?.length ?? 0), 0);
  process.stdout.write(`${JSON.stringify({ workers, files: files.length, documents, ms: Math.round(ms), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}

if (!isMainThread) {
  parentPort.postMessage(readAndParse(workerData.files));
} else if (process.argv[2] === '--measure') {
  await measure(process.argv[3], Number(process.argv[4]));
} else {
  const option = (name, fallback) => {
    const position = process.argv.indexOf(name);
    return position >= 0 ? Number(process.argv[position + 1]) : fallback;
  };
  const apps = option('--apps', 2000);
  const workers = option('--workers', 2);
  const runs = option('--runs', 3);
  const root = fileURLToPath(new URL(`../../.bench/${apps}`, import.meta.url));
  if (!existsSync(root)) {
    process.stderr.write(`bench:parallel-floor: ${root} is missing; make it with npm run bench -- --sizes ${apps}\n`);
    process.exit(2);
  }
  const timings = { 0: [], [workers]: [] };
  for (let run = 0; run < runs; run++) {
    // Alternated, so a machine that gets busier weighs on both.
    for (const count of [0, workers]) {
      const child = spawnSync(process.execPath, [thisScript, '--measure', root, String(count)], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
      const line = JSON.parse(child.stdout.trim());
      timings[count].push(line.ms);
      process.stdout.write(`${count === 0 ? 'main thread' : `${count} workers`}: ${line.files} files, ${line.documents} documents, ${line.ms} ms, peak RSS ${line.maxRssMB} MB\n`);
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  process.stdout.write(`median: main thread ${median(timings[0])} ms, ${workers} workers ${median(timings[workers])} ms (read + parse + values back, in process after Node's start)\n`);
}
