// Reads an ApplicationSet object into the model's ApplicationSetSpec (generators and template stay raw).
import { getPath, isRecord, type KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import { asNonEmptyString, asString, isTrue, stringItems } from './plainValues';
import type { ApplicationSetSpec } from './types';

/**
 * Reads an ApplicationSet. It reports nothing today: the expander checks generators and
 * templates; the result keeps the reader's shape so checks can be added here later.
 */
export function readApplicationSet(object: KubeObject, _index: RepoIndex): { applicationSet: ApplicationSetSpec; problems: Problem[] } {
  const spec = isRecord(object.body.spec) ? object.body.spec : {};
  const applicationSet: ApplicationSetSpec = {
    object,
    name: object.name,
    goTemplate: isTrue(spec.goTemplate),
    goTemplateOptions: stringItems(spec.goTemplateOptions),
    generators: Array.isArray(spec.generators) ? spec.generators : [],
    template: isRecord(spec.template) ? spec.template : undefined,
    templatePatch: asString(spec.templatePatch),
    strategyType: asNonEmptyString(getPath(spec, ['strategy', 'type'])),
    applicationsSync: asNonEmptyString(getPath(spec, ['syncPolicy', 'applicationsSync'])),
    preserveResourcesOnDeletion: isTrue(getPath(spec, ['syncPolicy', 'preserveResourcesOnDeletion'])),
  };
  return { applicationSet, problems: [] };
}
