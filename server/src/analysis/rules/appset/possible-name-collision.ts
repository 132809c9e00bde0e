// Rule appset/possible-name-collision: two ApplicationSets whose clusters generators can render the same Application name for a cluster.
import { isRecord } from '../../kube/kubeObject';
import { locateField } from '../../kube/locateObject';
import type { RepoIndex } from '../../repoIndex';
import type { ValuePath } from '../../yaml/yamlDocument';
import { defineCheck } from '../check';
import { problem, type Problem, type RelatedLocation } from '../rule';
import { satisfyingLabels } from './support/clusterConstraint';
import { clusterVariants, possibleCollisions, type ClusterVariant, type PossibleCollision } from './support/nameCollisions';
import { ANY_VALUE_PLACEHOLDER, displaySymbolic } from './support/symbolicNames';

/** Two ApplicationSets whose cluster selectors can match one cluster render the same Application name for it. */
export const possibleNameCollision = defineCheck(
  {
    id: 'appset/possible-name-collision',
    defaultSeverity: 'warning',
    summary: 'Two ApplicationSets whose clusters generators can select the same cluster render the same Application name for it: their Applications would overwrite each other.',
  },
  (context) => {
    const collisions = possibleCollisions(clusterVariants(context.index, context.model), context.model);
    return collisions.flatMap((collision) => [
      collisionProblem(context.index, collision, collision.first, collision.second),
      collisionProblem(context.index, collision, collision.second, collision.first),
    ]);
  },
);

/** The finding on `own`'s template name, pointing at `other` and at both selectors. */
function collisionProblem(index: RepoIndex, collision: PossibleCollision, own: ClusterVariant, other: ClusterVariant): Problem {
  const name = displaySymbolic(collision.symbolicName);
  const where = collision.bothMatch
    ? `for a cluster both select, e.g. one labelled ${labelText(collision.bothMatch)}`
    : `whatever the cluster, so one cluster each selector matches is enough (e.g. ${labelText(exampleOf(own))} and ${labelText(exampleOf(other))})`;
  const message =
    `ApplicationSet ${own.set.name} and ApplicationSet ${other.set.name} (${other.set.origin.file}) both render Application '${name}' in namespace ${own.namespace} ${where}: ` +
    `the two sets would overwrite each other's Application. Symbolic analysis: no cluster Secret in the repository shows such a cluster, but the selectors allow one.`;
  const related: RelatedLocation[] = [
    { message: `ApplicationSet ${other.set.name} renders the same name here`, location: locateField(index, other.set.origin, templateNamePath(other), 'value') },
    ...own.constraint.selectorPaths.map((path) => ({ message: `the cluster selector of ${own.set.name}`, location: locateField(index, own.set.origin, path) })),
    ...other.constraint.selectorPaths.map((path) => ({ message: `the cluster selector of ${other.set.name}`, location: locateField(index, other.set.origin, path) })),
  ];
  return problem(possibleNameCollision, message, locateField(index, own.set.origin, templateNamePath(own), 'value'), related);
}

/** Where the name template is written: the generator's own template when it sets a name (top-level generators only), else the set's. */
function templateNamePath(variant: ClusterVariant): ValuePath {
  const spec = isRecord(variant.set.object.body.spec) ? variant.set.object.body.spec : {};
  const entry = Array.isArray(spec.generators) ? spec.generators[variant.generatorIndex] : undefined;
  if (isRecord(entry)) {
    for (const [kind, body] of Object.entries(entry)) {
      if (isRecord(body) && isRecord(body.template) && isRecord(body.template.metadata) && body.template.metadata.name !== undefined) {
        return ['spec', 'generators', variant.generatorIndex, kind, 'template', 'metadata', 'name'];
      }
    }
  }
  return ['spec', 'template', 'metadata', 'name'];
}

function exampleOf(variant: ClusterVariant): Readonly<Record<string, string>> {
  return satisfyingLabels(variant.constraint.requirements, ANY_VALUE_PLACEHOLDER, 'absent') ?? {};
}

/** `{a=1, b=⟨any⟩}` (keys sorted, so both findings of a pair show the same set), or a phrase when no label is needed. */
function labelText(labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return '{} (any labels)';
  return `{${entries.map(([key, value]) => `${key}=${displaySymbolic(value)}`).join(', ')}}`;
}
