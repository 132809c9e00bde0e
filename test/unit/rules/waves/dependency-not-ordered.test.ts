// waves/dependency-not-ordered: nothing makes the provider ready first (one ApplicationSet, different roots, no health gate).
import { describe, expect, it } from 'vitest';
import { dependencyNotOrdered } from '../../../../server/src/analysis/rules/waves/dependency-not-ordered';
import { runCheck } from '../../../support/checkContext';
import { parseFixture, renderProblems } from '../../../support/fixture';
import { analyze } from '../../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../../server/src/analysis/incremental/analysisMemo';
import { snapshotFromTexts } from '../../../../server/src/analysis/snapshot';
import { child, configMap, labRoot, REPO, service, widget, widgetCrd } from '../deps/dependencyFixtures';

/** A git-directories ApplicationSet (wave 1 of root) generating one Application per folder under platform/. */
const PLATFORM_SET = `#- apps/platform.yaml
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: platform
  namespace: argocd
  annotations:
    argocd.argoproj.io/sync-wave: "1"
spec:
  generators:
    - git:
        repoURL: ${REPO}
        revision: HEAD
        directories:
          - path: platform/*
  template:
    metadata:
      name: "{{path.basename}}"
    spec:
      project: default
      source:
        repoURL: ${REPO}
        path: "{{path}}"
      destination:
        server: https://kubernetes.default.svc
        namespace: "{{path.basename}}"
      syncPolicy:
        syncOptions:
          - CreateNamespace=true
`;

/** platform/widgets installs the Widget CRD and Service api; platform/shop deploys a Widget and calls the Service. */
function platform(): string {
  return (
    labRoot() +
    PLATFORM_SET +
    widgetCrd('widgets').replace('#- infra/', '#- platform/') +
    service('widgets', 'api').replace('#- infra/', '#- platform/') +
    widget('shop', 'storefront').replace('#- infra/', '#- platform/') +
    configMap('shop', 'config.yaml', 'shop-config', 'http://api.widgets.svc:8080').replace('#- infra/', '#- platform/')
  );
}

describe('waves/dependency-not-ordered', () => {
  it('fires on two Applications of one ApplicationSet (info, no fix), leaving out the Service URL (a run-time link)', () => {
    const { files, problems } = runCheck(dependencyNotOrdered, platform());
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "platform/shop/widget.yaml:2:7 waves/dependency-not-ordered shop (wave 0) needs widgets (wave 0): Widget storefront uses CRD widgets.widgets.example.com. Nothing makes widgets ready before shop starts; until it is, shop's sync can fail and retry. widgets and shop both come from ApplicationSet platform, which creates its Applications together and ignores their waves: nothing orders widgets first.
        | kind: Widget
        |       ^^^^^^"
    `);
    expect(problems[0]?.fixes).toBeUndefined();
  });

  it('fires on an earlier wave that does not wait for health (no Application health check)', () => {
    const repository = (labRoot() + child('widgets', { wave: 1 }) + widgetCrd('widgets') + child('shop', { wave: 2 }) + widget('shop', 'storefront')).replace(
      /#- argocd\/argocd-cm\.yaml[\s\S]*?(?=#- bootstrap)/,
      '',
    );
    const { files, problems } = runCheck(dependencyNotOrdered, repository);
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "infra/shop/widget.yaml:2:7 waves/dependency-not-ordered shop (wave 2) needs widgets (wave 1): Widget storefront uses CRD widgets.widgets.example.com. Nothing makes widgets ready before shop starts; until it is, shop's sync can fail and retry. widgets may not be ready when shop starts: in root's sync, widgets (wave 1) is in an earlier wave than shop (wave 2), but nothing waits for widgets to be Healthy (no Application health check is configured).
        | kind: Widget
        |       ^^^^^^"
    `);
  });

  it('stays silent when a health-gated earlier wave provides it', () => {
    const repository = labRoot() + child('widgets', { wave: 1 }) + widgetCrd('widgets') + child('shop', { wave: 2 }) + widget('shop', 'storefront');
    expect(runCheck(dependencyNotOrdered, repository).problems).toEqual([]);
  });

  it("keeps a pair's problem, the same object, while a node made again for another resource keeps its name, chain and needs", () => {
    const steps: Record<string, string>[] = [parseFixture(platform())];
    const edit = (path: string, change: (text: string) => string): void => {
      const last = steps[steps.length - 1] as Record<string, string>;
      steps.push({ ...last, [path]: change(last[path] ?? '') });
    };
    // shop (the dependent) has one of its resources edited (a comment): its node is another object, its pair's problem the same.
    edit('platform/shop/config.yaml', (text) => `${text}# reviewed\n`);
    // The provider's CRD file edited (a comment): the same problem.
    edit('platform/widgets/crd.yaml', (text) => `${text}# reviewed\n`);
    // The Widget renamed: the need's reason says so, another problem.
    edit('platform/shop/widget.yaml', (text) => text.replace('name: storefront', 'name: showroom'));
    // The analyses with one memo first (fresh analyses in between would make the rule's kept problems theirs).
    const memo = new AnalysisMemo();
    const problems = steps.map((texts) => dependencyNotOrdered.check(analyze(snapshotFromTexts(texts, { gitRemoteUrls: [REPO] }), { memo })));
    const [first, commented, providerCommented, renamed] = problems.map((list) => list[0]);
    expect(first).toBeDefined();
    expect(commented).toBe(first);
    expect(providerCommented).toBe(first);
    expect(renamed).not.toBe(first);
    expect(renamed?.message).toContain('Widget showroom uses CRD');
    steps.forEach((texts, step) => {
      const fresh = analyze(snapshotFromTexts(texts, { gitRemoteUrls: [REPO] })).findings.filter((finding) => finding.ruleId === dependencyNotOrdered.id);
      expect(problems[step]?.map((item) => item.message)).toEqual(fresh.map((finding) => finding.message));
    });
  });
});
