// Test helpers for the Argo CD readers: a fixture repository and the objects written in it.
import { objectFromDocument, type KubeObject } from '../../../server/src/analysis/kube/kubeObject';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { fixtureSnapshot, parseFixture } from '../../support/fixture';

/** A fixture repository: its index, its files' texts, and the objects of one file. */
export function fixtureRepository(text: string): { index: RepoIndex; files: Record<string, string>; objects: (file: string) => KubeObject[] } {
  const index = new RepoIndex(fixtureSnapshot(text));
  return {
    index,
    files: parseFixture(text),
    objects: (file) => (index.parsed(file)?.documents ?? []).flatMap((document) => objectFromDocument(document) ?? []),
  };
}
