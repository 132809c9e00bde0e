// Text renderings of the boot plan (`plan`) and the tree (`tree`).
import type { Analysis } from '../analysis/analyze';
import type { DependencyGraph } from '../analysis/dependencies/types';
import type { AppNode, Gating } from '../analysis/model/types';
import { planDependencies } from '../analysis/views/planDependencies';
import { nameLine, type TreeNode } from '../analysis/views/planView';
import { planNeedLines } from './formatPlanNeeds';

const GATING_LABELS: Record<Gating, string> = {
  health: 'later waves wait until it is Healthy',
  generation: 'later waves wait only until its Applications are generated',
  none: 'created in order, but nothing waits for it (no Application health check)',
  unordered: 'not ordered by any sync',
};

/**
 * The boot plan: for every Application that creates others, its sync's waves and what each wave waits
 * for; under each app, what it needs (from `graph`), whether that is ready first, and what needs it.
 */
export function formatPlanText(analysis: Analysis, directory: string, graph: DependencyGraph = analysis.graph): string {
  const { model } = analysis;
  const dependencies = planDependencies(model, graph);
  const needs = (node: AppNode, indent: string): string[] => planNeedLines(model, node, dependencies, indent);
  const lines: string[] = [`Boot plan of ${directory}`];
  const repository = model.repository.urls.length > 0 ? `${model.repository.urls.join(', ')} (${describeHow(model.repository.how)})` : 'unknown (no git remote, no --repo-url, nothing to infer from)';
  lines.push(`Repository: ${repository}`);
  const health = model.healthCustomizations[0];
  lines.push(
    health
      ? `Application health check: ${health.location.file}:${analysis.index.position(health.location).line + 1} — child Applications gate later waves.`
      : 'Application health check: not configured — Application waves order creation only; nothing waits for a child Application to be healthy.',
  );
  if (model.rootIds.length === 0) lines.push('', 'No Application found.');
  const printed = new Set<string>();
  const printSync = (node: AppNode): void => {
    if (printed.has(node.id)) return;
    printed.add(node.id);
    const children = node.childIds.map((id) => model.nodesById.get(id)).filter((child): child is AppNode => child !== undefined);
    const isRoot = node.ordering.parentId === undefined && !node.generatedById;
    lines.push('', `${isRoot ? 'Root ' : ''}${node.kind} ${node.name}  (${node.origin.file}:${nameLine(analysis, node.origin)})`);
    // Other apps had their needs printed where their parent's sync lists them.
    if (isRoot) lines.push(...needs(node, '  '));
    if (node.kind === 'ApplicationSet') {
      lines.push(`  generates ${children.length} Application(s); their waves order nothing:`);
      for (const child of children) {
        lines.push(`    ${child.name}${child.destinationNamespace ? ` → ${child.destinationNamespace}` : ''}`);
        lines.push(...needs(child, '      '));
      }
    } else if (children.length > 0) {
      lines.push('  its sync creates, wave by wave:');
      const waves = [...new Set(children.map((child) => child.wave.wave))].sort((a, b) => a - b);
      for (const wave of waves) {
        lines.push(`  wave ${wave}`);
        for (const child of children.filter((candidate) => candidate.wave.wave === wave)) {
          const destination = child.destinationNamespace ? ` → ${child.destinationNamespace}` : '';
          lines.push(`    ${child.kind} ${child.name}${destination}: ${GATING_LABELS[child.ordering.gating]}`);
          lines.push(...needs(child, '      '));
        }
      }
    } else {
      const resources = node.resources.length;
      lines.push(`  deploys ${resources} resource(s)${node.renders.some((render) => render.notExpanded) ? ' (partly rendered by Helm or a plugin, not expanded)' : ''}`);
    }
    for (const child of children) if (child.childIds.length > 0) printSync(child);
  };
  for (const rootId of model.rootIds) {
    const root = model.nodesById.get(rootId);
    if (root) printSync(root);
  }
  if (model.orphans.length > 0) {
    lines.push('', 'Never created (in a rendered folder but not included by its source):');
    for (const orphan of model.orphans) lines.push(`  ${orphan.kind} ${orphan.name}  (${orphan.origin.file}:${nameLine(analysis, orphan.origin)})`);
  }
  const applications = model.nodes.filter((node) => node.kind === 'Application').length;
  const sets = model.nodes.length - applications;
  lines.push('', `${model.rootIds.length} root(s), ${sets} ApplicationSet(s), ${applications} Application(s).`);
  return lines.join('\n');
}

function describeHow(how: string): string {
  switch (how) {
    case 'option':
      return 'from --repo-url or .gitops-waves.yaml';
    case 'git-remote':
      return 'from the git remotes';
    case 'inferred':
      return 'inferred from the Applications whose paths exist here';
    default:
      return how;
  }
}

/** The tree: roots → ApplicationSets → Applications → resources, each with its wave. */
export function formatTreeText(tree: readonly TreeNode[]): string {
  const lines: string[] = [];
  const walk = (node: TreeNode, depth: number): void => {
    const indent = '  '.repeat(depth);
    lines.push(`${indent}${node.kind} ${node.name}  wave ${node.wave}  ${node.file}:${node.line}`);
    for (const note of node.notExpanded) lines.push(`${indent}  (${note})`);
    for (const external of node.externalSources) lines.push(`${indent}  (external source: ${external})`);
    for (const child of node.children) walk(child, depth + 1);
    for (const resource of node.resources) {
      const hooks = resource.hooks.length > 0 ? `  hook ${resource.hooks.join(',')}` : '';
      lines.push(`${indent}  ${resource.kind}/${resource.name}${resource.namespace ? ` (${resource.namespace})` : ''}  wave ${resource.wave}${hooks}  ${resource.file}:${resource.line}`);
    }
  };
  for (const root of tree) walk(root, 0);
  if (tree.length === 0) lines.push('No Application found.');
  return lines.join('\n');
}
