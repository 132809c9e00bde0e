// Finds every Argo CD object written in the repository's YAML (before knowing who creates what).
import type { RepoIndex } from '../repoIndex';
import { objectFromDocument, type KubeObject, type ObjectOrigin } from '../kube/kubeObject';

/** A stable key for where an object is written: `file#document` plus its path inside the document. */
export function originKey(origin: ObjectOrigin): string {
  // Origins are immutable and kept with kept parses and renders: each key is built once.
  let key = originKeys.get(origin);
  if (key === undefined) {
    const base = `${origin.file}#${origin.documentIndex}`;
    originKeys.set(origin, (key = origin.path.length === 0 ? base : `${base}:${origin.path.join('.')}`));
  }
  return key;
}

const originKeys = new WeakMap<ObjectOrigin, string>();

/** True for `argoproj.io` objects of a kind. */
export function isArgoKind(object: KubeObject, kind: 'Application' | 'ApplicationSet' | 'AppProject'): boolean {
  return object.group === 'argoproj.io' && object.kind === kind;
}

/** The Argo CD objects written in the repository, by kind, in file order. */
export interface DeclaredArgoObjects {
  readonly applications: readonly KubeObject[];
  readonly applicationSets: readonly KubeObject[];
  readonly projects: readonly KubeObject[];
}

/** The name of the scan that finds the written Argo CD objects (a build's read of it names it). */
export const DECLARED_ARGO_OBJECTS_SCAN = 'model/declared-argo-objects';

/**
 * True when two objects are the same written object, maybe with another body, name or namespace: same kind and
 * apiVersion, written at the same place (file, document, path). An edit that keeps these keeps who creates whom
 * (creators are known by place) and every node's id: a node's id is its place, so a renamed Application or
 * ApplicationSet is the same node under another name or in another namespace (its children's orderings, which name
 * it, are made again; what reads the namespace reads the new node object), and a renamed AppProject is the same
 * written project read again.
 */
export function sameWrittenIdentity(a: KubeObject, b: KubeObject): boolean {
  return a === b || (a.kind === b.kind && a.apiVersion === b.apiVersion && originKey(a.origin) === originKey(b.origin));
}

/** Scans every parsed YAML/JSON file of the repository for Applications, ApplicationSets and AppProjects. */
export function findDeclaredArgoObjects(index: RepoIndex): DeclaredArgoObjects {
  // File by file, so an index that follows another rescans only the changed files.
  const objects = index.scanEveryFile(DECLARED_ARGO_OBJECTS_SCAN, argoObjectsIn);
  let declared = declaredByScan.get(objects);
  if (!declared) declaredByScan.set(objects, (declared = byKind(objects)));
  return declared;
}

/** The split of a scan's objects by kind, kept while the scan's list is the same. */
const declaredByScan = new WeakMap<readonly KubeObject[], DeclaredArgoObjects>();

const DECLARED_KINDS: ReadonlySet<string> = new Set(['Application', 'ApplicationSet', 'AppProject']);

function argoObjectsIn(index: RepoIndex, path: string): readonly KubeObject[] {
  const documents = index.parsed(path)?.documents;
  if (!documents) return NONE;
  let found: KubeObject[] | undefined;
  for (const document of documents) {
    const object = objectFromDocument(document);
    if (object && object.group === 'argoproj.io' && DECLARED_KINDS.has(object.kind)) (found ??= []).push(object);
  }
  return found ?? NONE;
}

const NONE: readonly KubeObject[] = [];

function byKind(objects: readonly KubeObject[]): DeclaredArgoObjects {
  return {
    applications: objects.filter((object) => object.kind === 'Application'),
    applicationSets: objects.filter((object) => object.kind === 'ApplicationSet'),
    projects: objects.filter((object) => object.kind === 'AppProject'),
  };
}

/** The objects of a render a node deploys as resources: everything but the Applications and ApplicationSets it creates. */
export function isDeployedResource(object: KubeObject): boolean {
  return !isArgoKind(object, 'Application') && !isArgoKind(object, 'ApplicationSet');
}
