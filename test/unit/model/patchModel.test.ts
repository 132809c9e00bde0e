// Patching the kept model after an edit: which edits patch it, which build it again, and that either way the result is a fresh build's.
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../server/src/analysis/incremental/analysisMemo';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { applicationText } from '../../support/applicationText';
import { edited } from '../../support/editedSnapshot';

const application = applicationText;

const CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  mode: blue\n';
const CLAIM = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  storageClassName: fast\n';

const ARGOCD_CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-cm\n  namespace: argocd\ndata:\n  timeout.reconciliation: 180s\n';

const TEXTS: Record<string, string> = {
  'root.yaml': application('root', 'apps', 0),
  'apps/kustomization.yaml': 'resources:\n  - storage.yaml\n  - web.yaml\n',
  'apps/storage.yaml': application('storage', 'platform/storage', 1),
  'apps/web.yaml': application('web', 'platform/web', 2),
  'platform/storage/kustomization.yaml': 'resources:\n  - class.yaml\n',
  'platform/storage/class.yaml': 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: example.com/fast\n',
  'platform/web/kustomization.yaml': 'resources:\n  - pvc.yaml\n  - config.yaml\n',
  'platform/web/pvc.yaml': CLAIM,
  'platform/web/config.yaml': CONFIG,
  'platform/web/extra.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n',
};

/** What a person sees of an analysis: the model's nodes and the findings. */
function outcome(analysis: Analysis): unknown {
  return {
    nodes: analysis.model.nodes.map((node) => ({ id: node.id, wave: node.wave.wave, resources: node.resources.map((resource) => `${resource.object.kind}/${resource.object.name}`) })),
    edges: analysis.graph.edges.map((edge) => `${edge.dependent.nodeId} -> ${edge.provider.nodeId}: ${edge.reason}`),
    findings: analysis.findings.map((finding) => `${finding.ruleId} ${finding.location.file}:${finding.location.span.start} ${finding.message}`),
  };
}

/** Each node's id and name, in model order. */
function names(analysis: Analysis): string[] {
  return analysis.model.nodes.map((node) => `${node.id} ${node.name}`);
}

/** Each node's ordering (its parent and the explanation, which names the parent), in model order. */
function orderings(analysis: Analysis): string[] {
  return analysis.model.nodes.map((node) => `${node.id} <- ${node.ordering.parentId ?? '-'}: ${node.ordering.explanation}`);
}

/** The model's nodes in order (creation order: a parent, then its children in wave order). */
function listOrder(analysis: Analysis): string[] {
  return analysis.model.nodes.map((node) => node.id);
}

/** Analyses `base`, then `next` with the same memo; returns the second analysis, the first, and a fresh analysis of `next`. */
function analyseAfter(changes: Record<string, string>): { before: Analysis; after: Analysis; fresh: Analysis; memo: AnalysisMemo } {
  const base = snapshotFromTexts(TEXTS);
  const memo = new AnalysisMemo();
  const before = analyze(base, { memo });
  const next = edited(base, changes);
  const after = analyze(next, { memo });
  return { before, after, fresh: analyze(next), memo };
}

