// Rule deps/invalid-catalogue-entry: a malformed entry under `catalogue:` in .gitops-waves.yaml (the part is ignored).
import { readCatalogueConfig } from '../../dependencies/catalogueConfig';
import { isRecord } from '../../kube/kubeObject';
import { FILE_START } from '../../text/span';
import { locate } from '../../yaml/yamlDocument';
import { defineCheck } from '../check';
import { problem } from '../rule';

/** A malformed `catalogue:` entry in the project config: the malformed part is ignored by the dependency graph. */
export const invalidCatalogueEntry = defineCheck(
  {
    id: 'deps/invalid-catalogue-entry',
    defaultSeverity: 'warning',
    summary: 'A malformed `catalogue:` entry in .gitops-waves.yaml; the malformed part is ignored.',
  },
  ({ index, config }) => {
    const file = config.file;
    if (file === undefined) return [];
    const document = index.parsed(file)?.documents[0];
    const written = isRecord(document?.value) ? document.value.catalogue : undefined;
    if (document && written !== undefined && written !== null && !Array.isArray(written)) {
      return [problem(invalidCatalogueEntry, '`catalogue` must be a list of entries; it is ignored.', { file, span: locate(document, ['catalogue'], true)?.value ?? document.span })];
    }
    return readCatalogueConfig(config).issues.map((issue) => {
      const entry = document ? locate(document, issue.path, true) : undefined;
      return problem(invalidCatalogueEntry, issue.message, { file, span: (issue.atKey ? entry?.key : undefined) ?? entry?.value ?? FILE_START });
    });
  },
);
