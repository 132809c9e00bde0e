// Fixture pieces for the project/* rule tests: an AppProject and Applications deploying plain folders.
export const REPO = 'https://github.com/example/lab.git';

/** An AppProject `team` in projects/team.yaml with the given spec lines (indented under `spec:`). */
export function teamProject(specLines: string, file = 'projects/team.yaml'): string {
  return `#- ${file}
apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata:
  name: team
  namespace: argocd
spec:
${specLines}`;
}

/** An Application in apps/<name>.yaml deploying the folder deploy/<name>. */
export function application(name: string, options: { project?: string; repoURL?: string; server?: string; clusterName?: string; namespace?: string } = {}): string {
  const cluster = options.clusterName !== undefined ? `name: ${options.clusterName}` : `server: ${options.server ?? 'https://kubernetes.default.svc'}`;
  return `#- apps/${name}.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd
spec:
  project: ${options.project ?? 'team'}
  source:
    repoURL: ${options.repoURL ?? REPO}
    path: deploy/${name}
  destination:
    ${cluster}
    namespace: ${options.namespace ?? 'team-a'}
`;
}

/** A plain manifest file deploy/<app>/<file>. */
export function manifest(app: string, file: string, text: string): string {
  return `#- deploy/${app}/${file}\n${text.replace(/^\n/, '')}`;
}
