// Corpus check (npm run corpus -- <dir>): runs `plan` and `check` on every repository under a folder; fails on a crash.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../server/dist/cli.js', import.meta.url));
const folder = process.argv[2];
if (!folder) {
  console.error('usage: npm run corpus -- <folder holding repositories>');
  process.exit(2);
}
const repositories = readdirSync(folder)
  .map((name) => join(folder, name))
  .filter((path) => statSync(path).isDirectory())
  .sort();
if (repositories.length === 0) {
  console.error(`no repositories under ${folder}`);
  process.exit(2);
}
let failures = 0;
for (const repository of repositories) {
  for (const command of ['plan', 'check']) {
    const started = Date.now();
    const run = spawnSync(process.execPath, [cli, command, '--format', 'json', resolve(repository)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const seconds = ((Date.now() - started) / 1000).toFixed(2);
    // 0 and 1 are answers (1: error findings); anything else, or output that is not JSON, is a crash.
    let summary = '';
    let crashed = run.status !== 0 && run.status !== 1;
    try {
      const output = JSON.parse(run.stdout);
      summary = command === 'plan' ? `${output.roots.length} root(s), ${output.applications.length} app(s)` : Object.entries(output.summary).map(([severity, count]) => `${count} ${severity}`).join(', ');
    } catch {
      crashed = true;
    }
    if (crashed) {
      failures++;
      console.log(`FAIL ${command} ${repository} (exit ${run.status}, ${seconds} s)\n${(run.stderr || run.stdout).split('\n').slice(-15).join('\n')}`);
    } else {
      console.log(`ok   ${command.padEnd(5)} ${repository}  ${summary}  (${seconds} s)`);
    }
  }
}
console.log(`corpus: ${repositories.length * 2 - failures} runs ok, ${failures} crashed`);
process.exit(failures > 0 ? 1 : 0);
