// The GitOps Waves tree as plain entries (no VS Code types): folders → roots → ApplicationSets → Applications → resources, optionally grouped by wave.
import type { FolderTree, TreeApp, TreeResource, TreeResult, WireLocation, WireSeverity, WorstFinding } from '../../../server/src/lsp/protocol';

/** What kind of row an entry is (also its `contextValue`, which the menus match). */
export type EntryKind = 'folder' | 'application' | 'applicationSet' | 'resource' | 'wave' | 'note';

/** A codicon id and the severity whose colour it takes, if any. */
export interface EntryIcon {
  readonly codicon: string;
  readonly severity: WireSeverity | null;
}

/** One row of the tree. */
export interface TreeEntry {
  /** Unique and stable across refreshes (VS Code keeps expansion and selection by id). */
  readonly id: string;
  readonly kind: EntryKind;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly icon: EntryIcon;
  /** Where a click goes, if anywhere. */
  readonly location: WireLocation | null;
  /** The app node id (applications and sets), for "reveal in graph". */
  readonly nodeId: string | null;
  /** The workspace folder's URI. */
  readonly folderUri: string;
  /** For apps: the files of the resources it deploys (to find its source folder). */
  readonly resourceFiles: readonly string[];
  readonly parent: TreeEntry | null;
  readonly children: TreeEntry[];
}

/** How the tree is drawn. */
export interface TreeOptions {
  /** Group each app's children (apps and resources) under "Wave N" rows. */
  readonly groupByWave: boolean;
}

const SEVERITY_ICONS: Record<WireSeverity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'lightbulb' };

function findingLine(finding: WorstFinding | null): string[] {
  if (!finding) return [];
  const more = finding.count > 1 ? ` (+${finding.count - 1} more in this document)` : '';
  return [`${finding.severity}: ${finding.message} [${finding.ruleId}]${more}`];
}

function appIcon(app: TreeApp): EntryIcon {
  if (app.worstFinding) return { codicon: SEVERITY_ICONS[app.worstFinding.severity], severity: app.worstFinding.severity };
  // Nothing wrong in its own file: the kind's icon, coloured by the worst problem below it (seen while collapsed).
  return { codicon: app.kind === 'ApplicationSet' ? 'layers' : 'package', severity: app.worstSeverityBelow };
}

function gatingWords(app: TreeApp): string {
  switch (app.gating) {
    case 'health':
      return 'waits for health';
    case 'generation':
      return 'waits for generation';
    case 'none':
      return 'waits for nothing';
    case 'unordered':
      return 'not ordered';
  }
}

