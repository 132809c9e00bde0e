// The edit-phases measure (npm run bench:edit): after the first analysis, each one-line edit computes again exactly one render, and builds again only that Application's node and its parent.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSyntheticRepo } from '../../../scripts/generateSyntheticRepo.mjs';
import { measureEditPhases } from '../../../scripts/bench/editPhases';

const parent = mkdtempSync(join(os.tmpdir(), 'gitops-waves-edit-phases-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** A synthetic repository of 20 Applications in `parent/<name>`, and its first written Application whose text passes `accept`. */
function repositoryWithApplication(name: string, accept: (text: string) => boolean = () => true): { root: string; file: string | undefined } {
  const root = join(parent, name);
  generateSyntheticRepo(root, { apps: 20, seed: 2 });
  const apps = join(root, 'bootstrap', 'apps');
  const found = readdirSync(apps).sort().find((entry) => {
    const text = readFileSync(join(apps, entry), 'utf8');
    return /^kind: Application$/m.test(text) && accept(text);
  });
  return { root, file: found === undefined ? undefined : `bootstrap/apps/${found}` };
}

describe('measureEditPhases', () => {
  it('times every phase, and the memo recomputes one render and one node per edit', async () => {
    const root = join(parent, 'repo');
    generateSyntheticRepo(root, { apps: 20, seed: 2 });
    const platform = join(root, 'platform');
    const folder = readdirSync(platform).sort()[0] ?? '';
    const file = readdirSync(join(platform, folder)).sort().find((name) => readFileSync(join(platform, folder, name), 'utf8').includes('kind: ConfigMap'));
    expect(file).toBeDefined();
    const result = await measureEditPhases(root, `platform/${folder}/${file}`, 4);
    expect(result.edits).toBe(3);
    expect(Object.keys(result.phasesMeanMs)).toEqual(expect.arrayContaining(['snapshot diff and config', 'model', 'dependency graph', 'check deps/dependency-cycle']));
    // The edited file is read by one source of one Application: that is all each edit renders again. Its node is
    // built again, and so is its parent (a node is kept only with its children, see KeptNodes): the Application that
    // creates it. Every other node is the previous analysis's, with its needs and providers.
    expect(result.memo.renders.misses).toBe(3);
    expect(result.memo.nodes.built).toBe(6);
    expect(result.memo.nodeNeeds.misses).toBe(6);
    expect(result.memo.nodeProviders.misses).toBe(6);
    expect(result.modelBuilds).toBe(0);
  }, 60_000);

  it('looks at as many places of the node lists per one-line edit at 20 and at 80 Applications, and per move of an Application between waves', async () => {
    const small = join(parent, 'small');
    const large = join(parent, 'large');
    generateSyntheticRepo(small, { apps: 20, seed: 2 });
    generateSyntheticRepo(large, { apps: 80, seed: 2 });
    // A ConfigMap of an Application both repositories have (the generator names Applications by their number).
    const folder = readdirSync(join(small, 'platform')).sort()[0] ?? '';
    const file = readdirSync(join(small, 'platform', folder)).sort().find((name) => readFileSync(join(small, 'platform', folder, name), 'utf8').includes('kind: ConfigMap'));
    expect(readdirSync(join(large, 'platform'))).toContain(folder);
    const inSmall = await measureEditPhases(small, `platform/${folder}/${file}`, 4);
    const inLarge = await measureEditPhases(large, `platform/${folder}/${file}`, 4);
    // The followers look at the places the edit replaced: as many in either repository, far fewer than its nodes.
    expect(inSmall.placesLookedAtPerEdit).toBeGreaterThan(0);
    expect(inLarge.placesLookedAtPerEdit).toBe(inSmall.placesLookedAtPerEdit);
    // An Application both have, moved between waves: the node list keeps its order (render order), so the node and
    // its parent are replaced in place, as many places in either repository.
    const hasWave = (root: string, name: string): boolean => existsSync(join(root, 'bootstrap', 'apps', name)) && /^kind: Application$/m.test(readFileSync(join(root, 'bootstrap', 'apps', name), 'utf8')) && readFileSync(join(root, 'bootstrap', 'apps', name), 'utf8').includes('sync-wave');
    const application = readdirSync(join(small, 'bootstrap', 'apps')).sort().find((name) => hasWave(small, name) && hasWave(large, name));
    expect(application).toBeDefined();
    const movedInSmall = await measureEditPhases(small, `bootstrap/apps/${application}`, 4, 'wave');
    const movedInLarge = await measureEditPhases(large, `bootstrap/apps/${application}`, 4, 'wave');
    expect(movedInSmall.placesLookedAtPerEdit).toBeGreaterThan(0);
    expect(movedInLarge.placesLookedAtPerEdit).toBe(movedInSmall.placesLookedAtPerEdit);
  }, 120_000);

  it('types a file into a new file one character per edit (type-new), and counts the edits after which the model was built', async () => {
    const { root, file } = repositoryWithApplication('typed');
    const text = readFileSync(join(root, file ?? ''), 'utf8');
    const result = await measureEditPhases(root, file ?? '', text.length, 'type-new');
    expect(result.edits).toBe(text.length - 1);
    // An unlisted file beside the root's kustomization: every half-typed state patches (a whole one is an orphan;
    // typingApplication.test.ts shows which keystrokes build where the repository's root holds Applications).
    expect(result.modelBuilds).toBe(0);
    // The root's own text typed beside it: once its path is whole it creates every Application (a build), and no more
    // while the path is cut; the count of builds says so.
    const again = await measureEditPhases(root, 'bootstrap/root.yaml', readFileSync(join(root, 'bootstrap/root.yaml'), 'utf8').length, 'type-new');
    expect(again.modelBuilds).toBeGreaterThan(0);
  }, 120_000);

  it("after an edit of a written Application, renders its parent's source again and builds its node and its parent only (the model is patched)", async () => {
    const { root, file } = repositoryWithApplication('written');
    expect(file).toBeDefined();
    const result = await measureEditPhases(root, file ?? '', 4);
    expect(result.edits).toBe(3);
    // The root's source lists the file: it is the one render done again (the edited Application's own source read nothing that changed),
    // by splicing the file's objects into the kept render (the root's kustomization only lists files).
    expect(result.memo.renders.misses).toBe(3);
    expect(result.memo.renders.patched).toBe(3);
    expect(result.memo.nodes.built).toBe(6);
    expect(result.memo.nodeNeeds.misses).toBe(6);
  }, 60_000);

  it('after a file comes into a kustomize folder (the previous one going), renders nothing again: the folder is still a kustomization', async () => {
    const root = join(parent, 'adding');
    generateSyntheticRepo(root, { apps: 20, seed: 2 });
    const platform = join(root, 'platform');
    const folder = readdirSync(platform).sort().find((name) => readdirSync(join(platform, name)).includes('kustomization.yaml')) ?? '';
    const file = readdirSync(join(platform, folder)).sort().find((name) => name !== 'kustomization.yaml') ?? '';
    const result = await measureEditPhases(root, `platform/${folder}/${file}`, 4, 'add-file');
    expect(result.memo.renders).toEqual({ hits: 0, misses: 0, patched: 0 });
    expect(result.memo.nodes.built).toBe(0);
  }, 60_000);

  it('after an Application comes in a new file its parent does not list (an orphan; the previous copy going), patches the model', async () => {
    const { root, file } = repositoryWithApplication('copying');
    const result = await measureEditPhases(root, file ?? '', 4, 'copy');
    // No render again (the folder of the file is still a kustomization) and no node: the copy is an orphan.
    expect(result.memo.renders.misses).toBe(0);
    expect(result.memo.nodes).toEqual({ kept: 0, built: 0 });
  }, 60_000);

  it("while an Application's path is typed (each edit renders another folder), patches the model and collects again the needs of the nodes whose kinds changed scope only", async () => {
    const { root, file } = repositoryWithApplication('typing', (text) => /path: platform\//.test(text));
    expect(file).toBeDefined();
    const result = await measureEditPhases(root, file ?? '', 5, 'cut-path');
    expect(result.edits).toBe(4);
    // The edited Application and its parent are the nodes built again each time (the model is patched, not built).
    expect(result.memo.nodes.built).toBe(8);
    // Losing (or regaining) its objects can change the scope table; only nodes using a kind whose scope changed
    // collect their needs again besides those two, far fewer than the 20 Applications' nodes per edit.
    expect(result.memo.nodeNeeds.misses).toBeLessThan(4 * 10);
  }, 60_000);
});
