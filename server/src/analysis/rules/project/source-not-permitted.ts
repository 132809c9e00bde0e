// Rule project/source-not-permitted: a source repoURL that the Application's AppProject does not allow.
import { isTemplated } from '../../argo/plainValues';
import { locateField } from '../../kube/locateObject';
import { applicationsToJudge, ProblemsByLocation } from '../../projects/applicationsToJudge';
import { projectCheckFacts, projectDirectory } from '../../projects/projectLookup';
import { isSourcePermitted } from '../../projects/projectPermissions';
import { defineCheck } from '../check';

/** A source `repoURL` is not permitted by the `sourceRepos` of the Application's AppProject. */
export const sourceNotPermitted = defineCheck(
  {
    id: 'project/source-not-permitted',
    defaultSeverity: 'error',
    summary: "A source repoURL is not permitted by the sourceRepos of the Application's AppProject.",
  },
  (context) => {
    const directory = projectDirectory(context.model, context.index);
    const collected = new ProblemsByLocation(sourceNotPermitted);
    const facts = projectCheckFacts(context.model, context.index);
    collected.addForNodes(context, applicationsToJudge(context.model), facts, (sink, { node, application }) => {
      const lookup = directory.lookup(application.project);
      if (lookup.status !== 'defined' || lookup.definitions.length === 0) return;
      for (const source of application.sources) {
        const repoURL = source.repoURL;
        if (repoURL === undefined || isTemplated(repoURL)) continue;
        const verdicts = lookup.definitions.map((project) => ({ project, verdict: isSourcePermitted(project, repoURL) }));
        if (verdicts.some(({ verdict }) => verdict.permitted)) continue;
        const first = verdicts[0];
        if (!first) continue;
        const { project, verdict } = first;
        const why =
          verdict.deniedBy !== undefined
            ? `the deny pattern '${verdict.deniedBy}' rejects it`
            : project.sourceRepos.length === 0
              ? 'the project lists no sourceRepos'
              : `no pattern of sourceRepos (${project.sourceRepos.map((pattern) => `'${pattern}'`).join(', ')}) matches it`;
        sink.add(
          locateField(context.index, node.origin, [...source.fieldPath, 'repoURL'], 'value'),
          `${project.name}\u0000${repoURL}`,
          node.name,
          (names) => `Argo CD refuses ${names}: "application repo ${repoURL} is not permitted in project '${project.name}'"; ${why}.`,
          {
            certain: lookup.certain && verdicts.every(({ verdict: each }) => each.certain),
            related: [{ message: `sourceRepos of AppProject ${project.name}`, location: locateField(context.index, project.object.origin, ['spec', 'sourceRepos']) }],
          },
        );
      }
    });
    return collected.problems();
  },
);
