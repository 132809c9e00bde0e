// Rule project/unknown-project: an Application names an AppProject this repository does not define.
import { locateField } from '../../kube/locateObject';
import { applicationsToJudge, ProblemsByLocation } from '../../projects/applicationsToJudge';
import { projectCheckFacts, projectDirectory } from '../../projects/projectLookup';
import { defineCheck } from '../check';

/** `spec.project` names an AppProject that is neither `default` nor defined in the repository. */
export const unknownProject = defineCheck(
  {
    id: 'project/unknown-project',
    defaultSeverity: 'warning',
    summary: 'spec.project names an AppProject that this repository does not define (and that is not default).',
  },
  (context) => {
    const directory = projectDirectory(context.model, context.index);
    const collected = new ProblemsByLocation(unknownProject);
    collected.addForNodes(context, applicationsToJudge(context.model), projectCheckFacts(context.model, context.index), (sink, { node, application }) => {
      if (directory.lookup(application.project).status !== 'unknown') return;
      const projectName = application.project ?? '';
      sink.add(
        locateField(context.index, node.origin, ['spec', 'project'], 'value'),
        projectName,
        node.name,
        (names) =>
          `AppProject '${projectName}' (used by ${names}) is not defined in this repository. Unless it is created elsewhere (by hand, by a Helm chart, from another repository), Argo CD refuses the Application: "Application referencing project ${projectName} which does not exist".`,
        { certain: false },
      );
    });
    return collected.problems();
  },
);
