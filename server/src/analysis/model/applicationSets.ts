// ApplicationSets in the model: their readings, their expansions (kept across analyses) and what a set fixes for its Applications.
import { expandApplicationSet } from '../appsets/expandApplicationSet';
import type { ExpansionContext, ExpansionResult } from '../appsets/expansionTypes';
import { readApplicationSet } from '../argo/readApplicationSet';
import type { ApplicationSetSpec } from '../argo/types';
import type { AnalysisMemo } from '../incremental/analysisMemo';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { originKey } from './declaredObjects';

/** ApplicationSet readings by object (a reading depends on the object only): a kept object keeps its reading. */
const applicationSetReadings = new WeakMap<KubeObject, ApplicationSetSpec>();

/** An ApplicationSet object's reading (kept per object). */
export function applicationSetOf(object: KubeObject, index: RepoIndex): ApplicationSetSpec {
  let applicationSet = applicationSetReadings.get(object);
  if (applicationSet === undefined) applicationSetReadings.set(object, (applicationSet = readApplicationSet(object, index).applicationSet));
  return applicationSet;
}

/**
 * An ApplicationSet's expansion; with a memo, reused while what it read is unchanged and kept as the previous
 * result object when it generates the same (see `AnalysisMemo.keptExpansion`). The set's body (a render may have
 * patched it) and the repository facts (`facts`) are the inputs besides the files read.
 */
export function expandWithMemo(applicationSet: KubeObject, context: ExpansionContext, facts: string, memo: AnalysisMemo | undefined): ExpansionResult {
  const expand = (): ExpansionResult => expandApplicationSet(applicationSet, context);
  if (!memo) return expand();
  const key = originKey(applicationSet.origin);
  return memo.keptExpansion(key, memo.expansions.get(context.index, expansionKeyOf(applicationSet, key, facts), expand));
}

/**
 * A set's place, body and the facts as text, made once per object and facts: objects never change, and the same
 * string object keeps its hash (a patch that re-runs every set serialised each, and hashed a new long key each time).
 */
function expansionKeyOf(applicationSet: KubeObject, place: string, facts: string): string {
  let known = expansionKeys.get(applicationSet);
  if (known === undefined || known.facts !== facts) {
    const body = known?.body ?? `${place}\u0000${JSON.stringify(applicationSet.body)}`;
    expansionKeys.set(applicationSet, (known = { facts, body, key: `${body}\u0000${facts}` }));
  }
  return known.key;
}

const expansionKeys = new WeakMap<KubeObject, { readonly facts: string; readonly body: string; readonly key: string }>();

/** The namespace every Application of a set is deployed to, when its template fixes one (no `{{ … }}`). */
export function fixedTemplateNamespace(applicationSet: ApplicationSetSpec): string | undefined {
  const templateNamespace = applicationSet.template ? (applicationSet.template as { spec?: { destination?: { namespace?: unknown } } }).spec?.destination?.namespace : undefined;
  return typeof templateNamespace === 'string' && !templateNamespace.includes('{{') ? templateNamespace : undefined;
}
