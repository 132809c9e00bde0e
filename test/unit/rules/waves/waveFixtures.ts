// Fixture builders for the wave rules: a root Application rendering apps/, child Applications and ApplicationSets.

/** The URL every fixture Application uses for the fixture repository. */
export const REPO = 'https://github.com/example/fixture.git';

/** The project config naming REPO as this repository, and the root Application rendering `apps/`. */
export function rootApplication(annotations = ''): string {
  return `#- .gitops-waves.yaml
repoURL: ${REPO}
#- bootstrap/root.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: root
  namespace: argocd
${annotations}spec:
  project: default
  source:
    repoURL: ${REPO}
    path: apps
  destination:
    server: https://kubernetes.default.svc
    namespace: argocd
`;
}

/** A child Application in `apps/<name>.yaml` deploying `workloads/<name>`, with the annotation lines given (YAML text, 4 spaces in). */
export function childApplication(name: string, annotationLines: string): string {
  return `#- apps/${name}.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd
  annotations:
${annotationLines}
spec:
  project: default
  source:
    repoURL: ${REPO}
    path: workloads/${name}
  destination:
    server: https://kubernetes.default.svc
    namespace: ${name}
`;
}

/** A git-directories ApplicationSet in `apps/<name>.yaml` generating one Application per folder under `<name>/`, at a wave. */
export function directorySet(name: string, wave: number, extraSpec = '', templateAnnotations = ''): string {
  return `#- apps/${name}.yaml
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: ${name}
  namespace: argocd
  annotations:
    argocd.argoproj.io/sync-wave: "${wave}"
spec:
${extraSpec}  generators:
    - git:
        repoURL: ${REPO}
        revision: HEAD
        directories:
          - path: ${name}/*
  template:
    metadata:
      name: "${name}-{{path.basename}}"
${templateAnnotations}    spec:
      project: default
      source:
        repoURL: ${REPO}
        path: "{{path}}"
      destination:
        server: https://kubernetes.default.svc
        namespace: "{{path.basename}}"
`;
}

/** A ConfigMap file at `path`, for folders Applications deploy. */
export function configMap(path: string, name: string, annotationLines = ''): string {
  return `#- ${path}
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
${annotationLines ? `  annotations:\n${annotationLines}\n` : ''}data:
  key: value
`;
}

/** Turns files back into a fixture text (to re-run a check on fixed files). */
export function toFixture(files: Readonly<Record<string, string>>): string {
  return Object.entries(files)
    .map(([path, text]) => `#- ${path}\n${text}`)
    .join('');
}

/** Paths whose text differs between two file sets. */
export function changedFiles(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string[] {
  return Object.keys(after).filter((path) => before[path] !== after[path]).sort();
}

/** The lines of `before` replaced and the lines of `after` written instead (between the common first and last lines). */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const oldLines = before.split('\n');
  const newLines = after.split('\n');
  let prefix = 0;
  while (prefix < oldLines.length && prefix < newLines.length && oldLines[prefix] === newLines[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < oldLines.length - prefix && suffix < newLines.length - prefix && oldLines[oldLines.length - 1 - suffix] === newLines[newLines.length - 1 - suffix]) suffix += 1;
  return { removed: oldLines.slice(prefix, oldLines.length - suffix), added: newLines.slice(prefix, newLines.length - suffix) };
}