describe('patchModel (through analyze with a memo)', () => {
  it('patches after an edit of a resource file: the edited Application and its parent are new nodes, the others are kept', () => {
    const { before, after, fresh } = analyseAfter({ 'platform/web/config.yaml': CONFIG.replace('blue', 'green') });
    expect(outcome(after)).toEqual(outcome(fresh));
    const kept = after.model.nodes.filter((node) => before.model.nodesById.get(node.id) === node).map((node) => node.id);
    expect(kept).toEqual(['apps/storage.yaml#0']);
    expect(after.model.nodesById.get('apps/web.yaml#0')?.resources.find((resource) => resource.object.kind === 'ConfigMap')?.object.body.data).toEqual({ mode: 'green' });
  });

  it('keeps the whole model after an edit no Application reads', () => {
    const { before, after } = analyseAfter({ 'platform/web/extra.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra2\n' });
    expect(after.model).toBe(before.model);
  });

  it('patches when a kustomization lists one more manifest (the render reads one more file), and matches a fresh build', () => {
    const { before, after, fresh, memo } = analyseAfter({ 'platform/web/kustomization.yaml': 'resources:\n  - pvc.yaml\n  - config.yaml\n  - extra.yaml\n' });
    expect(memo.modelPatched).toBe(true);
    expect(outcome(after)).toEqual(outcome(fresh));
    expect(after.model.nodesById.get('apps/web.yaml#0')?.resources.map((resource) => resource.object.name)).toContain('extra');
    expect(after.model.nodesById.get('apps/storage.yaml#0')).toBe(before.model.nodesById.get('apps/storage.yaml#0'));
  });

  it('patches after a wave edit of an Application written in the repository: its node takes the new object, its parent orders its children anew', () => {
    const { before, after, fresh, memo } = analyseAfter({ 'apps/web.yaml': application('web', 'platform/web', 0) });
    expect(memo.modelPatched).toBe(true);
    expect(outcome(after)).toEqual(outcome(fresh));
    expect(listOrder(after)).toEqual(listOrder(fresh));
    expect(after.model.nodesById.get('apps/web.yaml#0')?.wave.wave).toBe(0);
    // web (wave 0) now comes before storage (wave 1) under the root, as a fresh build orders them.
    expect(after.model.nodesById.get('root.yaml#0')?.childIds).toEqual(['apps/web.yaml#0', 'apps/storage.yaml#0']);
    expect(after.model.nodesById.get('apps/storage.yaml#0')).toBe(before.model.nodesById.get('apps/storage.yaml#0'));
  });

  it('patches after a comment is added to a written Application, and after an edit of the root itself', () => {
    const commented = analyseAfter({ 'apps/web.yaml': `${application('web', 'platform/web', 2)}# owned by the web team\n` });
    expect(commented.memo.modelPatched).toBe(true);
    expect(outcome(commented.after)).toEqual(outcome(commented.fresh));
    const root = analyseAfter({ 'root.yaml': application('root', 'apps', 3) });
    expect(root.memo.modelPatched).toBe(true);
    expect(outcome(root.after)).toEqual(outcome(root.fresh));
    expect(root.after.model.nodesById.get('root.yaml#0')?.wave.wave).toBe(3);
  });

  it('follows a second and a third edit of the same written Application (the patched record patches again)', () => {
    const base = snapshotFromTexts(TEXTS);
    const memo = new AnalysisMemo();
    analyze(base, { memo });
    for (const wave of [0, 7, 2]) {
      const next = edited(base, { 'apps/web.yaml': application('web', 'platform/web', wave) });
      const after = analyze(next, { memo });
      expect(memo.modelPatched).toBe(true);
      expect(outcome(after)).toEqual(outcome(analyze(next)));
    }
  });

  it('patches when a written Application is renamed (its node id is its place): its name and its place among its siblings follow', () => {
    // Renamed into wave 1 before storage: its parent's children sort again (wave, then name); the node list keeps render order.
    const renamed = analyseAfter({ 'apps/web.yaml': application('archive', 'platform/web', 1) });
    expect(renamed.memo.modelPatched).toBe(true);
    expect(names(renamed.after)).toEqual(names(renamed.fresh));
    expect(outcome(renamed.after)).toEqual(outcome(renamed.fresh));
    expect(names(renamed.after)).toEqual(['root.yaml#0 root', 'apps/storage.yaml#0 storage', 'apps/web.yaml#0 archive']);
    expect(renamed.after.model.nodesById.get('root.yaml#0')?.childIds).toEqual(['apps/web.yaml#0', 'apps/storage.yaml#0']);
    expect(renamed.after.model.nodesById.get('root.yaml#0')?.childIds).toEqual(renamed.fresh.model.nodesById.get('root.yaml#0')?.childIds);
  });

  it("patches when a parent is renamed: its children's orderings name it, as a fresh build's", () => {
    const renamed = analyseAfter({ 'root.yaml': application('bootstrap', 'apps', 0) });
    expect(renamed.memo.modelPatched).toBe(true);
    expect(orderings(renamed.after)).toEqual(orderings(renamed.fresh));
    expect(outcome(renamed.after)).toEqual(outcome(renamed.fresh));
    expect(renamed.after.model.nodesById.get('apps/web.yaml#0')?.ordering.explanation).toContain("wave 2 of bootstrap's sync");
  });

  it('patches when a written Application moves to another namespace (its node, at the same place, on the new object), and matches a fresh build', () => {
    const moved = analyseAfter({ 'apps/web.yaml': application('web', 'platform/web', 2).replace('namespace: argocd', 'namespace: team-a') });
    expect(moved.memo.modelPatched).toBe(true);
    expect(outcome(moved.after)).toEqual(outcome(moved.fresh));
    expect(moved.after.model.nodesById.get('apps/web.yaml#0')?.object.namespace).toBe('team-a');
  });

  it('patches when a written Application renders another folder (its path edited), and matches a fresh build', () => {
    const moved = analyseAfter({ 'apps/web.yaml': application('web', 'platform/storage', 2) });
    expect(moved.memo.modelPatched).toBe(true);
    expect(outcome(moved.after)).toEqual(outcome(moved.fresh));
    expect(moved.after.model.nodesById.get('apps/web.yaml#0')?.resources.map((resource) => resource.object.kind)).toEqual(['StorageClass']);
    // Half-typed: a folder that does not exist.
    const typing = analyseAfter({ 'apps/web.yaml': application('web', 'platform/we', 2) });
    expect(typing.memo.modelPatched).toBe(true);
    expect(outcome(typing.after)).toEqual(outcome(typing.fresh));
  });

  it('follows a kustomization nobody renders any more (its problems become warnings of an unrendered folder), and back', () => {
    const broken = { ...TEXTS, 'platform/web/kustomization.yaml': 'resources:\n  - pvc.yaml\n  - config.yaml\n  - missing.yaml\n' };
    const base = snapshotFromTexts(broken);
    const memo = new AnalysisMemo();
    const messages = (analysis: Analysis): string[] => analysis.findings.filter((finding) => finding.location.file === 'platform/web/kustomization.yaml').map((finding) => `${finding.severity} ${finding.message}`);
    const rendered = analyze(base, { memo });
    expect(messages(rendered).join('\n')).not.toContain('No Application of this repository renders platform/web');
    for (const path of ['platform/storage', 'platform/web', 'platform/storage', 'platform/nowhere']) {
      const next = edited(base, { 'apps/web.yaml': application('web', path, 2) });
      const after = analyze(next, { memo });
      expect(memo.modelPatched).toBe(true);
      expect(outcome(after)).toEqual(outcome(analyze(next)));
      expect(messages(after).some((message) => message.includes('No Application of this repository renders platform/web'))).toBe(path !== 'platform/web');
    }
  });

  it('builds again when another folder rendered changes roots or orphans, and matches a fresh build', () => {
    const texts = {
      ...TEXTS,
      'extra/kustomization.yaml': 'resources:\n  - config.yaml\n',
      'extra/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n',
      'extra/lonely.yaml': application('lonely', 'platform/web', 5),
    };
    const base = snapshotFromTexts(texts);
    const memo = new AnalysisMemo();
    const before = analyze(base, { memo });
    expect(before.model.rootIds).toContain('extra/lonely.yaml#0');
    // web now renders extra/, where lonely.yaml sits uncreated: an orphan now, not a root.
    const next = edited(base, { 'apps/web.yaml': application('web', 'extra', 2) });
    const after = analyze(next, { memo });
    expect(memo.modelPatched).toBe(false);
    expect(outcome(after)).toEqual(outcome(analyze(next)));
    expect(after.model.rootIds).not.toContain('extra/lonely.yaml#0');
  });

  it('orders the kept graph anew when only the orderings changed (the Application health check configured)', () => {
    const base = snapshotFromTexts({ ...TEXTS, 'argocd/argocd-cm.yaml': ARGOCD_CM });
    const memo = new AnalysisMemo();
    const before = analyze(base, { memo });
    const next = edited(base, { 'argocd/argocd-cm.yaml': `${ARGOCD_CM}  resource.customizations.health.argoproj.io_Application: |\n    hs = {}\n    hs.status = "Healthy"\n    return hs\n` });
    const after = analyze(next, { memo });
    // Same objects, needs and providers: the graph is kept, while every child's wave now gates.
    expect(after.graph).toBe(before.graph);
    expect(after.model.nodesById.get('apps/web.yaml#0')?.ordering.gating).toBe('health');
    expect(outcome(after)).toEqual(outcome(analyze(next)));
    expect(outcome(after)).not.toEqual(outcome(before));
  });

  it('follows a change of what a resource needs into the graph', () => {
    const { after, fresh } = analyseAfter({ 'platform/web/pvc.yaml': CLAIM.replace('fast', 'slow') });
    expect(outcome(after)).toEqual(outcome(fresh));
    expect(after.graph.edges.filter((edge) => edge.kind === 'storage-class')).toEqual([]);
  });

  it('builds again when the edited file is also read by the build itself (a Kustomize patch of an overlay no Application renders)', () => {
    const patch = (version: string): string => `apiVersion: argoproj.io/${version}\nkind: Application\nmetadata:\n  name: web\n  namespace: argocd\nspec:\n  project: default\n`;
    const base = snapshotFromTexts({
      ...TEXTS,
      'overlays/dev/kustomization.yaml': 'resources:\n  - ../../apps\npatches:\n  - path: web-patch.yaml\n',
      'overlays/dev/web-patch.yaml': patch('v1alpha1'),
    });
    const memo = new AnalysisMemo();
    analyze(base, { memo });
    const next = edited(base, { 'overlays/dev/web-patch.yaml': patch('v0alpha1') });
    const after = analyze(next, { memo });
    const fresh = analyze(next);
    expect(fresh.findings.map((finding) => finding.ruleId)).toContain('kustomize/patch-target-not-found');
    expect(outcome(after)).toEqual(outcome(fresh));
  });

  it('patches after an edit of a written AppProject: the projects of the model take the new reading, the project findings follow', () => {
    const project = (namespaces: readonly string[]): string =>
      `apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata:\n  name: team\n  namespace: argocd\nspec:\n  sourceRepos:\n    - '*'\n  destinations:\n${namespaces.map((namespace) => `    - server: https://kubernetes.default.svc\n      namespace: ${namespace}\n`).join('')}`;
    const base = snapshotFromTexts({ ...TEXTS, 'apps/web.yaml': application('web', 'platform/web', 2).replace('project: default', 'project: team'), 'projects/team.yaml': project(['storage']) });
    const memo = new AnalysisMemo();
    const before = analyze(base, { memo });
    expect(before.findings.map((finding) => finding.ruleId)).toContain('project/destination-not-permitted');
    const next = edited(base, { 'projects/team.yaml': project(['storage', 'web']) });
    const after = analyze(next, { memo });
    expect(memo.modelPatched).toBe(true);
    expect(outcome(after)).toEqual(outcome(analyze(next)));
    expect(after.findings.map((finding) => finding.ruleId)).not.toContain('project/destination-not-permitted');
    expect(after.model.projects.find((candidate) => candidate.name === 'team')?.object.origin.file).toBe('projects/team.yaml');
  });

  it('patches when a written AppProject is renamed, deployed by the root or not: the projects of the model take the new reading, the project findings follow', () => {
    const project = (name: string): string =>
      `apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata:\n  name: ${name}\n  namespace: argocd\nspec:\n  sourceRepos:\n    - '*'\n  destinations:\n    - server: https://kubernetes.default.svc\n      namespace: '*'\n`;
    for (const file of ['projects/team.yaml', 'apps/team.yaml']) {
      const deployed: Record<string, string> = file.startsWith('apps/') ? { 'apps/kustomization.yaml': 'resources:\n  - team.yaml\n  - storage.yaml\n  - web.yaml\n' } : {};
      const base = snapshotFromTexts({ ...TEXTS, ...deployed, 'apps/web.yaml': application('web', 'platform/web', 2).replace('project: default', 'project: team'), [file]: project('team') });
      const memo = new AnalysisMemo();
      const before = analyze(base, { memo });
      expect(before.model.nodesById.get('root.yaml#0')?.resources.some((resource) => resource.object.kind === 'AppProject')).toBe(file.startsWith('apps/'));
      // The name being typed: web's project is unknown until the name is whole again.
      for (const name of ['tea', 'te', 'team']) {
        const next = edited(base, { [file]: project(name) });
        const after = analyze(next, { memo });
        expect([file, name, memo.modelPatched]).toEqual([file, name, true]);
        expect(outcome(after)).toEqual(outcome(analyze(next)));
        expect(after.model.projects.map((candidate) => candidate.name)).toEqual([name]);
        expect(after.findings.some((finding) => finding.ruleId === 'project/unknown-project')).toBe(name !== 'team');
      }
    }
  });

  it("patches when a nested App of Apps (a child of the root) leaves an Application out of its kustomization, then lists it again", () => {
    const nested: Record<string, string> = {
      ...TEXTS,
      'apps/kustomization.yaml': 'resources:\n  - storage.yaml\n  - web.yaml\n  - team.yaml\n',
      'apps/team.yaml': application('team', 'team-apps', 3),
      'team-apps/kustomization.yaml': 'resources:\n  - alpha.yaml\n  - beta.yaml\n',
      'team-apps/alpha.yaml': application('alpha', 'platform/web', 1),
      'team-apps/beta.yaml': application('beta', 'platform/storage', 2),
    };
    const base = snapshotFromTexts(nested);
    const memo = new AnalysisMemo();
    analyze(base, { memo });
    const views: unknown[] = [];
    for (const kustomization of ['resources:\n  - alpha.yaml\n  # - beta.yaml\n', 'resources:\n  - alpha.yaml\n  - beta.yaml\n']) {
      const next = edited(base, { 'team-apps/kustomization.yaml': kustomization });
      const after = analyze(next, { memo });
      const fresh = analyze(next);
      expect([kustomization, memo.modelPatched]).toEqual([kustomization, true]);
      expect(outcome(after)).toEqual(outcome(fresh));
      expect(orderings(after)).toEqual(orderings(fresh));
      views.push({ orphans: after.model.orphans.map((object) => object.name), children: after.model.nodesById.get('apps/team.yaml#0')?.childIds });
    }
    expect(views).toEqual([
      { orphans: ['beta'], children: ['team-apps/alpha.yaml#0'] },
      { orphans: [], children: ['team-apps/alpha.yaml#0', 'team-apps/beta.yaml#0'] },
    ]);
  });

  it('patches when a written AppProject comes in a new file, then goes: the projects of the model and the project findings follow', () => {
    const project = `apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata:\n  name: team\n  namespace: argocd\nspec:\n  sourceRepos:\n    - '*'\n  destinations:\n    - server: https://kubernetes.default.svc\n      namespace: web\n`;
    const base = snapshotFromTexts({ ...TEXTS, 'apps/web.yaml': application('web', 'platform/web', 2).replace('project: default', 'project: team') });
    const memo = new AnalysisMemo();
    expect(analyze(base, { memo }).findings.map((finding) => finding.ruleId)).toContain('project/unknown-project');
    const withProject = { ...base, files: new Map([...base.files, ['projects/team.yaml', { kind: 'text', text: project } as const]]) };
    const came = analyze(withProject, { memo });
    expect(memo.modelPatched).toBe(true);
    expect(outcome(came)).toEqual(outcome(analyze(withProject)));
    expect(came.model.projects.map((candidate) => candidate.name)).toEqual(['team']);
    expect(came.findings.map((finding) => finding.ruleId)).not.toContain('project/unknown-project');
    const went = analyze(base, { memo });
    expect(memo.modelPatched).toBe(true);
    expect(outcome(went)).toEqual(outcome(analyze(base)));
    expect(went.model.projects).toEqual([]);
  });

  it("patches when the root's kustomization leaves an Application out, then lists it again: it is an orphan, then the root's child again, as a fresh build's", () => {
    const base = snapshotFromTexts(TEXTS);
    const memo = new AnalysisMemo();
    analyze(base, { memo });
    const states = ['resources:\n  - storage.yaml\n  # - web.yaml\n', 'resources:\n  - storage.yaml\n  - web.yaml\n', 'resources:\n  - web.yaml\n'];
    const views: unknown[] = [];
    for (const kustomization of states) {
      const next = edited(base, { 'apps/kustomization.yaml': kustomization });
      const after = analyze(next, { memo });
      const fresh = analyze(next);
      expect([kustomization, memo.modelPatched]).toEqual([kustomization, true]);
      expect(outcome(after)).toEqual(outcome(fresh));
      expect(orderings(after)).toEqual(orderings(fresh));
      expect(after.model.orphans.map((object) => object.name)).toEqual(fresh.model.orphans.map((object) => object.name));
      views.push({ orphans: after.model.orphans.map((object) => object.name), children: after.model.nodesById.get('root.yaml#0')?.childIds });
    }
    expect(views).toEqual([
      { orphans: ['web'], children: ['apps/storage.yaml#0'] },
      { orphans: [], children: ['apps/storage.yaml#0', 'apps/web.yaml#0'] },
      { orphans: ['storage'], children: ['apps/web.yaml#0'] },
    ]);
  });

  it("patches when a kustomization now reads another kustomization (another folder): pass 1's facts follow, as a fresh build's", () => {
    const { after, fresh, memo } = analyseAfter({ 'platform/web/kustomization.yaml': 'resources:\n  - pvc.yaml\n  - config.yaml\n  - ../storage\n' });
    expect(memo.modelPatched).toBe(true);
    expect(outcome(after)).toEqual(outcome(fresh));
  });

  it('builds again when the render of an orphan (no node: pass 1 alone renders it) now creates an Application, and matches a fresh build', () => {
    const texts: Record<string, string> = {
      'root.yaml': application('root', 'apps', 0),
      'apps/kustomization.yaml': 'resources:\n  - web.yaml\n',
      'apps/web.yaml': application('web', 'platform/web', 1),
      // In a folder root renders but left out of its kustomization: an orphan, whose render decides roots too.
      'apps/lost.yaml': application('lost', 'lost', 2),
      'lost/kustomization.yaml': 'resources: []\n',
      'lost/child.yaml': application('child', 'platform/web', 3),
      'platform/web/config.yaml': CONFIG,
    };
    const memo = new AnalysisMemo();
    const base = snapshotFromTexts(texts);
    analyze(base, { memo });
    const next = edited(base, { 'lost/kustomization.yaml': 'resources:\n  - child.yaml\n' });
    const after = analyze(next, { memo });
    const fresh = analyze(next);
    expect(memo.modelPatched).toBe(false);
    expect(after.model.rootIds).toEqual(['lost/child.yaml#0', 'root.yaml#0']);
    expect(outcome(after)).toEqual(outcome(fresh));
  });

  describe('edits of a written ApplicationSet', () => {
    const applicationSet = (wave: number, elements: readonly string[]): string => `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: tenants
  namespace: argocd
  annotations:
    argocd.argoproj.io/sync-wave: "${wave}"
spec:
  generators:
    - list:
        elements:
${elements.map((element) => `          - tenant: ${element}\n`).join('')}  template:
    metadata:
      name: "tenant-{{tenant}}"
    spec:
      project: default
      source:
        repoURL: https://example.com/repo.git
        path: platform/web
      destination:
        server: https://kubernetes.default.svc
        namespace: "{{tenant}}"
`;
    const WITH_SET = {
      ...TEXTS,
      'apps/kustomization.yaml': 'resources:\n  - storage.yaml\n  - web.yaml\n  - tenants.yaml\n',
      'apps/tenants.yaml': applicationSet(3, ['blue', 'green']),
    };
    const analyseSetEdit = (text: string): { before: Analysis; after: Analysis; fresh: Analysis; memo: AnalysisMemo } => {
      const base = snapshotFromTexts(WITH_SET);
      const memo = new AnalysisMemo();
      const before = analyze(base, { memo });
      const next = edited(base, { 'apps/tenants.yaml': text });
      return { before, after: analyze(next, { memo }), fresh: analyze(next), memo };
    };

    it('patches after a comment: the generated Applications keep their objects, the set and its Applications are new nodes', () => {
      const { before, after, fresh, memo } = analyseSetEdit(`# tenants of the platform\n${applicationSet(3, ['blue', 'green'])}`);
      expect(memo.modelPatched).toBe(true);
      expect(outcome(after)).toEqual(outcome(fresh));
      const generated = after.model.nodes.filter((node) => node.generatedById !== undefined);
      expect(generated.map((node) => node.name)).toEqual(['tenant-blue', 'tenant-green']);
      for (const node of generated) {
        expect(node.object).toBe(before.model.nodesById.get(node.id)?.object);
        expect(node).not.toBe(before.model.nodesById.get(node.id));
      }
    });

    it('patches after the set\'s own wave changes (its node takes the new wave and its place among its siblings)', () => {
      const { after, fresh, memo } = analyseSetEdit(applicationSet(0, ['blue', 'green']));
      expect(memo.modelPatched).toBe(true);
      expect(outcome(after)).toEqual(outcome(fresh));
      expect(listOrder(after)).toEqual(listOrder(fresh));
      expect(after.model.nodes.find((node) => node.kind === 'ApplicationSet')?.wave.wave).toBe(0);
    });

    /** What a person sees of the generated Applications and their set: ids, names, orderings, sources, parameters. */
    const generatedView = (analysis: Analysis): string[] =>
      analysis.model.nodes
        .filter((node) => node.kind === 'ApplicationSet' || node.generatedById !== undefined)
        .map((node) => `${node.id} ${node.name} [${node.childIds.join(', ')}] ${node.ordering.explanation} ${node.application?.sources.map((source) => source.path).join(',') ?? ''} ${JSON.stringify(node.generatorParameters ?? {})}`);

    it('patches when the set generates one more Application: a new node in name order, the others kept', () => {
      const { before, after, fresh, memo } = analyseSetEdit(applicationSet(3, ['blue', 'green', 'amber']));
      expect(memo.modelPatched).toBe(true);
      expect(generatedView(after)).toEqual(generatedView(fresh));
      expect(outcome(after)).toEqual(outcome(fresh));
      expect(after.model.nodes.filter((node) => node.generatedById !== undefined).map((node) => node.name)).toEqual(['tenant-amber', 'tenant-blue', 'tenant-green']);
      // The list generator made new bodies: every generated node is new, built on pass 1's objects.
      expect(after.model.nodesById.get('apps/tenants.yaml#0/tenant-blue')).not.toBe(before.model.nodesById.get('apps/tenants.yaml#0/tenant-blue'));
    });

    it('patches when the set generates one Application fewer: its node goes', () => {
      const { after, fresh, memo } = analyseSetEdit(applicationSet(3, ['green']));
      expect(memo.modelPatched).toBe(true);
      expect(generatedView(after)).toEqual(generatedView(fresh));
      expect(outcome(after)).toEqual(outcome(fresh));
      expect(after.model.nodesById.has('apps/tenants.yaml#0/tenant-blue')).toBe(false);
    });

    it("patches when the set's template renders another folder (pass 1's rendered folders follow)", () => {
      const { after, fresh, memo } = analyseSetEdit(applicationSet(3, ['blue', 'green']).replace('path: platform/web', 'path: platform/storage'));
      expect(memo.modelPatched).toBe(true);
      expect(generatedView(after)).toEqual(generatedView(fresh));
      expect(outcome(after)).toEqual(outcome(fresh));
    });

    it('patches while a git generator path is typed: problems come, change and go at their places, as a fresh build', () => {
      const gitSet = (pattern: string): string =>
        applicationSet(3, [])
          .replace(/ {4}- list:\n {8}elements:\n/, `    - git:\n        repoURL: https://example.com/repo.git\n        revision: HEAD\n        directories:\n          - path: "${pattern}"\n`)
          .replace('tenant-{{tenant}}', 'dir-{{path.basename}}')
          .replace('namespace: "{{tenant}}"', 'namespace: "{{path.basename}}"');
      // A kustomization nobody renders, with a problem: the build's own problems after the sets' move with them.
      const base = snapshotFromTexts({ ...WITH_SET, 'apps/tenants.yaml': gitSet('platform/*'), 'overlays/lab/kustomization.yaml': 'resources:\n  - missing.yaml\n' });
      const memo = new AnalysisMemo();
      analyze(base, { memo });
      const findingsOf = (analysis: Analysis): string[] => analysis.findings.filter((finding) => finding.location.file === 'apps/tenants.yaml').map((finding) => `${finding.ruleId} ${finding.location.span.start}`);
      for (const pattern of ['platform/x*', '# not a folder', 'platform/*', 'platform/s*', 'platform/nothing/*']) {
        const next = edited(base, { 'apps/tenants.yaml': gitSet(pattern) });
        const after = analyze(next, { memo });
        const fresh = analyze(next);
        expect(memo.modelPatched).toBe(true);
        expect(findingsOf(after)).toEqual(findingsOf(fresh));
        expect(after.findings.map((finding) => `${finding.ruleId} ${finding.location.file}`)).toEqual(fresh.findings.map((finding) => `${finding.ruleId} ${finding.location.file}`));
        expect(generatedView(after)).toEqual(generatedView(fresh));
        expect(outcome(after)).toEqual(outcome(fresh));
      }
      expect(findingsOf(analyze(edited(base, { 'apps/tenants.yaml': gitSet('platform/x*') })))).toEqual([expect.stringMatching(/^appset\/generator-path-matches-nothing \d+$/)]);
    });

    it("patches when the set is renamed (its node id is its place): its Applications' orderings name it, as a fresh build's", () => {
      const { after, fresh, memo } = analyseSetEdit(applicationSet(3, ['blue', 'green']).replace('name: tenants', 'name: customers'));
      expect(memo.modelPatched).toBe(true);
      expect(generatedView(after)).toEqual(generatedView(fresh));
      expect(orderings(after)).toEqual(orderings(fresh));
      expect(outcome(after)).toEqual(outcome(fresh));
      expect(after.model.nodesById.get('apps/tenants.yaml#0/tenant-blue')?.ordering.explanation).toContain('customers');
    });

    it('follows the model\'s projects when generated Applications that deploy an AppProject written nowhere come or go', () => {
      const chartSet = (elements: readonly string[]): string =>
        applicationSet(3, elements).replace(
          '      source:\n        repoURL: https://example.com/repo.git\n        path: platform/web\n',
          "      sources:\n        - repoURL: https://argoproj.github.io/argo-helm\n          chart: argocd-apps\n          targetRevision: 2.0.2\n          helm:\n            valueFiles: [$values/bootstrap/values.yaml]\n        - repoURL: https://example.com/repo.git\n          targetRevision: main\n          ref: values\n",
        );
      const values = "projects:\n  lab:\n    namespace: argocd\n    sourceRepos: ['*']\n    destinations: [{server: '*', namespace: '*'}]\n";
      for (const [from, to] of [[['blue'], []], [[], ['blue']]] as const) {
        const base = snapshotFromTexts({ ...WITH_SET, 'apps/tenants.yaml': chartSet(from), 'bootstrap/values.yaml': values });
        const memo = new AnalysisMemo();
        analyze(base, { memo });
        const next = edited(base, { 'apps/tenants.yaml': chartSet(to) });
        const after = analyze(next, { memo });
        const fresh = analyze(next);
        expect(after.model.projects.map((project) => project.name)).toEqual(to.length > 0 ? ['lab'] : []);
        expect(after.model.projects.map((project) => project.name)).toEqual(fresh.model.projects.map((project) => project.name));
        expect(outcome(after)).toEqual(outcome(fresh));
      }
    });

    it("patches when the root's kustomization leaves the set out, then lists it again: the set and its Applications go, then come back, as a fresh build's", () => {
      const base = snapshotFromTexts(WITH_SET);
      const memo = new AnalysisMemo();
      analyze(base, { memo });
      const shapes: unknown[] = [];
      for (const kustomization of ['resources:\n  - storage.yaml\n  - web.yaml\n  # - tenants.yaml\n', WITH_SET['apps/kustomization.yaml']]) {
        const next = edited(base, { 'apps/kustomization.yaml': kustomization });
        const after = analyze(next, { memo });
        const fresh = analyze(next);
        expect([kustomization, memo.modelPatched]).toEqual([kustomization, true]);
        expect(generatedView(after)).toEqual(generatedView(fresh));
        expect(orderings(after)).toEqual(orderings(fresh));
        expect(outcome(after)).toEqual(outcome(fresh));
        shapes.push({ orphans: after.model.orphans.map((object) => object.name), nodes: after.model.nodes.length });
      }
      expect(shapes).toEqual([
        { orphans: ['tenants'], nodes: 3 },
        { orphans: [], nodes: 6 },
      ]);
    });

    it('patches when a set comes in a file of its own, then goes: a root with its generated nodes outside the rendered folder, an orphan inside', () => {
      for (const file of ['bootstrap/teams.yaml', 'apps/teams.yaml']) {
        const base = snapshotFromTexts(WITH_SET);
        const memo = new AnalysisMemo();
        analyze(base, { memo });
        const teams = applicationSet(2, ['red', 'amber']).replace('name: tenants', 'name: teams').replace('tenant-{{tenant}}', 'team-{{tenant}}');
        const withSet = { ...base, files: new Map([...base.files, [file, { kind: 'text', text: teams } as const]]) };
        const came = analyze(withSet, { memo });
        const cameFresh = analyze(withSet);
        expect([file, memo.modelPatched]).toEqual([file, true]);
        expect(generatedView(came)).toEqual(generatedView(cameFresh));
        expect(outcome(came)).toEqual(outcome(cameFresh));
        expect(came.model.orphans.map((object) => object.name)).toEqual(file.startsWith('apps/') ? ['teams'] : []);
        // What the new set's Applications render is followed from then on (pass 1 keeps their reads).
        const renamedConfig = edited(withSet, { 'platform/web/config.yaml': CONFIG.replace('name: web', 'name: web-settings') });
        const followed = analyze(renamedConfig, { memo });
        expect(outcome(followed)).toEqual(outcome(analyze(renamedConfig)));
        expect(followed.model.nodes.filter((node) => node.name.startsWith('team-')).map((node) => node.resources.map((resource) => resource.object.name).join())).toEqual(file.startsWith('apps/') ? [] : ['data,web-settings', 'data,web-settings']);
        analyze(withSet, { memo });
        const went = analyze(base, { memo });
        expect([file, memo.modelPatched]).toEqual([file, true]);
        expect(generatedView(went)).toEqual(generatedView(analyze(base)));
        expect(outcome(went)).toEqual(outcome(analyze(base)));
      }
    });

    it('builds again when two generated Applications share a name (a build tells their ids apart), and matches a fresh build', () => {
      const { after, fresh, memo } = analyseSetEdit(applicationSet(3, ['blue', 'green', 'blue']));
      expect(memo.modelPatched).toBe(false);
      expect(generatedView(after)).toEqual(generatedView(fresh));
      expect(outcome(after)).toEqual(outcome(fresh));
    });

    it('builds again when a generated Application creates Applications (who creates whom changes), and matches a fresh build', () => {
      const { after, fresh, memo } = analyseSetEdit(applicationSet(3, ['blue', 'green']).replace('path: platform/web', 'path: apps'));
      expect(memo.modelPatched).toBe(false);
      expect(generatedView(after)).toEqual(generatedView(fresh));
      expect(outcome(after)).toEqual(outcome(fresh));
    });
  });

  describe('files and folders that come or go', () => {
    const WITH_PLAIN = {
      ...TEXTS,
      'apps/kustomization.yaml': 'resources:\n  - storage.yaml\n  - web.yaml\n  - plain.yaml\n',
      'apps/plain.yaml': application('plain', 'platform/plain', 3),
      'platform/plain/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n',
    };
    /** Analyses WITH_PLAIN, then with `changes` (null removes a file), with one memo; folders follow the files. */
    const analyseStructural = (changes: Record<string, string | null>): { before: Analysis; after: Analysis; fresh: Analysis; memo: AnalysisMemo } => {
      const base = snapshotFromTexts(WITH_PLAIN);
      const memo = new AnalysisMemo();
      const before = analyze(base, { memo });
      const texts: Record<string, string> = { ...WITH_PLAIN };
      for (const [path, text] of Object.entries(changes)) {
        if (text === null) delete texts[path];
        else texts[path] = text;
      }
      const rebuilt = snapshotFromTexts(texts);
      // Unchanged entries stay the same objects, as a host keeps them.
      const files = new Map([...rebuilt.files].map(([path, file]) => [path, base.files.get(path) ?? file]));
      const next = { ...rebuilt, files };
      return { before, after: analyze(next, { memo }), fresh: analyze(next), memo };
    };

    it('patches after a file comes into a folder an Application renders as a directory: only that Application (and its parent) are new nodes', () => {
      const { before, after, fresh, memo } = analyseStructural({ 'platform/plain/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: plain\n' });
      expect(memo.modelPatched).toBe(true);
      expect(outcome(after)).toEqual(outcome(fresh));
      expect(after.model.nodesById.get('apps/plain.yaml#0')?.resources.map((resource) => resource.object.kind)).toEqual(['ConfigMap', 'Secret']);
      expect(after.model.nodesById.get('apps/web.yaml#0')).toBe(before.model.nodesById.get('apps/web.yaml#0'));
    });

    it('patches after a file goes, one a kustomization lists (its Application now has a render problem) or none reads', () => {
      const listed = analyseStructural({ 'platform/web/config.yaml': null });
      expect(listed.memo.modelPatched).toBe(true);
      expect(outcome(listed.after)).toEqual(outcome(listed.fresh));
      const unread = analyseStructural({ 'platform/web/extra.yaml': null });
      expect(unread.memo.modelPatched).toBe(true);
      expect(unread.after.model.nodes).toEqual(unread.before.model.nodes);
      expect(outcome(unread.after)).toEqual(outcome(unread.fresh));
    });

    it('patches after a new folder with a file comes where nothing lists it', () => {
      const { after, fresh, memo } = analyseStructural({ 'docs/notes/readme.yaml': 'title: notes\n' });
      expect(memo.modelPatched).toBe(true);
      expect(outcome(after)).toEqual(outcome(fresh));
    });

    /** What a person sees of roots and orphans: the roots, the orphans, and every finding with its place. */
    const rootsView = (analysis: Analysis): unknown => ({
      roots: analysis.model.rootIds,
      orphans: analysis.model.orphans.map((object) => object.name),
      names: names(analysis),
      findings: analysis.findings.map((finding) => `${finding.ruleId} ${finding.location.file}:${finding.location.span.start} ${finding.message}`),
    });

    it('patches when a new file holds an Application nobody creates: an orphan in a rendered folder, a root elsewhere', () => {
      const orphan = analyseStructural({ 'apps/extra-app.yaml': application('extra', 'platform/plain', 4) });
      expect(orphan.memo.modelPatched).toBe(true);
      expect(rootsView(orphan.after)).toEqual(rootsView(orphan.fresh));
      expect(outcome(orphan.after)).toEqual(outcome(orphan.fresh));
      expect(orphan.after.model.orphans.map((object) => object.name)).toEqual(['extra']);
      const root = analyseStructural({ 'bootstrap/extra-root.yaml': application('extra', 'platform/plain', 4) });
      expect(root.memo.modelPatched).toBe(true);
      expect(rootsView(root.after)).toEqual(rootsView(root.fresh));
      expect(outcome(root.after)).toEqual(outcome(root.fresh));
      expect(root.after.model.rootIds).toEqual(['bootstrap/extra-root.yaml#0', 'root.yaml#0']);
    });

    it("follows the model's projects when a root that deploys an AppProject written nowhere (argocd-apps values) comes or goes", () => {
      const projectsRoot = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: projects
  namespace: argocd
spec:
  project: default
  sources:
    - repoURL: https://argoproj.github.io/argo-helm
      chart: argocd-apps
      targetRevision: 2.0.2
      helm:
        valueFiles: [$values/bootstrap/values.yaml]
    - repoURL: https://example.com/repo.git
      targetRevision: main
      ref: values
  destination: {server: https://kubernetes.default.svc, namespace: argocd}
`;
      const values = "projects:\n  lab:\n    namespace: argocd\n    sourceRepos: ['*']\n    destinations: [{server: '*', namespace: '*'}]\n";
      const usingLab = application('plain', 'platform/plain', 3).replace('project: default', 'project: lab');
      const came = analyseStructural({ 'apps/plain.yaml': usingLab, 'bootstrap/values.yaml': values, 'bootstrap/projects.yaml': projectsRoot });
      expect(came.after.model.projects.map((project) => project.name)).toEqual(['lab']);
      expect(outcome(came.after)).toEqual(outcome(came.fresh));
      // Then it goes: plain's project is unknown again.
      const memo = new AnalysisMemo();
      const withRoot = snapshotFromTexts({ ...WITH_PLAIN, 'apps/plain.yaml': usingLab, 'bootstrap/values.yaml': values, 'bootstrap/projects.yaml': projectsRoot });
      analyze(withRoot, { memo });
      const files = new Map(withRoot.files);
      files.delete('bootstrap/projects.yaml');
      const next = { ...withRoot, files };
      const after = analyze(next, { memo });
      const fresh = analyze(next);
      expect(after.model.projects).toEqual([]);
      expect(outcome(after)).toEqual(outcome(fresh));
      expect(after.findings.map((finding) => finding.ruleId)).toContain('project/unknown-project');
    });

    it("while an Application is typed into a new file each state is a fresh build's; once whole, it comes, changes and goes by patches", () => {
      const full = application('extra', 'platform/plain', 4);
      // Half-typed states (no name yet, no spec: a kustomize patch to Argo CD's eyes, no namespace yet) patch or build
      // (keystroke by keystroke: typingApplication.test.ts).
      const halfTyped = [full.slice(0, full.indexOf('metadata:')), full.slice(0, full.indexOf('  namespace:')), full.slice(0, full.indexOf('spec:'))];
      const whole = [full, application('extra-app', 'platform/plain', 4), `# extra\n${application('extra-app', 'platform/plain', 1)}`, null];
      const states = [...halfTyped, null, ...whole];
      for (const folder of ['apps', 'bootstrap']) {
        const memo = new AnalysisMemo();
        let texts: Record<string, string> = { ...WITH_PLAIN };
        analyze(snapshotFromTexts(texts), { memo });
        const patched: boolean[] = [];
        for (const state of states) {
          texts = { ...texts };
          if (state === null) delete texts[`${folder}/extra.yaml`];
          else texts[`${folder}/extra.yaml`] = state;
          const next = snapshotFromTexts(texts);
          const after = analyze(next, { memo });
          patched.push(memo.modelPatched);
          expect(rootsView(after)).toEqual(rootsView(analyze(next)));
        }
        expect([folder, ...patched.slice(halfTyped.length + 1)]).toEqual([folder, ...whole.map(() => true)]);
      }
    });

    it('patches when an Application or set file comes into, or goes from, a folder a root renders as a directory: the root creates it, as a fresh build', () => {
      const tenantsSet = (path: string): string =>
        `apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: tenants\n  namespace: argocd\nspec:\n  generators:\n    - list:\n        elements:\n          - tenant: blue\n          - tenant: green\n  template:\n    metadata:\n      name: "tenant-{{tenant}}"\n    spec:\n      project: default\n      source:\n        repoURL: https://example.com/repo.git\n        path: ${path}\n      destination:\n        server: https://kubernetes.default.svc\n        namespace: "{{tenant}}"\n`;
      const DIRECTORY_ROOT: Record<string, string> = {
        'root.yaml': application('root', 'apps', 0),
        'apps/storage.yaml': application('storage', 'platform/storage', 1),
        'apps/web.yaml': application('web', 'platform/web', 2),
        'platform/storage/class.yaml': TEXTS['platform/storage/class.yaml'] as string,
        'platform/web/pvc.yaml': CLAIM,
        'platform/plain/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n',
        'platform/nested/child.yaml': application('grandchild', 'platform/plain', 0),
      };
      const memo = new AnalysisMemo();
      let base = snapshotFromTexts(DIRECTORY_ROOT);
      const before = analyze(base, { memo });
      let texts = { ...DIRECTORY_ROOT };
      /** Analyses the next state with the memo (unchanged entries kept, as a host keeps them) and a fresh analysis of it. */
      const step = (changes: Record<string, string | null>): { after: Analysis; fresh: Analysis } => {
        texts = { ...texts };
        for (const [path, text] of Object.entries(changes)) {
          if (text === null) delete texts[path];
          else texts[path] = text;
        }
        const rebuilt = snapshotFromTexts(texts);
        const next = { ...rebuilt, files: new Map([...rebuilt.files].map(([path, file]) => [path, base.files.get(path) ?? file])) };
        base = next;
        return { after: analyze(next, { memo }), fresh: analyze(next) };
      };
      const states: [string, Record<string, string | null>, boolean][] = [
        ['a child comes', { 'apps/plain.yaml': application('plain', 'platform/plain', 3) }, true],
        ['its wave changes', { 'apps/plain.yaml': application('plain', 'platform/plain', 1) }, true],
        ['another child goes', { 'apps/web.yaml': null }, true],
        ['it comes back', { 'apps/web.yaml': application('web', 'platform/web', 2) }, true],
        // One that creates Applications itself changes who creates whom further down: a build.
        ['a child that creates comes', { 'apps/nested.yaml': application('nested', 'platform/nested', 4) }, false],
        ['it goes', { 'apps/nested.yaml': null }, false],
        ['the first child goes', { 'apps/plain.yaml': null }, true],
        ['a set comes', { 'apps/tenants.yaml': tenantsSet('platform/plain') }, true],
        ['the set goes', { 'apps/tenants.yaml': null }, true],
        ['a set whose Applications create Applications comes', { 'apps/tenants.yaml': tenantsSet('platform/nested') }, false],
        ['it goes', { 'apps/tenants.yaml': null }, false],
      ];
      const seen: string[] = [];
      for (const [what, changes, patches] of states) {
        const { after, fresh } = step(changes);
        expect(rootsView(after)).toEqual(rootsView(fresh));
        expect(outcome(after)).toEqual(outcome(fresh));
        expect(orderings(after)).toEqual(orderings(fresh));
        seen.push(`${what}: ${memo.modelPatched ? 'patched' : 'built'}`);
        expect(seen.at(-1)).toBe(`${what}: ${patches ? 'patched' : 'built'}`);
      }
      expect(before.model.nodesById.get('apps/storage.yaml#0')?.ordering.parentId).toBe('root.yaml#0');
    });

    it('patches when a new Application (an orphan) comes to be listed by the root; builds again when a Helm chart comes; either way as a fresh build', () => {
      // (analyseStructural keeps the entries of files it had: the kustomization's edit is made as a host sends it.)
      const memo = new AnalysisMemo();
      const base = snapshotFromTexts(WITH_PLAIN);
      analyze(base, { memo });
      const withFile = snapshotFromTexts({ ...WITH_PLAIN, 'apps/extra-app.yaml': application('extra', 'platform/plain', 4) });
      analyze({ ...withFile, files: new Map([...withFile.files].map(([path, file]) => [path, base.files.get(path) ?? file])) }, { memo });
      expect(memo.modelPatched).toBe(true);
      const listed = edited({ ...withFile, files: new Map([...withFile.files].map(([path, file]) => [path, base.files.get(path) ?? file])) }, {
        'apps/kustomization.yaml': 'resources:\n  - storage.yaml\n  - web.yaml\n  - plain.yaml\n  - extra-app.yaml\n',
      });
      const after = analyze(listed, { memo });
      expect(memo.modelPatched).toBe(true);
      expect(rootsView(after)).toEqual(rootsView(analyze(listed)));
      expect(after.model.nodesById.get('root.yaml#0')?.childIds).toContain('apps/extra-app.yaml#0');
      const chart = analyseStructural({ 'platform/plain/Chart.yaml': 'apiVersion: v2\nname: plain\nversion: 0.1.0\n' });
      expect(chart.memo.modelPatched).toBe(false);
      expect(outcome(chart.after)).toEqual(outcome(chart.fresh));
    });
  });
});
