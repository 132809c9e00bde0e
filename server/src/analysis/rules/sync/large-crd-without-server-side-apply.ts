// Rule sync/large-crd-without-server-side-apply: a CRD too big for client-side apply's last-applied annotation.
import { SYNC_OPTIONS_ANNOTATION } from '../../model/syncWave';
import type { Fix } from '../../fixes/types';
import { appendToSequence, replaceScalar } from '../../fixes/yamlEdits';
import { getPath } from '../../kube/kubeObject';
import type { KubeObject } from '../../kube/kubeObject';
import { locateField } from '../../kube/locateObject';
import type { AppNode } from '../../model/types';
import type { ApplicationSpec } from '../../argo/types';
import { listNames } from '../../projects/applicationsToJudge';
import { NodesWhere } from '../../model/nodePositions';
import type { RepoIndex } from '../../repoIndex';
import { defineCheck } from '../check';
import { problem, type Problem } from '../rule';
import { ANNOTATIONS_SIZE_LIMIT, estimatedAnnotationsSize } from './support/lastAppliedSize';


/** A rendered CustomResourceDefinition whose last-applied annotation would exceed 262,144 bytes, synced without SSA or Replace. */
export const largeCrdWithoutServerSideApply = defineCheck(
  {
    id: 'sync/large-crd-without-server-side-apply',
    defaultSeverity: 'error',
    summary: 'A CustomResourceDefinition too large for client-side apply (annotations over 262144 bytes) in an Application without ServerSideApply=true or Replace=true.',
  },
  (context) => {
    const { index, model } = context;
    const byDefinition = new Map<string, { object: KubeObject; size: number; applications: AppNode[] }>();
    for (const node of nodesWithOversizedDefinitions.of(model.nodes)) {
      for (const { key, object, size } of oversizedDefinitions(node, node.application as ApplicationSpec)) {
        const entry = byDefinition.get(key) ?? { object, size, applications: [] };
        entry.applications.push(node);
        byDefinition.set(key, entry);
      }
    }
    const problems: Problem[] = [];
    for (const { object, size, applications } of byDefinition.values()) {
      const names = listNames([...new Set(applications.map((node) => node.name))]);
      const found = problem(
        largeCrdWithoutServerSideApply,
        `CustomResourceDefinition ${object.name} is about ${Math.round(size / 1024)} KiB as JSON, so client-side apply's last-applied-configuration annotation exceeds the limit and the sync of ${names} fails: "metadata.annotations: Too long: must have at most ${ANNOTATIONS_SIZE_LIMIT} bytes". Add ServerSideApply=true to the Application's syncOptions (or to this CRD's ${SYNC_OPTIONS_ANNOTATION} annotation).`,
        locateField(index, object.origin, ['metadata', 'name']),
      );
      const fixes = serverSideApplyFixes(index, applications);
      problems.push(fixes.length > 0 ? { ...found, fixes } : found);
    }
    return problems;
  },
);

/**
 * The Applications judged (see `applicationsToJudge`) that apply a CRD too large for client-side apply, in model order,
 * followed from one model to the next by place (a node's list is its own: its resources and sync options).
 */
const nodesWithOversizedDefinitions = new NodesWhere(
  (node) => node.kind === 'Application' && node.application !== undefined && !node.application.looksLikePatch && oversizedDefinitions(node, node.application).length > 0,
);

/** A CRD too large for client-side apply that one Application applies that way. */
interface OversizedDefinition {
  readonly key: string;
  readonly object: KubeObject;
  readonly size: number;
}

/** Per node (its resources and sync options are its own): a kept node keeps its list. */
const oversizedByNode = new WeakMap<AppNode, readonly OversizedDefinition[]>();

/** The CRDs among a node's resources that client-side apply cannot apply (too large, without SSA or Replace). */
function oversizedDefinitions(node: AppNode, application: ApplicationSpec): readonly OversizedDefinition[] {
  let found = oversizedByNode.get(node);
  if (found !== undefined) return found;
  const list: OversizedDefinition[] = [];
  for (const { object } of node.resources) {
    if (object.kind !== 'CustomResourceDefinition' || object.group !== 'apiextensions.k8s.io') continue;
    if (avoidsClientSideApply(application.syncPolicy.syncOptions, object)) continue;
    const size = estimatedAnnotationsSize(object);
    if (size <= ANNOTATIONS_SIZE_LIMIT) continue;
    list.push({ key: `${object.origin.file}#${object.origin.documentIndex}:${object.origin.path.join('.')}`, object, size });
  }
  oversizedByNode.set(node, (found = list));
  return found;
}

/** True when the resource is applied with server-side apply or replace (resource-level options win for SSA). */
function avoidsClientSideApply(applicationOptions: ReadonlyMap<string, string>, object: KubeObject): boolean {
  const resourceOptions = new Map<string, string>();
  for (const option of (object.annotations[SYNC_OPTIONS_ANNOTATION] ?? '').split(',')) {
    const [key, value] = option.trim().split('=');
    if (key !== undefined && key !== '') resourceOptions.set(key, value ?? '');
  }
  if (resourceOptions.get('Replace') === 'true' || applicationOptions.get('Replace') === 'true') return true;
  const serverSideApply = resourceOptions.get('ServerSideApply') ?? applicationOptions.get('ServerSideApply');
  return serverSideApply === 'true';
}

/** One fix per Application definition (a set's template counts once): `ServerSideApply=true` in its syncOptions. */
function serverSideApplyFixes(index: RepoIndex, applications: readonly AppNode[]): Fix[] {
  const fixes: Fix[] = [];
  const seen = new Set<string>();
  for (const node of applications) {
    const key = `${node.origin.file}#${node.origin.documentIndex}:${node.origin.path.join('.')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const options = getPath(node.object.body, ['spec', 'syncPolicy', 'syncOptions']);
    const disabledAt = Array.isArray(options) ? options.indexOf('ServerSideApply=false') : -1;
    const edits =
      disabledAt >= 0
        ? replaceScalar(index, node.origin, ['spec', 'syncPolicy', 'syncOptions', disabledAt], 'ServerSideApply=true')
        : appendToSequence(index, node.origin, ['spec', 'syncPolicy', 'syncOptions'], 'ServerSideApply=true');
    if (edits) fixes.push({ title: `Add ServerSideApply=true to the syncOptions of ${node.name}`, edits, preferred: fixes.length === 0 });
  }
  return fixes;
}
