// Patches the previous model after an edit that changed only what some Applications read themselves (a resource file, a values file).
import { readApplication } from '../argo/readApplication';
import type { AnalysisMemo } from '../incremental/analysisMemo';
import type { IndexRead } from '../incremental/indexReads';
import { sameList } from '../incremental/indexReads';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import { objectsToRedo, ownProblemsOf, parentIdOf, type ApplicationRecord, type ModelRecord } from './keptModel';
import { renderApplication, type ApplicationRender, type RenderContext } from './renderApplication';
import { appProjectsDeployedBy, createdObjectsOfApplication, resourcesOf } from './renderedObjects';
import type { AppNode, RepositoryModel } from './types';

/** A patched model, its problems and the record the next analysis patches. */
export interface PatchedModel {
  readonly model: RepositoryModel;
  readonly problems: readonly Problem[];
  readonly record: ModelRecord;
}

/**
 * The model a full build of `index` would give, made from the previous one (`record`), or undefined
 * when only a full build can tell. A patch applies when no file or folder came or went, the build's
 * own reads (declared objects, written Applications, expansions, Argo CD's configuration…) answer as
 * before, and every Application whose own reads changed renders the same shape: the same created
 * Applications and sets, rendered folders, files read and AppProjects. Those Applications get new
 * nodes (their resources and renders), and so do their parents up to the roots (a kept node's
 * children are kept nodes); every other node is the previous one.
 */
export function patchModel(index: RepoIndex, record: ModelRecord, memo: AnalysisMemo, factsKey: string): PatchedModel | undefined {
  if (record.factsKey !== factsKey) return undefined;
  const redo = objectsToRedo(index, record);
  if (redo === undefined || !index.answersAsBefore(record.frameReads, record.serial)) return undefined;
  if (redo.size === 0) return { model: record.model, problems: record.problems, record: { ...record, serial: index.serial } };

  const context: RenderContext = { ...record.renderFacts, index, renderCache: new Map(), renderMemo: memo.renders };
  const applications = new Map(record.applications);
  const replaced = new Map<string, AppNode>();
  const redoneReads: [KubeObject, readonly (readonly IndexRead[])[]][] = [];
  for (const object of redo) {
    for (const id of record.nodeIdsByObject.get(object) ?? []) {
      const node = record.model.nodesById.get(id);
      const before = applications.get(id);
      if (node === undefined || before === undefined) return undefined;
      const { value: after, reads } = index.recordReadsApart(() => {
        const reading = readApplication(object, index);
        return { reading, render: renderApplication(reading.application, context) };
      });
      redoneReads.push([object, reads]);
      if (!before.generated && after.reading !== before.reading) return undefined;
      if (!sameShape(before.render, after.render)) return undefined;
      const resources = resourcesOf(after.render);
      const rebuilt: AppNode = {
        ...node,
        application: after.reading.application,
        renders: after.render.renders,
        externalSources: after.render.externalSources,
        destinationNamespace: after.reading.application.destination.namespace,
        resources,
      };
      if (appProjectsDeployedBy(rebuilt).length > 0 || appProjectsDeployedBy(node).length > 0) return undefined;
      replaced.set(id, rebuilt);
      applications.set(id, { ...before, reading: after.reading, render: after.render } satisfies ApplicationRecord);
    }
  }
  // A kept node's children are kept nodes: the parents of new nodes are new too (the same fields).
  for (const id of [...replaced.keys()]) {
    for (let parentId = parentIdOf(replaced.get(id) as AppNode); parentId !== undefined && !replaced.has(parentId); ) {
      const parent = record.model.nodesById.get(parentId);
      if (parent === undefined) return undefined;
      replaced.set(parentId, { ...parent });
      parentId = parentIdOf(parent);
    }
  }

  const nodes = record.model.nodes.map((node) => replaced.get(node.id) ?? node);
  const nodesById = new Map(record.model.nodesById);
  for (const [id, node] of replaced) {
    nodesById.set(id, node);
    memo.keptNodes.replace(node, index.parsed(node.origin.file));
  }
  const model: RepositoryModel = { ...record.model, nodes, nodesById };
  const problems = [...record.frameProblems];
  for (const node of nodes) {
    const application = applications.get(node.id);
    if (application) problems.push(...ownProblemsOf(application));
  }
  for (const [object, reads] of redoneReads) record.nodeReads.replace(object, reads);
  return { model, problems, record: { ...record, serial: index.serial, model, problems, applications } };
}

/** True when two renders of one Application create, render and read the same: the model around it stays as it is. */
function sameShape(before: ApplicationRender, after: ApplicationRender): boolean {
  if (before === after) return true;
  if (!sameList(createdObjectsOfApplication(before), createdObjectsOfApplication(after))) return false;
  if (!sameList(before.renderedFolders, after.renderedFolders)) return false;
  if (before.renders.length !== after.renders.length) return false;
  for (let position = 0; position < before.renders.length; position++) {
    if (!sameList((before.renders[position] as ApplicationRender['renders'][number]).filesRead, (after.renders[position] as ApplicationRender['renders'][number]).filesRead)) return false;
  }
  return true;
}

