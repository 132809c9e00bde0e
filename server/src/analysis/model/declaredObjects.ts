// Finds every Argo CD object written in the repository's YAML (before knowing who creates what).
import type { RepoIndex } from '../repoIndex';
import { objectFromDocument, type KubeObject, type ObjectOrigin } from '../kube/kubeObject';

/** A stable key for where an object is written: `file#document` plus its path inside the document. */
export function originKey(origin: ObjectOrigin): string {
  const base = `${origin.file}#${origin.documentIndex}`;
  return origin.path.length === 0 ? base : `${base}:${origin.path.join('.')}`;
}

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

/** Scans every parsed YAML/JSON file of the repository for Applications, ApplicationSets and AppProjects. */
export function findDeclaredArgoObjects(index: RepoIndex): DeclaredArgoObjects {
  const applications: KubeObject[] = [];
  const applicationSets: KubeObject[] = [];
  const projects: KubeObject[] = [];
  for (const path of index.allFiles()) {
    const parsed = index.parsed(path);
    if (!parsed) continue;
    for (const document of parsed.documents) {
      const object = objectFromDocument(document);
      if (!object || object.group !== 'argoproj.io') continue;
      if (object.kind === 'Application') applications.push(object);
      else if (object.kind === 'ApplicationSet') applicationSets.push(object);
      else if (object.kind === 'AppProject') projects.push(object);
    }
  }
  return { applications, applicationSets, projects };
}

/** The objects of a render a node deploys as resources: everything but the Applications and ApplicationSets it creates. */
export function isDeployedResource(object: KubeObject): boolean {
  return !isArgoKind(object, 'Application') && !isArgoKind(object, 'ApplicationSet');
}
