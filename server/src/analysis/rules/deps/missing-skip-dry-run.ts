// Rule deps/missing-skip-dry-run: a custom resource whose CRD another Application installs, not ready before this sync's dry run.
import { SYNC_OPTIONS_ANNOTATION } from '../../model/syncWave';
import type { DependencyEdge } from '../../dependencies/types';
import type { AppNode } from '../../model/types';
import type { EdgeOrdering } from '../../ordering/edgeOrdering';
import { findEdgeResource } from '../../ordering/syncPosition';
import { defineCheck, type CheckContext } from '../check';
import { problem, type Problem } from '../rule';
import { crossApplicationNeeds, crossNeedsWhere } from './support/crossNeeds';
import type { NeedGroup } from './support/needGroups';
import { PerDependentResults, type DependentJudgement } from './support/perDependent';
import { annotationHasOption, syncOptionFix } from './support/syncOptionFixes';

const OPTION = 'SkipDryRunOnMissingResource';
const MAX_LISTED = 3;

/** One custom resource of the dependent whose CRD is not there at dry-run time. */
interface MissingCrd {
  readonly edge: DependencyEdge;
  readonly ordering: EdgeOrdering;
  readonly provider: AppNode;
}

/**
 * A `crd` edge between two Applications whose provider is not ready before the dependent's sync
 * starts (not `before`, or `before` only inside the dependent's own sync, which dry-runs every wave
 * up front), without SkipDryRunOnMissingResource=true on the resource or the Application.
 */
export const missingSkipDryRun = defineCheck(
  {
    id: 'deps/missing-skip-dry-run',
    defaultSeverity: 'warning',
    summary: 'A custom resource whose CRD another Application installs, not ready before this sync, without SkipDryRunOnMissingResource=true: the first sync fails at dry run.',
  },
  (context) => {
    const needs = crossNeedsWhere(crossApplicationNeeds(context.model, context.graph), missingSkipDryRun.id, crdNotReadyBeforeDryRun);
    return keptProblems.results(context.model, needs, (dependentId, groups) => judgeDependent(context, dependentId, groups));
  },
);

/** The problems last found, per dependent: only the dependents that involve a changed node are judged again. */
const keptProblems = new PerDependentResults<Problem>();

/** The problem of one dependent whose CRD needs are not ready at dry run, and the nodes it read (the dependent, its set, the providers). */
function judgeDependent(context: CheckContext, dependentId: string, groups: readonly NeedGroup[]): DependentJudgement<Problem> {
  const { index, model } = context;
  const involved = new Set<string>([dependentId]);
  const node = model.nodesById.get(dependentId);
  if (node?.generatedById !== undefined) involved.add(node.generatedById);
  const missing: MissingCrd[] = [];
  for (const group of groups) {
    const { edge, ordering } = group.best;
    involved.add(edge.provider.nodeId);
    const provider = model.nodesById.get(edge.provider.nodeId);
    if (!node?.application || !provider) continue;
    if (node.application.syncPolicy.syncOptions.get(OPTION) === 'true') continue;
    const resource = findEdgeResource(node, edge.dependent.object)?.resource;
    if (annotationHasOption(resource?.object.annotations[SYNC_OPTIONS_ANNOTATION], OPTION)) continue;
    missing.push({ edge, ordering, provider });
  }
  const first = missing[0];
  if (node === undefined || first === undefined) return { result: undefined, involved };
  const listed = missing.slice(0, MAX_LISTED).map(({ edge }) => edge.reason).join('; ');
  const more = missing.length > MAX_LISTED ? `; and ${missing.length - MAX_LISTED} more` : '';
  const kind = (first.edge.provider.object ?? '').split('/').pop() ?? 'the';
  const message = `${node.name}: ${listed}${more}, but ${first.provider.name} is not ready before ${node.name}'s sync: ${first.ordering.explanation} Argo CD dry-runs every resource of every wave before applying anything, so on a fresh cluster ${node.name}'s sync fails at dry run ("Make sure the "${kind}" CRD is installed on the destination cluster") until the CRD exists. Add ${OPTION}=true to ${node.name}'s syncOptions (or to the resource's ${SYNC_OPTIONS_ANNOTATION} annotation).`;
  const found = problem(
    missingSkipDryRun,
    message,
    first.edge.dependent.location,
    missing.flatMap(({ edge, provider }, position) => [
      ...(position > 0 ? [{ message: `also needs a CRD from ${provider.name}: ${edge.reason}`, location: edge.dependent.location }] : []),
      { message: `${provider.name} installs the CRD: ${edge.reason}`, location: edge.provider.location },
    ]),
  );
  const capped = missing.every(({ edge }) => edge.condition !== undefined) ? { ...found, severityCap: 'info' as const } : found;
  const fix = syncOptionFix(index, model, node, OPTION, true);
  return { result: fix ? { ...capped, fixes: [fix] } : capped, involved };
}

/**
 * A need of a CRD whose deciding provider is not ready when the dependent's sync dry-runs: not ordered before it, or
 * ordered before it only inside the dependent's own sync (which still dry-runs the custom resource before any wave).
 */
function crdNotReadyBeforeDryRun(group: NeedGroup): boolean {
  const { edge, ordering } = group.best;
  return edge.kind === 'crd' && !(ordering.ordering === 'before' && ordering.syncId !== edge.dependent.nodeId);
}
