// The wave rules on examples/homelab (its documented mistakes #3, #4, #6) and on the five corpus repositories (every finding listed).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../../../server/src/analysis/analyze';
import { readRepository } from '../../../../server/src/host/readRepository';
import type { CheckedRule } from '../../../../server/src/analysis/rules/check';
import { notAnInteger } from '../../../../server/src/analysis/rules/waves/not-an-integer';
import { unquotedValue } from '../../../../server/src/analysis/rules/waves/unquoted-value';
import { waveOrdersNothing } from '../../../../server/src/analysis/rules/waves/wave-orders-nothing';
import { appsetWavesDoNotWait } from '../../../../server/src/analysis/rules/waves/appset-waves-do-not-wait';
import { unresolvedTemplateParameter } from '../../../../server/src/analysis/rules/appset/unresolved-template-parameter';
import { analyzeCorpusRepository, CORPUS_DIRECTORY, corpusRepository } from '../../../support/corpus';

const RULES: readonly CheckedRule[] = [notAnInteger, unquotedValue, waveOrdersNothing, appsetWavesDoNotWait, unresolvedTemplateParameter];

/** One line per finding: `severity file:line rule-id`, sorted. */
function findingLines(analysis: Analysis): string[] {
  const context = { index: analysis.index, model: analysis.model, graph: analysis.graph, config: analysis.config };
  return RULES.flatMap((rule) =>
    rule.check(context).map((found) => `${rule.defaultSeverity} ${found.location.file}:${analysis.index.position(found.location).line + 1} ${found.ruleId}`),
  ).sort();
}

describe('wave rules on examples/homelab', () => {
  it('find mistakes #3 (unquoted 0), #4 ("1.5") and #6 (wave in the monitoring template), plus the ApplicationSet waves 4 → 5 → 6', async () => {
    const analysis = analyze(await readRepository(join(__dirname, '..', '..', '..', '..', 'examples', 'homelab')));
    expect(findingLines(analysis)).toEqual([
      'error infrastructure/controllers/argocd/apps/external-secrets.yaml:8 waves/unquoted-value',
      'warning infrastructure/controllers/argocd/apps/infrastructure-appset.yaml:8 waves/appset-waves-do-not-wait',
      'warning infrastructure/controllers/argocd/apps/monitoring-appset.yaml:21 waves/wave-orders-nothing',
      'warning infrastructure/controllers/argocd/apps/monitoring-appset.yaml:8 waves/appset-waves-do-not-wait',
      'warning infrastructure/controllers/argocd/apps/reloader.yaml:9 waves/not-an-integer',
    ]);
  });
});

const mitchross = corpusRepository('mitchross__talos-argocd-proxmox@981779b');

describe.skipIf(!mitchross)('wave rules on mitchross/talos-argocd-proxmox', () => {
  it('report the ApplicationSet waves 4 → 5 → 6 of the root: infrastructure and monitoring do not hold back later waves', async () => {
    const { index, model, graph, config } = await analyzeCorpusRepository(mitchross!);
    const problems = appsetWavesDoNotWait.check({ index, model, graph, config });
    expect(problems.map((found) => found.message.replace(/ \(".*"\)/, ''))).toEqual([
      "ApplicationSet infrastructure is in wave 4 of root's sync, but later waves do not wait for its Applications to be healthy: its built-in health check turns Healthy as soon as it has generated them. Wave 5 (ApplicationSet monitoring) and wave 6 (ApplicationSet my-apps) start once infrastructure's 28 Applications exist, healthy or not.",
      "ApplicationSet monitoring is in wave 5 of root's sync, but later waves do not wait for its Applications to be healthy: its built-in health check turns Healthy as soon as it has generated them. Wave 6 (ApplicationSet my-apps) starts once monitoring's 3 Applications exist, healthy or not.",
    ]);
  });
});

const corpusNames = (() => {
  try {
    return readdirSync(CORPUS_DIRECTORY, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
})();

describe.skipIf(corpusNames.length === 0)('wave rules on the corpus', () => {
  it('list every finding; the only ones are the mitchross ApplicationSet waves (no error anywhere)', async () => {
    const lines: string[] = [];
    for (const name of corpusNames) {
      for (const line of findingLines(await analyzeCorpusRepository(join(CORPUS_DIRECTORY, name)))) lines.push(`${name}: ${line}`);
    }
    console.log(lines.join('\n'));
    expect(lines).toEqual([
      'mitchross__talos-argocd-proxmox@981779b: warning infrastructure/controllers/argocd/apps/infrastructure-appset.yaml:7 waves/appset-waves-do-not-wait',
      'mitchross__talos-argocd-proxmox@981779b: warning infrastructure/controllers/argocd/apps/monitoring-appset.yaml:7 waves/appset-waves-do-not-wait',
    ]);
  });
});
