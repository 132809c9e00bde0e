// Generates a deterministic synthetic Argo CD App-of-Apps repository of N Applications, for benchmarks.
//
// Usage: node scripts/generateSyntheticRepo.mjs <outDir> --apps N [--seed S]
//
// Layout (about 9 files per Application, 1-3 KB each):
//   .gitops-waves.yaml                 project config (repoURL)
//   bootstrap/root.yaml                root Application → bootstrap/apps
//   bootstrap/apps/kustomization.yaml  AppProjects, the explicit wave-ordered Applications (~10%), the ApplicationSets
//   platform/<app>/                    explicit Applications (waves 0-3); every third ships a CRD
//   teams/<team>/<app>/                git-directories ApplicationSets (teams/<team>/*)
//   services/<team>/<app>/             list ApplicationSets (one element per app)
//   clusters/<team>/<app>/             matrix ApplicationSets (git directories × list of one cluster)
// Each app folder is a kustomization (plain manifests, or helmCharts + values.yaml) or an in-repo Helm chart.
import { Buffer } from 'node:buffer';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

/** Bumped whenever the output changes, so that benchmarks regenerate their cached repositories. */
export const GENERATOR_VERSION = 1;

/** The repoURL every generated Application uses (also written to `.gitops-waves.yaml`). */
export const SYNTHETIC_REPO_URL = 'https://github.com/example/synthetic.git';

/** Applications per ApplicationSet. */
const APPS_PER_SET = 50;

const APP_WORDS = [
  'ledger', 'billing', 'catalog', 'checkout', 'search', 'inventory', 'gateway', 'notifier', 'scheduler', 'reports',
  'profile', 'session', 'media', 'thumbnails', 'exporter', 'importer', 'audit', 'metrics', 'webhooks', 'mailer',
  'pricing', 'quotes', 'orders', 'shipping', 'returns', 'reviews', 'ranking', 'feeds', 'auth', 'tokens',
  'uploads', 'archive', 'indexer', 'crawler', 'planner', 'tracker', 'router', 'ledger-sync', 'geo', 'translate',
];
const TEAM_WORDS = ['payments', 'growth', 'platform', 'data', 'identity', 'commerce', 'content', 'insights', 'edge', 'ops'];
const IMAGE_REGISTRIES = ['ghcr.io/example', 'registry.example.com/apps', 'quay.io/example'];

/** A small seeded PRNG (mulberry32): the same seed gives the same repository on every machine. */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/**
 * Decides every Application and ApplicationSet of the repository (no IO).
 * @param {{apps: number, seed?: number}} options
 */
export function planSyntheticRepo(options) {
  const totalApps = Math.max(1, Math.floor(options.apps));
  const random = createRandom(options.seed ?? 1);
  const explicitCount = Math.max(1, Math.round(totalApps * 0.1));
  const applications = [];
  const applicationSets = [];
  const platformApps = [];

  for (let index = 0; index < explicitCount; index++) {
    const name = `${APP_WORDS[index % APP_WORDS.length]}-p${index}`;
    const providesCrd = index % 3 === 0;
    const app = {
      name, folder: `platform/${name}`, namespace: name, origin: 'explicit', wave: index % 4,
      flavour: chooseFlavour(random), crd: providesCrd ? crdFor(name) : undefined,
    };
    // A CRD provider stays a kustomization so that its crd.yaml is a plain, listed manifest.
    if (providesCrd) app.flavour = 'kustomize';
    applications.push(app);
    if (providesCrd) platformApps.push(app);
  }

  const generatorTypes = ['git', 'git', 'git', 'list', 'matrix'];
  let remaining = totalApps - explicitCount;
  for (let setIndex = 0; remaining > 0; setIndex++) {
    const size = Math.min(APPS_PER_SET, remaining);
    remaining -= size;
    const type = generatorTypes[setIndex % generatorTypes.length];
    const team = `${TEAM_WORDS[setIndex % TEAM_WORDS.length]}-${setIndex}`;
    const area = type === 'git' ? 'teams' : type === 'list' ? 'services' : 'clusters';
    const applicationSet = { name: `${team}-${type}`, type, team, area, wave: 4 + (setIndex % 3), apps: [] };
    for (let member = 0; member < size; member++) {
      const baseName = `${APP_WORDS[(setIndex * 7 + member) % APP_WORDS.length]}-${setIndex}x${member}`;
      // A matrix set names its apps "<folder>-<cluster>"; the others use the folder name.
      const name = type === 'matrix' ? `${baseName}-in-cluster` : baseName;
      // About one app in four uses a custom resource whose CRD comes from a platform app.
      const usesCrd = platformApps.length > 0 && random.next() < 0.25 ? random.pick(platformApps).crd : undefined;
      const app = {
        name, folder: `${area}/${team}/${baseName}`, namespace: baseName, origin: applicationSet.name,
        flavour: chooseFlavour(random), usesCrd,
      };
      applicationSet.apps.push(app);
      applications.push(app);
    }
    applicationSets.push(applicationSet);
  }
  return { applications, applicationSets, seed: options.seed ?? 1 };
}

