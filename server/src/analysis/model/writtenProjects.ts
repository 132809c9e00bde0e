// The written AppProjects after an edit: kept, read again, come or gone, by place; and the model's projects with them.
import { readAppProject } from '../argo/readAppProject';
import type { AppProjectSpec } from '../argo/types';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { originKey, sameWrittenIdentity, type DeclaredArgoObjects } from './declaredObjects';
import type { ProjectReading } from './frameFacts';
import type { ModelRecord } from './keptModel';
import { appProjectsDeployedBy } from './renderedObjects';

/** The written AppProjects' readings and the model's projects after an edit, and the files of those it changed. */
export interface WrittenProjects {
  readonly readings: ReadonlyMap<KubeObject, ProjectReading>;
  readonly projects: readonly AppProjectSpec[];
  /** True when some written AppProject was edited, came or went. */
  readonly changed: boolean;
  /** Files holding an AppProject the edit replaced or added, or that lost one (and still exist). */
  readonly files: readonly string[];
}

/**
 * The written AppProjects of `declared` against the record's, by place: one at the same place is kept (the same
 * object: its kept reading) or edited (another object of the same kind, apiVersion and namespace: read again, whatever
 * its name), one at a new place came (read), one whose place is gone went. The model's projects are the written ones
 * in declared order, then those only renders deploy (as a build lists them), but any a written one's place now holds.
 * Undefined when only a build can tell: a place holds another kind of object, or a node deploys an AppProject at
 * the place of one that went (a build would list it among the deployed ones).
 */
export function followWrittenProjects(index: RepoIndex, record: ModelRecord, declared: DeclaredArgoObjects): WrittenProjects | undefined {
  const before = record.declared.projects;
  const after = declared.projects;
  if (before === after) return { readings: record.projectReadings, projects: record.model.projects, changed: false, files: [] };
  const beforeByPlace = new Map(before.map((object) => [originKey(object.origin), object]));
  const afterPlaces = new Set(after.map((object) => originKey(object.origin)));
  const readings = new Map<KubeObject, ProjectReading>();
  const files = new Set<string>();
  let changed = false;
  for (const object of after) {
    const previous = beforeByPlace.get(originKey(object.origin));
    const kept = previous === object ? record.projectReadings.get(object) : undefined;
    if (kept !== undefined) {
      readings.set(object, kept);
      continue;
    }
    if (previous !== undefined && !sameWrittenIdentity(previous, object)) return undefined;
    readings.set(object, readAppProject(object, index));
    files.add(object.origin.file);
    changed = true;
  }
  const gonePlaces = new Set<string>();
  for (const object of before) {
    if (afterPlaces.has(originKey(object.origin))) continue;
    gonePlaces.add(originKey(object.origin));
    if (index.file(object.origin.file) !== undefined) files.add(object.origin.file);
    changed = true;
  }
  if (gonePlaces.size > 0) {
    for (const node of record.model.nodes) if (appProjectsDeployedBy(node).some((object) => gonePlaces.has(originKey(object.origin)))) return undefined;
  }
  if (!changed) return { readings: record.projectReadings, projects: record.model.projects, changed: false, files: [] };
  const deployedOnly = record.model.projects.slice(before.length).filter((project) => !afterPlaces.has(originKey(project.object.origin)));
  const projects = [...after.map((object) => (readings.get(object) as ProjectReading).project), ...deployedOnly];
  return { readings, projects, changed, files: [...files] };
}
