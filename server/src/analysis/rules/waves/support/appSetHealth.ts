// Whether this repository configures its own ApplicationSet health check (which could make waves wait for generated Applications).
import { getPath, isRecord } from '../../../kube/kubeObject';
import type { RepositoryModel } from '../../../model/types';
import type { RepoIndex } from '../../../repoIndex';

/** The split key of a custom ApplicationSet health check in argocd-cm. */
export const APPLICATION_SET_HEALTH_KEY = 'resource.customizations.health.argoproj.io_ApplicationSet';

/**
 * True when a place that configures Argo CD overrides the ApplicationSet health check (split key, or
 * the legacy `resource.customizations` block naming `argoproj.io/ApplicationSet`). Such a script may
 * aggregate `status.resources[*].health` and make a parent wait (code-derived, untested), so the
 * analysis cannot say the waves do not wait.
 */
export function hasCustomApplicationSetHealth(index: RepoIndex, model: RepositoryModel): boolean {
  return model.argoConfigLocations.some((location) => {
    const document = index.parsed(location.file)?.documents.find((candidate) => candidate.index === location.documentIndex);
    const map = getPath(document?.value, location.mapPath);
    if (!isRecord(map)) return false;
    const legacy = map['resource.customizations'];
    return map[APPLICATION_SET_HEALTH_KEY] !== undefined || (typeof legacy === 'string' && legacy.includes('argoproj.io/ApplicationSet'));
  });
}
