// Fixture pieces for the sync/* rule tests: a root Application rendering apps/, child Applications, argocd-cm.
export const REPO = 'https://github.com/example/lab.git';

/** The root Application (applied by hand) whose sync creates everything under apps/. */
export function rootApplication(syncOptions: readonly string[] = []): string {
  const options = syncOptions.length === 0 ? '' : `\n  syncPolicy:\n    syncOptions:\n${syncOptions.map((option) => `      - ${option}`).join('\n')}`;
  return `#- bootstrap/root.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: root
  namespace: argocd
spec:
  project: default
  source:
    repoURL: ${REPO}
    path: apps
  destination:
    server: https://kubernetes.default.svc
    namespace: argocd${options}
`;
}

/** A child Application in apps/<name>.yaml at a wave, with extra lines appended under `spec:` (already indented). */
export function childApplication(name: string, wave: number | undefined, specExtra = '', annotationsExtra = ''): string {
  const annotations = wave === undefined && annotationsExtra === '' ? '' : `\n  annotations:${wave === undefined ? '' : `\n    argocd.argoproj.io/sync-wave: "${wave}"`}${annotationsExtra}`;
  return `#- apps/${name}.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd${annotations}
spec:
  project: default
  source:
    repoURL: ${REPO}
    path: infra/${name}
  destination:
    server: https://kubernetes.default.svc
    namespace: ${name}
${specExtra}`;
}

/** An argocd-cm ConfigMap, with or without the Application health check. */
export function argocdConfigMap(withHealthCheck: boolean): string {
  const health = withHealthCheck
    ? `  resource.customizations.health.argoproj.io_Application: |
    hs = {}
    hs.status = "Progressing"
    if obj.status ~= nil and obj.status.health ~= nil then
      hs.status = obj.status.health.status
    end
    return hs
`
    : '';
  return `#- argocd/argocd-cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: argocd-cm
  namespace: argocd
data:
  # Argo CD settings managed in git
  timeout.reconciliation: 180s
${health}`;
}

/** Every file that differs between two file sets, as `file: before → after` texts. */
export function changedFiles(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string[] {
  return Object.keys(after).filter((file) => before[file] !== after[file]);
}

/**
 * The block of lines an edit inserted: `after` must be `before` with one contiguous run of lines
 * inserted (nothing else changed: comments and formatting kept); throws otherwise.
 */
export function insertedLines(before: string, after: string): string[] {
  const beforeLines = before.split('\n');
  const afterLines = after.split('\n');
  let start = 0;
  while (start < beforeLines.length && beforeLines[start] === afterLines[start]) start++;
  const count = afterLines.length - beforeLines.length;
  const rest = [...afterLines.slice(0, start), ...afterLines.slice(start + count)];
  if (count <= 0 || rest.join('\n') !== before) throw new Error(`not a pure insertion:\n${after}`);
  return afterLines.slice(start, start + count);
}

/** Back from files to a fixture text. */
export function toFixture(files: Readonly<Record<string, string>>): string {
  return Object.entries(files)
    .map(([file, text]) => `#- ${file}\n${text}`)
    .join('');
}
