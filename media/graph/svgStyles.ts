// The wave graph's SVG styles, one source for the live view and the exported file: colours come from --gw-* variables.

/** The --gw-* variables the rules use, each with the VS Code theme colour it follows in the webview. */
export const PALETTE: Record<string, string> = {
  '--gw-background': 'var(--vscode-editor-background, #ffffff)',
  '--gw-foreground': 'var(--vscode-editor-foreground, #1f1f1f)',
  '--gw-muted': 'var(--vscode-descriptionForeground, #717171)',
  '--gw-node-background': 'var(--vscode-editorWidget-background, #f3f3f3)',
  '--gw-node-border': 'var(--vscode-editorWidget-border, var(--vscode-contrastBorder, #8a8a8a))',
  '--gw-set-background': 'var(--vscode-editor-inactiveSelectionBackground, #e5ebf1)',
  '--gw-band': 'var(--vscode-editor-lineHighlightBackground, rgba(128, 128, 128, 0.06))',
  '--gw-edge': 'var(--vscode-editorLineNumber-foreground, #6e7681)',
  '--gw-error': 'var(--vscode-editorError-foreground, #e51400)',
  '--gw-warning': 'var(--vscode-editorWarning-foreground, #bf8803)',
  '--gw-info': 'var(--vscode-editorInfo-foreground, #1a85ff)',
  '--gw-focus': 'var(--vscode-focusBorder, #0090f1)',
  '--gw-font': 'var(--vscode-font-family, sans-serif)',
};

/** The rules of the graph's SVG (scoped to `.wave-graph`). */
export const SVG_RULES = `
.wave-graph { font-family: var(--gw-font); font-size: 12px; }
.wave-graph .column-band { fill: var(--gw-band); }
.wave-graph .column-label { fill: var(--gw-foreground); font-weight: 600; font-size: 13px; }
.wave-graph .column-note { fill: var(--gw-warning); font-size: 10px; }
.wave-graph .column.non-gating .column-band { stroke: var(--gw-warning); stroke-dasharray: 4 4; stroke-opacity: 0.6; }
.wave-graph .set-group rect { fill: var(--gw-set-background); fill-opacity: 0.5; stroke: var(--gw-node-border); stroke-dasharray: 6 3; }
.wave-graph .node { cursor: pointer; }
.wave-graph .node .box { fill: var(--gw-node-background); stroke: var(--gw-node-border); stroke-width: 1; }
.wave-graph .node.set .box { stroke-width: 2; }
.wave-graph .node:not(.gating-health) .box { stroke-dasharray: 5 3; }
.wave-graph .node .name { fill: var(--gw-foreground); font-weight: 600; }
.wave-graph .node .detail { fill: var(--gw-muted); font-size: 11px; }
.wave-graph .node.in-violation .box { stroke: var(--gw-error); stroke-width: 2; }
.wave-graph .node:focus { outline: none; }
.wave-graph .node:focus .box, .wave-graph .node.revealed .box { stroke: var(--gw-focus); stroke-width: 3; }
.wave-graph .badge.severity-error { fill: var(--gw-error); }
.wave-graph .badge.severity-warning { fill: var(--gw-warning); }
.wave-graph .badge.severity-info, .wave-graph .badge.severity-hint { fill: var(--gw-info); }
.wave-graph .edge .line { fill: none; stroke: var(--gw-edge); stroke-width: 1.5; }
.wave-graph .edge .hit { fill: none; stroke: transparent; stroke-width: 12; cursor: pointer; }
.wave-graph .edge.satisfied-elsewhere .line { stroke-opacity: 0.4; }
.wave-graph .edge.violation .line { stroke: var(--gw-error); stroke-width: 2.5; stroke-dasharray: 7 4; }
.wave-graph .edge:hover .line { stroke-width: 3; }
.wave-graph .arrow-normal { fill: var(--gw-edge); }
.wave-graph .arrow-violation { fill: var(--gw-error); }
`;

/** The palette block for the live view: each variable follows its theme colour. */
export function livePaletteRule(): string {
  return `.wave-graph { ${Object.entries(PALETTE).map(([name, value]) => `${name}: ${value};`).join(' ')} }`;
}

/** The palette block for an export: each variable frozen at the value the theme gives it now. */
export function frozenPaletteRule(resolve: (name: string) => string): string {
  const entries = Object.keys(PALETTE).map((name) => `${name}: ${resolve(name).trim() || 'inherit'};`);
  return `.wave-graph { ${entries.join(' ')} } .wave-graph > .background { fill: var(--gw-background); }`;
}