/** Builds the entries; `TreeResult` order is kept (the server sends roots and children in a stable order). */
export function buildTreeEntries(result: TreeResult, options: TreeOptions): TreeEntry[] {
  const used = new Set<string>();
  const uniqueId = (wanted: string): string => {
    let id = wanted;
    for (let copy = 2; used.has(id); copy++) id = `${wanted}#${copy}`;
    used.add(id);
    return id;
  };
  /** Entries without a parent: the tree's top level. */
  const topLevel: TreeEntry[] = [];
  const entry = (fields: Omit<TreeEntry, 'children' | 'id' | 'resourceFiles'> & { id: string; resourceFiles?: readonly string[] }): TreeEntry => {
    const built: TreeEntry = { ...fields, id: uniqueId(fields.id), resourceFiles: fields.resourceFiles ?? [], children: [] };
    (fields.parent?.children ?? topLevel).push(built);
    return built;
  };

  const note = (parent: TreeEntry | null, folderUri: string, text: string, codicon: string): void => {
    entry({ id: `${parent?.id ?? folderUri}|note:${text}`, kind: 'note', label: text, description: '', tooltip: text, icon: { codicon, severity: null }, location: null, nodeId: null, folderUri, parent });
  };

  const addResource = (parent: TreeEntry, resource: TreeResource): void => {
    const description = [resource.namespace, `wave ${resource.wave}`, ...resource.hooks].filter((part): part is string => part !== null && part !== '').join(' · ');
    entry({
      id: `${parent.id}|${resource.kind}/${resource.namespace ?? ''}/${resource.name}`,
      kind: 'resource',
      label: `${resource.kind}/${resource.name}`,
      description,
      tooltip: [`${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`, `wave ${resource.wave}${resource.hooks.length ? `, hooks: ${resource.hooks.join(', ')}` : ''}`, ...findingLine(resource.worstFinding)].join('\n'),
      icon: resource.worstFinding ? { codicon: SEVERITY_ICONS[resource.worstFinding.severity], severity: resource.worstFinding.severity } : { codicon: 'symbol-field', severity: null },
      location: resource.location,
      nodeId: null,
      folderUri: parent.folderUri,
      parent,
    });
  };

  const addApp = (parent: TreeEntry | null, folderUri: string, app: TreeApp, idPrefix: string): void => {
    const self = entry({
      id: `${idPrefix}|${app.id}`,
      kind: app.kind === 'ApplicationSet' ? 'applicationSet' : 'application',
      label: app.name,
      description: `${app.kind === 'ApplicationSet' ? 'ApplicationSet · ' : ''}wave ${app.wave} · ${gatingWords(app)}`,
      tooltip: [`${app.kind} ${app.name}`, `wave ${app.wave}: ${app.explanation}`, ...findingLine(app.worstFinding), ...app.notExpanded.map((reason) => `Not expanded: ${reason}`), ...app.externalSources.map((source) => `External source: ${source}`)].join('\n'),
      icon: appIcon(app),
      location: app.location,
      nodeId: app.id,
      folderUri,
      resourceFiles: app.resources.map((resource) => resource.location.uri),
      parent,
    });
    const children: { wave: number; add: (under: TreeEntry) => void }[] = [
      ...app.children.map((child) => ({ wave: child.wave, add: (under: TreeEntry) => addApp(under, folderUri, child, self.id) })),
      ...app.resources.map((resource) => ({ wave: resource.wave, add: (under: TreeEntry) => addResource(under, resource) })),
    ];
    // An ApplicationSet's generated Applications are not ordered by their waves: never grouped.
    if (options.groupByWave && app.kind === 'Application' && children.length > 0) {
      const waves = [...new Set(children.map((child) => child.wave))].sort((left, right) => left - right);
      for (const wave of waves) {
        const group = entry({ id: `${self.id}|wave:${wave}`, kind: 'wave', label: `Wave ${wave}`, description: '', tooltip: `Created in wave ${wave} of ${app.name}'s sync`, icon: { codicon: 'list-ordered', severity: null }, location: null, nodeId: null, folderUri, parent: self });
        for (const child of children.filter((candidate) => candidate.wave === wave)) child.add(group);
      }
    } else {
      for (const child of children) child.add(self);
    }
    for (const reason of app.notExpanded) note(self, folderUri, `Not expanded: ${reason}`, 'info');
    for (const source of app.externalSources) note(self, folderUri, `External source: ${source}`, 'link-external');
  };

  const addFolder = (folder: FolderTree, parent: TreeEntry | null): void => {
    if (folder.state === 'ready' && folder.roots.length > 0) {
      for (const root of folder.roots) addApp(parent, folder.folderUri, root, folder.folderUri);
      return;
    }
    const text = folder.state === 'indexing' ? 'Indexing…' : folder.state === 'failed' ? 'The folder could not be read (see the GitOps Waves output).' : 'No Argo CD Applications found.';
    note(parent, folder.folderUri, text, folder.state === 'indexing' ? 'loading~spin' : 'info');
  };

  // One folder: its roots at the top. Several: one row per folder.
  if (result.folders.length === 1) addFolder(result.folders[0]!, null);
  else {
    for (const folder of result.folders) {
      const name = decodeURIComponent(folder.folderUri.replace(/\/+$/, '').split('/').pop() ?? folder.folderUri);
      const self = entry({ id: folder.folderUri, kind: 'folder', label: name, description: '', tooltip: folder.folderUri, icon: { codicon: 'root-folder', severity: null }, location: null, nodeId: null, folderUri: folder.folderUri, parent: null });
      addFolder(folder, self);
    }
  }
  return topLevel;
}

/** Every entry, depth first. */
export function allEntries(entries: readonly TreeEntry[]): TreeEntry[] {
  return entries.flatMap((entry) => [entry, ...allEntries(entry.children)]);
}

/**
 * The entry for a place in a document: among entries located in `uri` (an object's location is its
 * `metadata.name`), the one nearest to `line`, apps before resources on a tie. `normalize` spells entry
 * URIs the way `uri` is spelled (the server may encode a path differently from the editor).
 */
export function entryAt(entries: readonly TreeEntry[], uri: string, line: number, normalize: (uri: string) => string = (same) => same): TreeEntry | undefined {
  const candidates = allEntries(entries).filter((entry) => entry.location && normalize(entry.location.uri) === uri);
  const distance = (entry: TreeEntry): number => Math.abs(entry.location!.range.start.line - line);
  const isApp = (entry: TreeEntry): number => (entry.kind === 'application' || entry.kind === 'applicationSet' ? 0 : 1);
  return candidates.sort((left, right) => distance(left) - distance(right) || isApp(left) - isApp(right))[0];
}

/** The deepest folder holding all of an app's resource files (its source folder), or the folder of its definition. */
export function sourceFolderOf(entry: TreeEntry): string | null {
  const files = entry.resourceFiles.length > 0 ? entry.resourceFiles : entry.location ? [entry.location.uri] : [];
  if (files.length === 0) return null;
  const folders = files.map((file) => file.slice(0, file.lastIndexOf('/')).split('/'));
  const common: string[] = [];
  for (let index = 0; index < folders[0]!.length; index++) {
    const part = folders[0]![index]!;
    if (!folders.every((folder) => folder[index] === part)) break;
    common.push(part);
  }
  return common.length > 0 ? common.join('/') : null;
}
