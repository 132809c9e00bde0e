// What the sync/* and project/* checks report on the five corpus repositories and on examples/homelab.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Analysis } from '../../../../server/src/analysis/analyze';
import type { CheckedRule } from '../../../../server/src/analysis/rules/check';
import { LineIndex } from '../../../../server/src/analysis/text/lineIndex';
import { analyzeCorpusRepository, corpusRepository } from '../../../support/corpus';
import { applyOutOfSyncOnlyWithWaves } from '../../../../server/src/analysis/rules/sync/apply-out-of-sync-only-with-waves';
import { childWithoutAutomatedSync } from '../../../../server/src/analysis/rules/sync/child-without-automated-sync';
import { hookOnApplication } from '../../../../server/src/analysis/rules/sync/hook-on-application';
import { largeCrdWithoutServerSideApply } from '../../../../server/src/analysis/rules/sync/large-crd-without-server-side-apply';
import { missingApplicationHealthCheck } from '../../../../server/src/analysis/rules/sync/missing-application-health-check';
import { clusterResourceNotPermitted } from '../../../../server/src/analysis/rules/project/cluster-resource-not-permitted';
import { destinationNotPermitted } from '../../../../server/src/analysis/rules/project/destination-not-permitted';
import { namespacedResourceNotPermitted } from '../../../../server/src/analysis/rules/project/namespaced-resource-not-permitted';
import { sourceNotPermitted } from '../../../../server/src/analysis/rules/project/source-not-permitted';
import { unknownProject } from '../../../../server/src/analysis/rules/project/unknown-project';

const CHECKS: readonly CheckedRule[] = [
  missingApplicationHealthCheck,
  childWithoutAutomatedSync,
  hookOnApplication,
  applyOutOfSyncOnlyWithWaves,
  largeCrdWithoutServerSideApply,
  unknownProject,
  sourceNotPermitted,
  destinationNotPermitted,
  clusterResourceNotPermitted,
  namespacedResourceNotPermitted,
];

/** One line per problem: `file:line rule-id severity message`, with the severity the catalogue default and cap give. */
function listFindings(analysis: Analysis): string[] {
  const lines: string[] = [];
  for (const rule of CHECKS) {
    for (const item of rule.check({ index: analysis.index, model: analysis.model, graph: analysis.graph, config: analysis.config })) {
      const text = analysis.index.text(item.location.file) ?? '';
      const line = new LineIndex(text).position(item.location.span.start).line + 1;
      const severity = item.severityCap === 'warning' && rule.defaultSeverity === 'error' ? 'warning' : rule.defaultSeverity;
      lines.push(`${item.location.file}:${line} ${rule.id} ${severity} ${item.message}`);
    }
  }
  return lines.sort();
}

const REPOSITORIES = [
  'mitchross__talos-argocd-proxmox@981779b',
  'argoproj__argocd-example-apps',
  'vehagn__homelab',
  'ricsanfre__pi-cluster@7ff5ad6',
  'gitops-bridge-dev__gitops-bridge-argocd-control-plane-template',
];

describe('sync/* and project/* on the corpus', () => {
  for (const name of REPOSITORIES) {
    const folder = corpusRepository(name);
    it.skipIf(!folder)(`lists the findings on ${name}`, async () => {
      const lines = listFindings(await analyzeCorpusRepository(folder!));
      expect(lines).toMatchSnapshot();
      // Every error must be defensible from Argo CD's behaviour: today the corpus produces none.
      expect(lines.filter((line) => line.split(' ')[2] === 'error')).toEqual([]);
    }, 120_000);
  }

  it('reports ApplyOutOfSyncOnly on the wave-gated root of mitchross', async () => {
    const folder = corpusRepository(REPOSITORIES[0]!);
    if (!folder) return;
    const lines = listFindings(await analyzeCorpusRepository(folder));
    expect(lines.filter((line) => line.includes('sync/apply-out-of-sync-only-with-waves')).map((line) => line.split(' ')[0])).toEqual([
      'infrastructure/controllers/argocd/root.yaml:25',
    ]);
  });

  it('stays silent on examples/homelab (its my-apps project whitelists only Namespace and its apps create none)', async () => {
    const lines = listFindings(await analyzeCorpusRepository(join(__dirname, '..', '..', '..', '..', 'examples', 'homelab')));
    expect(lines).toEqual([]);
  });
});
