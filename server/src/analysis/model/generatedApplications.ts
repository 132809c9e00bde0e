// The Applications an ApplicationSet's expansion generates, as objects at the set's template (kept per expansion and body).
import type { ExpansionResult } from '../appsets/expansionTypes';
import { objectFromBody, type KubeObject } from '../kube/kubeObject';
import { originKey } from './declaredObjects';

/** A generated Application: its object and its generator's parameters. */
export interface GeneratedEntry {
  readonly generatedObject: KubeObject;
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** Generated Applications in name order, by expansion: a kept expansion keeps its sorted list. */
const generatedByExpansion = new WeakMap<ExpansionResult, { readonly setKey: string; readonly entries: readonly GeneratedEntry[] }>();

/** The Applications an expansion generates, as objects at the set's template, in name order (the order nodes get). */
export function generatedInNameOrder(applicationSet: KubeObject, expansion: ExpansionResult): readonly GeneratedEntry[] {
  const setKey = originKey(applicationSet.origin);
  const known = generatedByExpansion.get(expansion);
  if (known !== undefined && known.setKey === setKey) return known.entries;
  const entries: GeneratedEntry[] = [];
  for (const generated of expansion.applications) {
    const generatedObject = generatedApplicationObject(applicationSet, generated.body);
    if (generatedObject) entries.push({ generatedObject, parameters: generated.parameters });
  }
  entries.sort((a, b) => a.generatedObject.name.localeCompare(b.generatedObject.name));
  generatedByExpansion.set(expansion, { setKey, entries });
  return entries;
}

/** Generated Applications as objects, by body: a kept expansion keeps its bodies, and so its objects. */
const generatedObjects = new WeakMap<object, { readonly setKey: string; readonly object: KubeObject | undefined }>();

/** A generated Application body as an object written at its set's `spec.template`. */
export function generatedApplicationObject(applicationSet: KubeObject, body: Readonly<Record<string, unknown>>): KubeObject | undefined {
  const setKey = originKey(applicationSet.origin);
  const known = generatedObjects.get(body);
  if (known !== undefined && known.setKey === setKey) return known.object;
  const object = objectFromBody(body, { ...applicationSet.origin, path: [...applicationSet.origin.path, 'spec', 'template'] });
  generatedObjects.set(body, { setKey, object });
  return object;
}
