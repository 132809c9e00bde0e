// The dependency rules on examples/homelab (mistakes #1, #2, #5, #9, #10) and on the five corpus repositories (every finding listed).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../../server/src/analysis/analyze';
import type { CheckedRule } from '../../../../server/src/analysis/rules/check';
import { dependencyCycle } from '../../../../server/src/analysis/rules/deps/dependency-cycle';
import { missingSkipDryRun } from '../../../../server/src/analysis/rules/deps/missing-skip-dry-run';
import { namespaceNotCreated } from '../../../../server/src/analysis/rules/deps/namespace-not-created';
import { dependencyInLaterWave } from '../../../../server/src/analysis/rules/waves/dependency-in-later-wave';
import { dependencyInSameWave } from '../../../../server/src/analysis/rules/waves/dependency-in-same-wave';
import { dependencyNotOrdered } from '../../../../server/src/analysis/rules/waves/dependency-not-ordered';
import { missingWaveAnnotation } from '../../../../server/src/analysis/rules/waves/missing-wave-annotation';
import { SEVERITIES } from '../../../../server/src/analysis/rules/rule';
import { analyzeCorpusRepository, corpusRepository } from '../../../support/corpus';

const RULES: readonly CheckedRule[] = [dependencyInLaterWave, dependencyInSameWave, dependencyNotOrdered, missingWaveAnnotation, dependencyCycle, missingSkipDryRun, namespaceNotCreated];

/** One line per finding: `severity file:line rule-id message` (severity = default, or the cap when milder), sorted. */
function findingLines(analysis: Analysis): string[] {
  const context = { index: analysis.index, model: analysis.model, graph: analysis.graph, config: analysis.config };
  return RULES.flatMap((rule) =>
    rule.check(context).map((found) => {
      const severity = found.severityCap && SEVERITIES.indexOf(found.severityCap) > SEVERITIES.indexOf(rule.defaultSeverity) ? found.severityCap : rule.defaultSeverity;
      return `${severity} ${found.location.file}:${analysis.index.position(found.location).line + 1} ${found.ruleId} ${found.message}`;
    }),
  ).sort();
}

/** `severity file:line rule-id` only. */
function shortLines(lines: readonly string[]): string[] {
  return lines.map((line) => line.split(' ').slice(0, 3).join(' '));
}

describe('dependency rules on examples/homelab', () => {
  it('report mistakes #1 (same wave), #2 (later wave, the only error), #5 (no wave), #9 (no SkipDryRun) and #10 (namespace), and the cycle behind #2', async () => {
    const lines = findingLines(await analyzeCorpusRepository(join(__dirname, '..', '..', '..', '..', 'examples', 'homelab')));
    expect(shortLines(lines)).toEqual([
      'error infrastructure/controllers/1password-connect/certificate.yaml:4 waves/dependency-in-later-wave',
      // The ClusterSecretStore talks to Connect over a Service URL: a run-time link, mentioned as info only.
      'info infrastructure/controllers/external-secrets/cluster-secret-store.yaml:9 waves/dependency-in-same-wave',
      'info infrastructure/controllers/argocd/apps/metrics-server.yaml:5 waves/missing-wave-annotation',
      'info infrastructure/networking/gateway/certificate.yaml:3 waves/dependency-not-ordered',
      // HTTPRoutes of the wave-5/6 sets attach to the Gateway generated at wave 4: a route waits to be accepted, so a hint.
      'hint monitoring/kube-prometheus-stack/grafana-route.yaml:8 waves/dependency-not-ordered',
      'hint my-apps/media/jellyfin/httproute.yaml:8 waves/dependency-not-ordered',
      'hint my-apps/productivity/paperless/httproute.yaml:8 waves/dependency-not-ordered',
      'warning infrastructure/controllers/1password-connect/certificate.yaml:4 deps/dependency-cycle',
      'warning infrastructure/controllers/argocd/apps/minio.yaml:17 deps/namespace-not-created',
      'warning infrastructure/networking/gateway/certificate.yaml:3 deps/missing-skip-dry-run',
      'warning infrastructure/storage/volsync/volume-snapshot-class.yaml:3 waves/dependency-in-same-wave',
    ].sort());
  });
});

const REPOSITORIES = [
  'mitchross__talos-argocd-proxmox@981779b',
  'argoproj__argocd-example-apps',
  'vehagn__homelab',
  'ricsanfre__pi-cluster@7ff5ad6',
  'gitops-bridge-dev__gitops-bridge-argocd-control-plane-template',
];

describe('dependency rules on the corpus', () => {
  for (const name of REPOSITORIES) {
    const folder = corpusRepository(name);
    it.skipIf(!folder)(`list the findings on ${name}, none of them an error`, async () => {
      const lines = findingLines(await analyzeCorpusRepository(folder!));
      expect(lines).toMatchSnapshot();
      expect(lines.filter((line) => line.startsWith('error '))).toEqual([]);
    }, 120_000);
  }

  it.skipIf(!corpusRepository(REPOSITORIES[0]!))('on mitchross: longhorn and volsync race snapshot-controller, the store races Connect, pvc-plumber is fine', async () => {
    const lines = findingLines(await analyzeCorpusRepository(corpusRepository(REPOSITORIES[0]!)!));
    expect(shortLines(lines.filter((line) => line.includes('waves/dependency-in-same-wave')))).toEqual([
      'info infrastructure/controllers/external-secrets/cluster-secret-store.yaml:11 waves/dependency-in-same-wave',
      'warning infrastructure/storage/longhorn/volumesnapshotclass.yaml:2 waves/dependency-in-same-wave',
      'warning infrastructure/storage/volsync/volumesnapshotclass.yaml:3 waves/dependency-in-same-wave',
    ]);
    expect(lines.filter((line) => line.includes('pvc-plumber'))).toEqual([]);
    expect(lines.some((line) => line.includes('waves/dependency-not-ordered') && line.includes('csi-driver-nfs'))).toBe(true);
  }, 120_000);
});
