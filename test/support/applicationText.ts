// The text of one Application file: a name, the folder it renders and its sync wave (fixtures of model tests).

/** An Application in namespace argocd rendering `path` of https://example.com/repo.git into namespace `name`, in wave `wave`. */
export function applicationText(name: string, path: string, wave: number): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd
  annotations:
    argocd.argoproj.io/sync-wave: "${wave}"
spec:
  project: default
  source:
    repoURL: https://example.com/repo.git
    path: ${path}
  destination:
    server: https://kubernetes.default.svc
    namespace: ${name}
`;
}
