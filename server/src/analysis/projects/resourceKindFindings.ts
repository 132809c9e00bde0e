// Finds rendered resources whose kind the Application's AppProject does not permit (cluster-scoped or namespaced).
import type { ApplicationSpec } from '../argo/types';
import type { KubeObject } from '../kube/kubeObject';
import type { AppNode } from '../model/types';
import { locateField } from '../kube/locateObject';
import type { CheckContext } from '../rules/check';
import type { Problem, RuleMeta } from '../rules/rule';
import { applicationsToJudge, ProblemsByLocation, type ProblemSink } from './applicationsToJudge';
import { projectCheckFacts, projectDirectory } from './projectLookup';
import { isResourcePermitted, type ResourceRefusal } from './projectPermissions';
import { resourceScopes } from './resourceScope';

/**
 * One problem per resource (per written location) whose kind is refused by the project of every
 * Application that deploys it. Only kinds of known scope are judged. With `namespaced`, child
 * Applications and ApplicationSets count too (they are namespaced `argoproj.io` resources of
 * their parent's sync). A refusal by a present-but-empty namespaced whitelist is code-derived:
 * capped at warning.
 */
export function resourceKindProblems(context: CheckContext, rule: RuleMeta, namespaced: boolean): Problem[] {
  const { index, model } = context;
  const directory = projectDirectory(model, index);
  const scopes = resourceScopes(index);
  const collected = new ProblemsByLocation(rule);
  const wanted = namespaced ? 'namespaced' : 'cluster';
  const facts = projectCheckFacts(model, index);
  collected.addForNodes(context, applicationsToJudge(model), facts, (sink, { node, application }) => judgeApplication(sink, node, application));
  return collected.problems();

  function judgeApplication(sink: ProblemSink, node: AppNode, application: ApplicationSpec): void {
    const lookup = directory.lookup(application.project);
    if (lookup.status !== 'defined' || lookup.definitions.length === 0) return;
    const judge = (object: KubeObject): void => {
      if (scopes.scopeOfObject(object) !== wanted) return;
      // Permitted by any definition of the project name: nothing to say (the first refusal explains otherwise).
      let refusal: ResourceRefusal | undefined;
      for (const [position, definition] of lookup.definitions.entries()) {
        const verdict = isResourcePermitted(definition, object, namespaced);
        if (verdict.permitted) return;
        if (position === 0) refusal = verdict.refusal;
      }
      const project = lookup.definitions[0];
      if (!project || !refusal) return;
      const groupKind = `${object.group}:${object.kind}`;
      const listName = namespaced ? 'namespaceResource' : 'clusterResource';
      const why = explainRefusal(refusal, listName);
      const codeDerived = namespaced && refusal === 'empty-whitelist';
      sink.add(
        locateField(index, object.origin, ['kind']),
        `${project.name}\u0000${groupKind}\u0000${object.name}`,
        node.name,
        (names) =>
          `${object.kind} ${object.name || '(unnamed)'} is not permitted in project '${project.name}' (${why}): Argo CD refuses to sync it ("resource ${groupKind} is not permitted in project ${project.name}") in ${names}.`,
        {
          certain: lookup.certain && !codeDerived,
          related: [{ message: `${listName}Whitelist of AppProject ${project.name}`, location: locateField(index, project.object.origin, ['spec', `${listName}Whitelist`]) }],
        },
      );
    };
    for (const resource of node.resources) judge(resource.object);
    if (namespaced) {
      for (const childId of node.childIds) {
        const child = model.nodesById.get(childId);
        if (child && child.ordering.parentId === node.id) judge(child.object);
      }
    }
  }
}

function explainRefusal(refusal: ResourceRefusal, listName: string): string {
  switch (refusal) {
    case 'blacklisted':
      return `${listName}Blacklist names it`;
    case 'empty-whitelist':
      return listName === 'clusterResource'
        ? 'the project has no clusterResourceWhitelist, which allows no cluster-scoped kind'
        : 'namespaceResourceWhitelist is empty, which allows no namespaced kind';
    case 'not-whitelisted':
      return `${listName}Whitelist does not list it`;
  }
}
