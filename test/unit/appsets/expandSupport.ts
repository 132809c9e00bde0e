// Test helper: expands every ApplicationSet of an inline fixture repository and renders the result readably.
import { expandApplicationSet } from '../../../server/src/analysis/appsets/expandApplicationSet';
import { findClusterSecrets } from '../../../server/src/analysis/appsets/clusterSecrets';
import type { ExpansionResult } from '../../../server/src/analysis/appsets/expansionTypes';
import { objectFromDocument } from '../../../server/src/analysis/kube/kubeObject';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { parseFixture, renderProblems } from '../../support/fixture';

/** The repository URL fixtures use for "this repository". */
export const THIS_REPO = 'https://github.com/example/gitops';

/** Expands the first ApplicationSet of a fixture (cluster Secrets of the fixture included). */
export function expandFixture(text: string, extraDirectories: readonly string[] = []): { result: ExpansionResult; files: Record<string, string> } {
  const files = parseFixture(text);
  const index = new RepoIndex(snapshotFromTexts(files, { directories: extraDirectories }));
  for (const file of index.allFiles()) {
    for (const document of index.parsed(file)?.documents ?? []) {
      const object = objectFromDocument(document);
      if (object?.kind !== 'ApplicationSet') continue;
      const result = expandApplicationSet(object, {
        index,
        isThisRepository: (url) => url === THIS_REPO,
        clusterSecrets: findClusterSecrets(index),
      });
      return { result, files };
    }
  }
  throw new Error('fixture has no ApplicationSet');
}

/** One line per generated Application: `name namespace → dest-namespace path`, then problems. */
export function summarize(text: string, extraDirectories: readonly string[] = []): string {
  const { result, files } = expandFixture(text, extraDirectories);
  const lines = result.applications.map((application) => {
    const metadata = application.body.metadata as Record<string, unknown>;
    const spec = application.body.spec as Record<string, Record<string, unknown> | undefined>;
    const destination = spec.destination ?? {};
    const source = spec.source ?? {};
    return `${String(metadata.name)} dest=${String(destination.name ?? destination.server ?? '')}/${String(destination.namespace ?? '')} path=${String(source.path ?? '')}`;
  });
  if (result.incomplete) lines.push('(incomplete)');
  const problems = renderProblems(result.problems, files);
  return [...lines, ...(problems ? [problems] : [])].join('\n');
}
