// End-to-end tests of the built CLI on examples/homelab: every output format, exit codes for --fail-on, usage errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const HOMELAB = 'examples/homelab';
let folder: string;
let cli: string;

beforeAll(async () => {
  // Built here, from the sources, so the test never runs a stale bundle.
  folder = mkdtempSync(join(tmpdir(), 'gitops-waves-cli-'));
  cli = join(folder, 'cli.js');
  await build({ entryPoints: [join(ROOT, 'server/src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('gitops-waves on examples/homelab', () => {
  it('prints the plan with what each app waits for', () => {
    const { status, stdout } = run('plan', HOMELAB);
    expect(status).toBe(0);
    expect(stdout).toMatchSnapshot();
  });

  it('prints the JSON plan with waitsFor, neededBy and notes', () => {
    const { status, stdout } = run('plan', '--format', 'json', HOMELAB);
    expect(status).toBe(0);
    const plan = JSON.parse(stdout);
    type Need = { name: string; kind: string; ordering: string };
    type Application = { name: string; waitsFor: Need[]; neededBy: Need[]; notes: { kind: string }[] };
    const summary = (plan.applications as Application[]).map(
      (application) =>
        `${application.name}: waits for [${application.waitsFor.map((need) => `${need.name} ${need.kind} ${need.ordering}`).join('; ')}], needed by ${application.neededBy.length}, notes [${application.notes.map((note) => note.kind).join(', ')}]`,
    );
    expect(summary).toMatchSnapshot();
  });

  it('prints the graph as mermaid, dot and JSON', () => {
    for (const format of ['mermaid', 'dot']) {
      const { status, stdout } = run('graph', '--format', format, HOMELAB);
      expect(status, format).toBe(0);
      expect(stdout).toMatchSnapshot(format);
    }
    const { status, stdout } = run('graph', '--format', 'json', HOMELAB);
    expect(status).toBe(0);
    const graph = JSON.parse(stdout);
    type Edge = { dependent: string; provider: string; kind: string; reason: string; ordering: string; internal: boolean };
    const names = new Map((graph.nodes as { id: string; name: string }[]).map((node) => [node.id, node.name]));
    const edges = (graph.edges as Edge[]).filter((edge) => !edge.internal).map((edge) => `${names.get(edge.dependent)} needs ${names.get(edge.provider)} (${edge.kind}, ${edge.ordering}): ${edge.reason}`);
    expect(edges).toMatchSnapshot('json edges between apps');
  });

  it('prints the findings as SARIF 2.1.0 with paths from the git root', () => {
    const { status, stdout } = run('check', '--format', 'sarif', '--fail-on', 'never', HOMELAB);
    expect(status).toBe(0);
    const log = JSON.parse(stdout);
    expect(log.version).toBe('2.1.0');
    for (const result of log.runs[0].results) expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^examples\/homelab\//);
    expect(stdout).toMatchSnapshot();
  });

  it('prints the findings as GitHub workflow commands', () => {
    const { stdout } = run('check', '--format', 'github', '--fail-on', 'never', HOMELAB);
    expect(stdout).toMatchSnapshot();
    for (const line of stdout.trim().split('\n')) expect(line).toMatch(/^::(error|warning|notice) file=examples\/homelab\/[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z]+\/[a-z0-9-]+::/);
  });

  it('exits 1 exactly when a finding reaches the --fail-on level', () => {
    const { stdout } = run('check', '--format', 'json', '--fail-on', 'never', HOMELAB);
    const severities = new Set<string>(JSON.parse(stdout).findings.map((finding: { severity: string }) => finding.severity));
    const order = ['error', 'warning', 'info', 'hint'];
    for (const level of order) {
      const expected = order.slice(0, order.indexOf(level) + 1).some((severity) => severities.has(severity)) ? 1 : 0;
      expect(run('check', '--fail-on', level, HOMELAB).status, level).toBe(expected);
    }
    expect(run('check', '--fail-on', 'never', HOMELAB).status).toBe(0);
    expect(run('check', '--exit-zero', HOMELAB).status).toBe(0);
    // The homelab has warnings on purpose (its README), so --fail-on warning fails.
    expect(severities.has('warning')).toBe(true);
  });

  it('exits 2 on usage errors, with the usage on stderr', () => {
    for (const args of [['plan', '--format', 'sarif'], ['check', '--fail-on', 'fatal'], ['draw'], ['check', '--exit-zero', '--fail-on', 'error'], []]) {
      const { status, stderr, stdout } = run(...args);
      expect(status, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage: gitops-waves');
      expect(stdout).toBe('');
    }
  });
});
