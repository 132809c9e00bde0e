// `npm run bench:edit`: where the time of an analysis after a one-line edit goes, phase by phase, at one size.
//
// Usage: npm run bench:edit -- [--apps 2000] [--edits 10] [--file <path in .bench/<apps>>] [--add-file | --rename | --cut-path | --label | --wave | --toggle-entry | --copy | --type-new] [--keep-garbage]
// (--add-file: each edit adds a new manifest beside the file instead of editing it, the previous edit's going;
// --rename: each edit renames what the file defines first, e.g. an Application, which the model cannot patch;
// --cut-path: edits cut the last character of the file's first `path:` and put it back, in turn: an Application's
// source path being typed, each edit rendering another folder; --label: each edit changes the values of the file's
// labels, e.g. in an ApplicationSet's template, so that every Application the set generates changes; --wave: each edit
// sets the file's first sync-wave annotation to another value and back, in turn (an Application moved between waves);
// --toggle-entry: each edit comments the file's last list entry out, or back in (a kustomization leaving an Application
// out, then listing it again); --copy: each edit
// adds a copy of the file beside it under another name, the previous copy going: an Application written into a new file;
// --type-new: edit N writes the first N+1 characters of the file's text into a new file beside it, typed.yaml: the file
// typed keystroke by keystroke. Use --edits up to the file's length.)
// --keep-garbage: no garbage collection forced between edits (by default each edit starts after a full collection).
// Bundles scripts/bench/editPhasesMain.ts with esbuild into .bench/ and runs it with --expose-gc on a resource file of
// .bench/<apps> (made by npm run bench). Prints the phases sorted by time and the memo's lookups during the edits.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { GENERATOR_VERSION } from '../generateSyntheticRepo.mjs';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const argumentValue = (name, fallback) => {
  const position = process.argv.indexOf(name);
  return position >= 0 && process.argv[position + 1] !== undefined ? Number(process.argv[position + 1]) : fallback;
};
const apps = argumentValue('--apps', 2000);
const edits = argumentValue('--edits', 10);

const directory = join(repositoryRoot, '.bench', String(apps));
const stamp = join(repositoryRoot, '.bench', `${apps}.generated.json`);
const current = existsSync(stamp) && JSON.parse(readFileSync(stamp, 'utf8')).generatorVersion === GENERATOR_VERSION;
if (!current || !existsSync(directory)) {
  console.error(`bench:edit: .bench/${apps} is missing or was made by another generator version; make it with npm run bench -- --sizes ${apps}`);
  process.exit(2);
}

const bundle = join(repositoryRoot, '.bench', 'editPhases.js');
await build({ entryPoints: [join(repositoryRoot, 'scripts', 'bench', 'editPhasesMain.ts')], bundle: true, platform: 'node', target: 'node20', outfile: bundle, logLevel: 'warning' });

// By default a resource of one Application: the first ConfigMap under platform/ (the language-server benchmark edits
// the same kind of file). --file picks another, e.g. an Application written in the repository (bootstrap/apps/…).
const fileOption = process.argv.indexOf('--file');
let relativeFile = fileOption >= 0 ? process.argv[fileOption + 1] : undefined;
if (relativeFile === undefined) {
  const platform = join(directory, 'platform');
  const folder = readdirSync(platform).sort()[0];
  const file = readdirSync(join(platform, folder)).sort().find((name) => readFileSync(join(platform, folder, name), 'utf8').includes('kind: ConfigMap'));
  if (file === undefined) throw new Error(`no ConfigMap in ${join(platform, folder)}`);
  relativeFile = `platform/${folder}/${file}`;
}
if (!existsSync(join(directory, relativeFile))) {
  console.error(`bench:edit: ${relativeFile} is not a file of .bench/${apps}`);
  process.exit(2);
}

const editKind = ['add-file', 'rename', 'cut-path', 'label', 'wave', 'toggle-entry', 'copy', 'type-new'].find((kind) => process.argv.includes(`--${kind}`)) ?? 'append';
// --keep-garbage: no collection between edits (each edit pays for the collections it meets, as in the language server).
const nodeOptions = process.argv.includes('--keep-garbage') ? [] : ['--expose-gc'];
const run = spawnSync(process.execPath, [...nodeOptions, bundle, directory, relativeFile, String(edits), editKind], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.exit(run.status ?? 1);
}
const line = run.stdout.split('\n').find((text) => text.startsWith('{"editPhases"'));
const result = JSON.parse(line).editPhases;
const editWords = { append: 'a one-line edit of', 'add-file': 'adding a file beside', rename: 'renaming what defines', 'cut-path': 'cutting the path of', label: 'changing the labels of', wave: 'moving to another wave and back', 'toggle-entry': 'commenting the last entry out and in of', copy: 'adding a renamed copy beside', 'type-new': 'typing into a new file, one more character each time, the text of' };
console.log(`analysis after ${editWords[editKind]} ${relativeFile}, ${apps} Applications: median ${result.medianMs.toFixed(1)} ms over ${result.edits} edits (the model built again after ${result.modelBuilds}, patched after the others)`);
for (const [phase, milliseconds] of Object.entries(result.phasesMeanMs).sort((a, b) => b[1] - a[1])) {
  if (milliseconds >= 0.05) console.log(`${String(milliseconds.toFixed(2)).padStart(8)} ms  ${phase}`);
}
console.log(`memo lookups during the measured edits (misses = computed again): ${JSON.stringify(result.memo)}`);
console.log(`places of node lists looked at per edit by their followers (replaced places, or every place when unknown): ${result.placesLookedAtPerEdit}`);
