// The scope table: CRDs of the repository say which custom kinds are cluster-scoped; kept while they say the same.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../server/src/analysis/incremental/analysisMemo';
import { resourceScopes } from '../../../server/src/analysis/projects/resourceScope';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { applicationText } from '../../support/applicationText';
import { edited } from '../../support/editedSnapshot';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names:
    kind: Widget
    plural: widgets
`;

const TEXTS: Record<string, string> = {
  'root.yaml': applicationText('root', 'apps', 0),
  'apps/widgets.yaml': applicationText('widgets', 'platform/widgets', 0),
  'platform/widgets/crd.yaml': CRD,
};

describe('resourceScopes', () => {
  it('keeps the same table after an edit of a CRD file that keeps its scopes, and makes another when a scope changes', () => {
    const memo = new AnalysisMemo();
    const base = snapshotFromTexts(TEXTS);
    const table = resourceScopes(analyze(base, { memo }).index);
    expect(table.scopeOf('example.com', 'Widget')).toBe('namespaced');
    // A comment: the CRDs say the same, so the project checks' facts (keyed by the table) hold and nothing is judged again.
    const commented = analyze(edited(base, { 'platform/widgets/crd.yaml': `${CRD}# reviewed\n` }), { memo });
    expect(resourceScopes(commented.index)).toBe(table);
    const rescoped = analyze(edited(base, { 'platform/widgets/crd.yaml': CRD.replace('scope: Namespaced', 'scope: Cluster') }), { memo });
    expect(resourceScopes(rescoped.index)).not.toBe(table);
    expect(resourceScopes(rescoped.index).scopeOf('example.com', 'Widget')).toBe('cluster');
  });
});
