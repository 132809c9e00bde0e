// The wave graph panel's webview options: scripts on, everything else off, files only from the extension's media/dist.

/** Where the webview's bundled script and stylesheet live, relative to the extension folder. */
export const GRAPH_MEDIA_FOLDER = ['media', 'dist'] as const;

/** The panel's view type (also the id its serializer would use). */
export const GRAPH_VIEW_TYPE = 'gitopsWaves.waveGraph';

/** Webview options (a subset of `vscode.WebviewPanelOptions & vscode.WebviewOptions`, generic over the URI type so it is unit-tested without VS Code). */
export interface GraphWebviewOptions<U> {
  readonly enableScripts: true;
  readonly enableCommandUris: false;
  readonly enableForms: false;
  readonly localResourceRoots: readonly U[];
  readonly retainContextWhenHidden: false;
}

/**
 * The options: only our script runs (no command URIs, no forms), and the webview may load files from
 * `mediaRoot` (the extension's media/dist) and nowhere else: not the workspace, not the rest of the
 * extension. The context is not retained when hidden: the page asks for the graph again when shown.
 */
export function graphWebviewOptions<U>(mediaRoot: U): GraphWebviewOptions<U> {
  return { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [mediaRoot], retainContextWhenHidden: false };
}
