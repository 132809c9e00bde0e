// Compact listings of rendered objects for readable Kustomize snapshots.
import type { KubeObject } from '../../../server/src/analysis/kube/kubeObject';

/** One line per object: `Kind/name ns=… wave-annotation=… labels=… (from file#doc)`. */
export function listObjects(objects: readonly KubeObject[]): string {
  return objects
    .map((object) => {
      const parts = [`${object.kind}/${object.name}`];
      if (object.namespace) parts.push(`ns=${object.namespace}`);
      const wave = object.annotations['argocd.argoproj.io/sync-wave'];
      if (wave !== undefined) parts.push(`wave-annotation=${wave}`);
      const labels = Object.entries(object.labels).map(([key, value]) => `${key}=${value}`);
      if (labels.length > 0) parts.push(`labels=${labels.join(',')}`);
      const path = object.origin.path.length > 0 ? `:${object.origin.path.join('.')}` : '';
      parts.push(`(from ${object.origin.file}#${object.origin.documentIndex}${path})`);
      return parts.join(' ');
    })
    .join('\n');
}