/** Kustomize with plain manifests (65%), kustomize helmCharts (20%), in-repo Helm chart (15%). */
function chooseFlavour(random) {
  const roll = random.next();
  return roll < 0.15 ? 'helm-chart' : roll < 0.35 ? 'kustomize-helm' : 'kustomize';
}

function crdFor(appName) {
  const kind = `${appName.replace(/-p\d+$/, '').split('-').map(capitalise).join('')}Policy`;
  return { group: `${appName}.synthetic.example.com`, kind, plural: `${kind.toLowerCase()}s` };
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Writes the synthetic repository into `outDir` (which must not exist or be empty) and returns counts.
 * @param {string} outDir
 * @param {{apps: number, seed?: number}} options
 * @returns {{generatorVersion: number, apps: number, seed: number, files: number, bytes: number, resources: number,
 *   explicitApplications: number, applicationSets: number, generatedApplications: number, applicationNames: string[]}}
 */
export function generateSyntheticRepo(outDir, options) {
  const root = resolve(outDir);
  if (existsSync(root) && readdirSync(root).length > 0) {
    throw new Error(`${root} is not empty; refusing to write a synthetic repository into it`);
  }
  const plan = planSyntheticRepo(options);
  const random = createRandom((plan.seed * 7919 + 17) >>> 0);
  const counts = { files: 0, bytes: 0, resources: 0 };
  const createdDirectories = new Set();
  const emit = (relativePath, text, resourceCount) => {
    const target = join(root, relativePath);
    const directory = dirname(target);
    if (!createdDirectories.has(directory)) {
      mkdirSync(directory, { recursive: true });
      createdDirectories.add(directory);
    }
    writeFileSync(target, text);
    counts.files += 1;
    counts.bytes += Buffer.byteLength(text);
    counts.resources += resourceCount;
  };
  emitRepository(plan, random, emit);
  return {
    generatorVersion: GENERATOR_VERSION,
    apps: plan.applications.length,
    seed: plan.seed,
    ...counts,
    explicitApplications: plan.applications.filter((app) => app.origin === 'explicit').length,
    applicationSets: plan.applicationSets.length,
    generatedApplications: plan.applications.filter((app) => app.origin !== 'explicit').length,
    applicationNames: plan.applications.map((app) => app.name),
  };
}

/** Emits every file of the plan through `emit(path, text, resourceCount)`. */
function emitRepository(plan, random, emit) {
  emit('.gitops-waves.yaml', `# GitOps Waves configuration of the synthetic benchmark repository.\nrepoURL: ${SYNTHETIC_REPO_URL}\n`, 0);
  emit('README.md', `# Synthetic App-of-Apps repository\n\nGenerated by scripts/generateSyntheticRepo.mjs (version ${GENERATOR_VERSION}, seed ${plan.seed}) with ${plan.applications.length} Applications. Do not edit.\n`, 0);
  emit('bootstrap/root.yaml', rootApplication(), 1);
  const explicitApps = plan.applications.filter((app) => app.origin === 'explicit');
  emit('bootstrap/apps/projects.yaml', projects(), 2);
  for (const app of explicitApps) emit(`bootstrap/apps/${app.name}.yaml`, explicitApplication(app), 1);
  for (const applicationSet of plan.applicationSets) {
    emit(`bootstrap/apps/appset-${applicationSet.name}.yaml`, applicationSetManifest(applicationSet), 1);
  }
  const listed = [
    'projects.yaml',
    ...explicitApps.map((app) => `${app.name}.yaml`),
    ...plan.applicationSets.map((applicationSet) => `appset-${applicationSet.name}.yaml`),
  ];
  emit('bootstrap/apps/kustomization.yaml', kustomization(undefined, listed), 0);
  for (const app of plan.applications) emitApplicationFolder(app, random, emit);
}

function rootApplication() {
  return `# The root Application: applied by hand once; renders bootstrap/apps.
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: root
  namespace: argocd
spec:
  project: default
  source:
    repoURL: ${SYNTHETIC_REPO_URL}
    targetRevision: HEAD
    path: bootstrap/apps
  destination:
    server: https://kubernetes.default.svc
    namespace: argocd
  syncPolicy:
    automated:
      prune: true
      selfHeal: true
`;
}

function projects() {
  return ['platform', 'teams']
    .map(
      (name) => `apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata:
  name: ${name}
  namespace: argocd
  annotations:
    argocd.argoproj.io/sync-wave: "-1"
spec:
  description: ${capitalise(name)} applications of the synthetic repository
  sourceRepos:
    - ${SYNTHETIC_REPO_URL}
  destinations:
    - server: https://kubernetes.default.svc
      namespace: "*"
  clusterResourceWhitelist:
    - group: "*"
      kind: "*"
`,
    )
    .join('---\n');
}

function explicitApplication(app) {
  return `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${app.name}
  namespace: argocd
  annotations:
    argocd.argoproj.io/sync-wave: "${app.wave}"
spec:
  project: platform
  source:
    repoURL: ${SYNTHETIC_REPO_URL}
    targetRevision: HEAD
    path: ${app.folder}
  destination:
    server: https://kubernetes.default.svc
    namespace: ${app.namespace}
  syncPolicy:
    automated:
      prune: true
      selfHeal: true
    syncOptions:
      - CreateNamespace=true
`;
}

const TEMPLATE_SYNC_POLICY = `      syncPolicy:
        automated:
          prune: true
          selfHeal: true
        syncOptions:
          - CreateNamespace=true
          - SkipDryRunOnMissingResource=true
`;

function applicationSetManifest(applicationSet) {
  const header = `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: ${applicationSet.name}
  namespace: argocd
  annotations:
    argocd.argoproj.io/sync-wave: "${applicationSet.wave}"
spec:
`;
  const directoryPattern = `${applicationSet.area}/${applicationSet.team}/*`;
  if (applicationSet.type === 'git') {
    return `${header}  generators:
    - git:
        repoURL: ${SYNTHETIC_REPO_URL}
        revision: HEAD
        directories:
          - path: ${directoryPattern}
  template:
    metadata:
      name: "{{path.basename}}"
      labels:
        synthetic.example.com/team: ${applicationSet.team}
    spec:
      project: teams
      source:
        repoURL: ${SYNTHETIC_REPO_URL}
        targetRevision: HEAD
        path: "{{path}}"
      destination:
        server: https://kubernetes.default.svc
        namespace: "{{path.basename}}"
${TEMPLATE_SYNC_POLICY}`;
  }
  if (applicationSet.type === 'list') {
    const elements = applicationSet.apps
      .map((app) => `          - name: ${app.name}\n            path: ${app.folder}\n`)
      .join('');
    return `${header}  goTemplate: true
  goTemplateOptions: ["missingkey=error"]
  generators:
    - list:
        elements:
${elements}  template:
    metadata:
      name: "{{ .name }}"
      labels:
        synthetic.example.com/team: ${applicationSet.team}
    spec:
      project: teams
      source:
        repoURL: ${SYNTHETIC_REPO_URL}
        targetRevision: HEAD
        path: "{{ .path }}"
      destination:
        server: https://kubernetes.default.svc
        namespace: "{{ .name }}"
${TEMPLATE_SYNC_POLICY}`;
  }
  return `${header}  goTemplate: true
  goTemplateOptions: ["missingkey=error"]
  generators:
    - matrix:
        generators:
          - git:
              repoURL: ${SYNTHETIC_REPO_URL}
              revision: HEAD
              directories:
                - path: ${directoryPattern}
          - list:
              elements:
                - cluster: in-cluster
                  server: https://kubernetes.default.svc
  template:
    metadata:
      name: "{{ .path.basename }}-{{ .cluster }}"
      labels:
        synthetic.example.com/team: ${applicationSet.team}
        synthetic.example.com/cluster: "{{ .cluster }}"
    spec:
      project: teams
      source:
        repoURL: ${SYNTHETIC_REPO_URL}
        targetRevision: HEAD
        path: "{{ .path.path }}"
      destination:
        server: "{{ .server }}"
        namespace: "{{ .path.basename }}"
${TEMPLATE_SYNC_POLICY}`;
}

function kustomization(app, resources, helmChart, image) {
  const lines = ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization'];
  if (app) lines.push(`namespace: ${app.namespace}`, 'commonLabels:', `  app.kubernetes.io/part-of: ${app.name}`);
  lines.push('resources:', ...resources.map((resource) => `  - ${resource}`));
  if (app && image) {
    const [repository, tag] = image.split(':');
    lines.push('images:', `  - name: ${repository}`, `    newTag: "${tag}"`);
    lines.push(
      'patches:',
      '  # Spread replicas over nodes (kept here so that the base manifests stay generic).',
      '  - target:',
      '      kind: Deployment',
      `      name: ${app.name}`,
      '    patch: |-',
      '      - op: add',
      '        path: /spec/template/spec/topologySpreadConstraints',
      '        value:',
      '          - maxSkew: 1',
      '            topologyKey: kubernetes.io/hostname',
      '            whenUnsatisfiable: ScheduleAnyway',
      '            labelSelector:',
      '              matchLabels:',
      `                app.kubernetes.io/name: ${app.name}`,
    );
  }
  if (helmChart) {
    lines.push(
      'helmCharts:',
      `  - name: ${helmChart.chart}`,
      `    repo: ${helmChart.repo}`,
      `    version: ${helmChart.version}`,
      `    releaseName: ${app.name}`,
      `    namespace: ${app.namespace}`,
      '    valuesFile: values.yaml',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Emits the ~9 files of one Application's folder. */
function emitApplicationFolder(app, random, emit) {
  const details = appDetails(app, random);
  const at = (file) => `${app.folder}/${file}`;
  if (app.flavour === 'helm-chart') {
    emit(at('Chart.yaml'), chartYaml(app, details), 0);
    emit(at('values.yaml'), chartValues(app, details, random), 0);
    emit(at('templates/_helpers.tpl'), helpersTemplate(), 0);
    emit(at('templates/deployment.yaml'), deploymentTemplate(), 0);
    emit(at('templates/service.yaml'), serviceTemplate(), 0);
    emit(at('templates/configmap.yaml'), configMapTemplate(), 0);
    emit(at('templates/route.yaml'), routeTemplate(), 0);
    emit(at('templates/pvc.yaml'), pvcTemplate(), 0);
    emit(at('templates/serviceaccount.yaml'), serviceAccountTemplate(), 0);
    return;
  }
  const resources = ['namespace.yaml', 'rbac.yaml', 'configmap.yaml', 'externalsecret.yaml', 'pvc.yaml'];
  const routeFile = details.useHttpRoute ? 'httproute.yaml' : 'ingress.yaml';
  emit(at('namespace.yaml'), namespaceManifest(app, details), 3);
  emit(at('rbac.yaml'), rbacManifest(app), 3);
  emit(at('configmap.yaml'), configMapManifest(app, details, random), 1);
  emit(at('externalsecret.yaml'), externalSecretManifest(app, details), 1);
  emit(at('pvc.yaml'), pvcManifest(app, details), details.volumes.length);
  if (app.flavour === 'kustomize-helm') {
    emit(at('values.yaml'), helmValues(app, details, random), 0);
  } else {
    emit(at('deployment.yaml'), deploymentManifest(app, details, random), 1);
    resources.push('deployment.yaml');
  }
  emit(at('service.yaml'), serviceManifest(app, details), app.usesCrd ? 4 : 3);
  emit(at(routeFile), details.useHttpRoute ? httpRouteManifest(app, details) : ingressManifest(app, details), 1);
  resources.push('service.yaml', routeFile);
  if (app.crd) {
    emit(at('crd.yaml'), crdManifest(app.crd), 1);
    resources.unshift('crd.yaml');
  }
  const helmChart = app.flavour === 'kustomize-helm' ? details.chart : undefined;
  const image = app.flavour === 'kustomize' ? details.image : undefined;
  emit(at('kustomization.yaml'), kustomization(app, resources, helmChart, image), 0);
}

function appDetails(app, random) {
  const registry = random.pick(IMAGE_REGISTRIES);
  const volumeCount = random.integer(1, 2);
  return {
    image: `${registry}/${app.name.replace(/-[a-z]?\d+(x\d+)?(-in-cluster)?$/, '')}:1.${random.integer(0, 30)}.${random.integer(0, 9)}`,
    replicas: random.integer(1, 3),
    port: random.pick([3000, 8000, 8080, 9090]),
    cpu: random.pick(['50m', '100m', '250m', '500m']),
    memory: random.pick(['128Mi', '256Mi', '512Mi', '1Gi']),
    useHttpRoute: random.next() < 0.6,
    volumes: Array.from({ length: volumeCount }, (_, index) => ({
      name: index === 0 ? 'data' : 'cache',
      size: `${random.integer(1, 50)}Gi`,
      storageClass: random.pick(['longhorn', 'longhorn', 'nfs-csi']),
    })),
    envCount: random.integer(6, 14),
    chart: random.pick([
      { chart: 'app-template', repo: 'https://bjw-s.github.io/helm-charts', version: '3.5.1' },
      { chart: 'redis', repo: 'https://charts.bitnami.com/bitnami', version: '20.3.0' },
      { chart: 'podinfo', repo: 'https://stefanprodan.github.io/podinfo', version: '6.7.1' },
    ]),
  };
}

function standardLabels(app, indent) {
  const pad = ' '.repeat(indent);
  return `${pad}app.kubernetes.io/name: ${app.name}\n${pad}app.kubernetes.io/instance: ${app.name}\n${pad}app.kubernetes.io/managed-by: argocd\n`;
}

function namespaceManifest(app, details) {
  return `# Namespace of ${app.name}, with a quota and default limits.
apiVersion: v1
kind: Namespace
metadata:
  name: ${app.namespace}
  labels:
${standardLabels(app, 4)}    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/warn: restricted
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: ${app.name}-quota
  namespace: ${app.namespace}
spec:
  hard:
    requests.cpu: "4"
    requests.memory: 8Gi
    limits.memory: 16Gi
    persistentvolumeclaims: "10"
    services.loadbalancers: "0"
---
apiVersion: v1
kind: LimitRange
metadata:
  name: ${app.name}-limits
  namespace: ${app.namespace}
spec:
  limits:
    - type: Container
      default:
        memory: ${details.memory}
      defaultRequest:
        cpu: ${details.cpu}
        memory: ${details.memory}
`;
}

function rbacManifest(app) {
  return `# Identity of ${app.name}: it may read its own ConfigMaps and Secrets.
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${app.name}
  namespace: ${app.namespace}
  labels:
${standardLabels(app, 4)}automountServiceAccountToken: false
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${app.name}-reader
  namespace: ${app.namespace}
rules:
  - apiGroups: [""]
    resources: [configmaps, secrets]
    verbs: [get, list, watch]
  - apiGroups: [coordination.k8s.io]
    resources: [leases]
    verbs: [get, create, update]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${app.name}-reader
  namespace: ${app.namespace}
subjects:
  - kind: ServiceAccount
    name: ${app.name}
    namespace: ${app.namespace}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ${app.name}-reader
`;
}

function configPayload(app, random, indent) {
  const pad = ' '.repeat(indent);
  const lines = [];
  const targetLength = random.integer(700, 2200);
  let length = 0;
  for (let index = 0; length < targetLength; index++) {
    const line = `${pad}${random.pick(['feature', 'limit', 'timeout', 'cache', 'upstream'])}.${app.name}.setting${index} = ${random.integer(1, 100000)}`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

function configMapManifest(app, details, random) {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app.name}-config
  namespace: ${app.namespace}
  labels:
${standardLabels(app, 4)}data:
  LOG_LEVEL: info
  HTTP_PORT: "${details.port}"
  app.properties: |
${configPayload(app, random, 4)}
`;
}

function externalSecretManifest(app) {
  return `# Credentials of ${app.name}, read from the cluster secret store.
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata:
  name: ${app.name}-credentials
  namespace: ${app.namespace}
  labels:
${standardLabels(app, 4)}spec:
  refreshInterval: 1h
  secretStoreRef:
    kind: ClusterSecretStore
    name: vault
  target:
    name: ${app.name}-credentials
    creationPolicy: Owner
    template:
      engineVersion: v2
      data:
        DATABASE_URL: "postgres://{{ .username }}:{{ .password }}@postgres.databases.svc:5432/${app.name.replace(/-/g, '_')}"
  data:
    - secretKey: username
      remoteRef:
        key: apps/${app.name}
        property: username
    - secretKey: password
      remoteRef:
        key: apps/${app.name}
        property: password
    - secretKey: api-token
      remoteRef:
        key: apps/${app.name}
        property: api-token
`;
}

function pvcManifest(app, details) {
  return details.volumes
    .map(
      (volume) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${app.name}-${volume.name}
  namespace: ${app.namespace}
  labels:
${standardLabels(app, 4)}  annotations:
    backup.synthetic.example.com/schedule: "0 3 * * *"
spec:
  accessModes:
    - ReadWriteOnce
  storageClassName: ${volume.storageClass}
  resources:
    requests:
      storage: ${volume.size}
`,
    )
    .join('---\n');
}

function deploymentManifest(app, details, random) {
  const env = Array.from(
    { length: details.envCount },
    (_, index) => `            - name: ${app.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_OPTION_${index}\n              value: "${random.integer(0, 9999)}"`,
  ).join('\n');
  const mounts = details.volumes.map((volume) => `            - name: ${volume.name}\n              mountPath: /var/lib/${app.name}/${volume.name}`).join('\n');
  const volumes = details.volumes.map((volume) => `        - name: ${volume.name}\n          persistentVolumeClaim:\n            claimName: ${app.name}-${volume.name}`).join('\n');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app.name}
  namespace: ${app.namespace}
  labels:
${standardLabels(app, 4)}  annotations:
    reloader.stakater.com/auto: "true"
spec:
  replicas: ${details.replicas}
  revisionHistoryLimit: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app.name}
  template:
    metadata:
      labels:
${standardLabels(app, 8)}    spec:
      serviceAccountName: ${app.name}
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        fsGroup: 10001
      containers:
        - name: ${app.name}
          image: ${details.image}
          ports:
            - name: http
              containerPort: ${details.port}
          envFrom:
            - configMapRef:
                name: ${app.name}-config
            - secretRef:
                name: ${app.name}-credentials
          env:
${env}
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 10
          livenessProbe:
            httpGet:
              path: /livez
              port: http
            periodSeconds: 30
          resources:
            requests:
              cpu: ${details.cpu}
              memory: ${details.memory}
            limits:
              memory: ${details.memory}
          volumeMounts:
${mounts}
      volumes:
${volumes}
`;
}

function serviceManifest(app, details) {
  const service = `apiVersion: v1
kind: Service
metadata:
  name: ${app.name}
  namespace: ${app.namespace}
  labels:
${standardLabels(app, 4)}spec:
  selector:
    app.kubernetes.io/name: ${app.name}
  ports:
    - name: http
      port: 80
      targetPort: ${details.port}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${app.name}
  namespace: ${app.namespace}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app.name}
---
# Only the Gateway and the monitoring namespace may reach ${app.name}.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${app.name}-ingress
  namespace: ${app.namespace}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: ${app.name}
  policyTypes:
    - Ingress
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: gateway
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: monitoring
      ports:
        - protocol: TCP
          port: ${details.port}
`;
  if (!app.usesCrd) return service;
  return `${service}---
# Custom resource whose CRD is installed by a platform Application.
apiVersion: ${app.usesCrd.group}/v1
kind: ${app.usesCrd.kind}
metadata:
  name: ${app.name}
  namespace: ${app.namespace}
spec:
  targetRef:
    kind: Service
    name: ${app.name}
  interval: 30s
`;
}

function httpRouteManifest(app) {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${app.name}
  namespace: ${app.namespace}
  labels:
${standardLabels(app, 4)}spec:
  parentRefs:
    - name: internal
      namespace: gateway
      sectionName: https
  hostnames:
    - ${app.name}.synthetic.example.com
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /
      backendRefs:
        - name: ${app.name}
          port: 80
`;
}

function ingressManifest(app) {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${app.name}
  namespace: ${app.namespace}
  labels:
${standardLabels(app, 4)}  annotations:
    cert-manager.io/cluster-issuer: letsencrypt-production
spec:
  ingressClassName: nginx
  tls:
    - hosts:
        - ${app.name}.synthetic.example.com
      secretName: ${app.name}-tls
  rules:
    - host: ${app.name}.synthetic.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${app.name}
                port:
                  name: http
`;
}

function crdManifest(crd) {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${crd.plural}.${crd.group}
spec:
  group: ${crd.group}
  names:
    kind: ${crd.kind}
    listKind: ${crd.kind}List
    plural: ${crd.plural}
    singular: ${crd.kind.toLowerCase()}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                targetRef:
                  type: object
                  properties:
                    kind:
                      type: string
                    name:
                      type: string
                interval:
                  type: string
            status:
              type: object
              x-kubernetes-preserve-unknown-fields: true
      subresources:
        status: {}
`;
}

function helmValues(app, details, random) {
  return `# Values for the ${details.chart.chart} chart (rendered by kustomize helmCharts).
fullnameOverride: ${app.name}
image:
  repository: ${details.image.split(':')[0]}
  tag: "${details.image.split(':')[1]}"
replicaCount: ${details.replicas}
serviceAccount:
  create: false
  name: ${app.name}
resources:
  requests:
    cpu: ${details.cpu}
    memory: ${details.memory}
env:
${Array.from({ length: details.envCount }, (_, index) => `  OPTION_${index}: "${random.integer(0, 9999)}"`).join('\n')}
persistence:
${details.volumes.map((volume) => `  ${volume.name}:\n    enabled: true\n    existingClaim: ${app.name}-${volume.name}`).join('\n')}
`;
}

function chartYaml(app) {
  return `apiVersion: v2
name: ${app.name}
description: In-repo chart of ${app.name}.
type: application
version: 0.1.0
appVersion: "1.0.0"
`;
}

function chartValues(app, details, random) {
  return `# Values of the in-repo ${app.name} chart.
image:
  repository: ${details.image.split(':')[0]}
  tag: "${details.image.split(':')[1]}"
replicas: ${details.replicas}
port: ${details.port}
hostname: ${app.name}.synthetic.example.com
resources:
  requests:
    cpu: ${details.cpu}
    memory: ${details.memory}
volumes:
${details.volumes.map((volume) => `  - name: ${volume.name}\n    size: ${volume.size}\n    storageClass: ${volume.storageClass}`).join('\n')}
config: |
${configPayload(app, random, 2)}
`;
}

function helpersTemplate() {
  return `{{- define "app.fullname" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "app.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}
`;
}

function deploymentTemplate() {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicas }}
  selector:
    matchLabels:
      app.kubernetes.io/instance: {{ .Release.Name }}
  template:
    metadata:
      labels:
        {{- include "app.labels" . | nindent 8 }}
      annotations:
        checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}
    spec:
      serviceAccountName: {{ include "app.fullname" . }}
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          ports:
            - name: http
              containerPort: {{ .Values.port }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          volumeMounts:
            - name: config
              mountPath: /etc/app
            {{- range .Values.volumes }}
            - name: {{ .name }}
              mountPath: /var/lib/app/{{ .name }}
            {{- end }}
      volumes:
        - name: config
          configMap:
            name: {{ include "app.fullname" . }}
        {{- range .Values.volumes }}
        - name: {{ .name }}
          persistentVolumeClaim:
            claimName: {{ include "app.fullname" $ }}-{{ .name }}
        {{- end }}
`;
}

function serviceTemplate() {
  return `apiVersion: v1
kind: Service
metadata:
  name: {{ include "app.fullname" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  selector:
    app.kubernetes.io/instance: {{ .Release.Name }}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
}

function configMapTemplate() {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "app.fullname" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
data:
  app.properties: |
    {{- .Values.config | nindent 4 }}
`;
}

function routeTemplate() {
  return `{{- if .Values.hostname }}
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: {{ include "app.fullname" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  parentRefs:
    - name: internal
      namespace: gateway
  hostnames:
    - {{ .Values.hostname | quote }}
  rules:
    - backendRefs:
        - name: {{ include "app.fullname" . }}
          port: 80
{{- end }}
`;
}

function pvcTemplate() {
  return `{{- range .Values.volumes }}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: {{ include "app.fullname" $ }}-{{ .name }}
  labels:
    {{- include "app.labels" $ | nindent 4 }}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: {{ .storageClass }}
  resources:
    requests:
      storage: {{ .size }}
{{- end }}
`;
}

function serviceAccountTemplate() {
  return `apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "app.fullname" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
automountServiceAccountToken: false
`;
}

/** Command line: node scripts/generateSyntheticRepo.mjs <outDir> --apps N [--seed S]. */
function main(argv) {
  const positional = [];
  let apps;
  let seed = 1;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--apps') apps = Number(argv[++index]);
    else if (argument === '--seed') seed = Number(argv[++index]);
    else positional.push(argument);
  }
  if (positional.length !== 1 || !Number.isInteger(apps) || apps < 1 || !Number.isInteger(seed)) {
    process.stderr.write('usage: node scripts/generateSyntheticRepo.mjs <outDir> --apps N [--seed S]\n');
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const summary = generateSyntheticRepo(positional[0], { apps, seed });
  const counts = { ...summary };
  delete counts.applicationNames;
  console.log(JSON.stringify({ outDir: resolve(positional[0]), ...counts, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
