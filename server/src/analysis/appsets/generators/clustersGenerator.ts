// The clusters generator: one parameter set per known cluster matching the generator's label selector.
import { invalidGenerator } from '../../rules/appset/invalid-generator';
import { knownClusters } from '../clusterSecrets';
import type { ClusterInfo } from '../expansionTypes';
import { parseLabelSelector } from '../labelSelector';
import { sanitizeName } from '../sanitizeName';
import type { GeneratorImplementation, ParameterSet } from './generatorTypes';
import { appendTemplatedValues } from './templatedValues';

/**
 * `clusters.selector` filters cluster Secrets by their labels. The implicit local cluster has no
 * Secret and so no labels: Argo CD leaves it out whenever the selector is non-empty, even a
 * `NotIn` selector it would otherwise satisfy. `flatList: true` yields one set `{clusters: [...]}`.
 */
export const clustersGenerator: GeneratorImplementation = (body, bodyPath, _input, environment) => {
  const selector = parseLabelSelector(body.selector);
  if (!selector.ok) {
    environment.report(invalidGenerator, `Invalid cluster selector: ${selector.error}.`, [...bodyPath, 'selector']);
    return [];
  }
  const sets: ParameterSet[] = [];
  for (const cluster of knownClusters(environment.context.clusterSecrets)) {
    if (cluster.implicit ? !selector.empty : !selector.matches(cluster.labels)) continue;
    const parameters = clusterParameters(cluster, environment.mode.goTemplate);
    if (!appendTemplatedValues(parameters, body.values, [...bodyPath, 'values'], environment)) return [];
    sets.push(parameters);
  }
  if (body.flatList === true) return [{ clusters: sets }];
  return sets;
};

/** `name`, `nameNormalized`, `server`, `project` and the Secret's labels/annotations. */
export function clusterParameters(cluster: ClusterInfo, goTemplate: boolean): ParameterSet {
  const parameters: ParameterSet = {
    name: cluster.name,
    nameNormalized: sanitizeName(cluster.name),
    server: cluster.server,
    project: cluster.project ?? '',
  };
  if (cluster.implicit) return parameters;
  if (goTemplate) {
    const metadata: Record<string, unknown> = {};
    if (Object.keys(cluster.annotations).length > 0) metadata.annotations = { ...cluster.annotations };
    if (Object.keys(cluster.labels).length > 0) metadata.labels = { ...cluster.labels };
    parameters.metadata = metadata;
  } else {
    for (const [key, value] of Object.entries(cluster.annotations)) parameters[`metadata.annotations.${key}`] = value;
    for (const [key, value] of Object.entries(cluster.labels)) parameters[`metadata.labels.${key}`] = value;
  }
  return parameters;
}
