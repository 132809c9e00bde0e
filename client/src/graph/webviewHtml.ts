// The wave graph webview's HTML: a static page with a strict Content-Security-Policy; the script draws everything else.

/** What the page needs from the extension (URIs already converted with `webview.asWebviewUri`). */
export interface GraphPageInputs {
  /** `webview.cspSource`: the origin our bundled files are served from. */
  readonly cspSource: string;
  /** A fresh random value per page load (see {@link createNonce}). */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

/** 32 random characters from [A-Za-z0-9], from a cryptographic source of random bytes. */
export function createNonce(randomBytes: (count: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(32)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** Escapes a value for a double-quoted HTML attribute (our own URIs and nonce; no repository text enters the page). */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The Content-Security-Policy: nothing by default; scripts only with the nonce (no inline handlers, no
 * eval); styles from the extension's media or with the nonce (the script's one `<style>` in the SVG);
 * images only as data: URIs or from the media folder; no connections, frames, fonts from elsewhere,
 * forms or base URI changes.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The page. Every dynamic part is drawn by the script with DOM calls and textContent. */
export function graphPageHtml(inputs: GraphPageInputs): string {
  const nonce = attribute(inputs.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(contentSecurityPolicy(inputs.cspSource, inputs.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(inputs.styleUri)}" nonce="${nonce}">
<title>Wave graph</title>
</head>
<body>
<header class="toolbar">
<span id="title"></span>
<span id="summary"></span>
<span class="legend">→ needs · <span class="conflict">- - → ordering conflict</span> · dashed box: does not wait for health</span>
<button id="fit" type="button" title="Show the whole graph (0)">Fit</button>
<button id="zoom-out" type="button" title="Zoom out (-)" aria-label="Zoom out">−</button>
<button id="zoom-in" type="button" title="Zoom in (+)" aria-label="Zoom in">+</button>
<button id="export" type="button" title="Save the graph as an SVG file">Export SVG</button>
</header>
<div id="notice" role="status">Loading the wave graph…</div>
<svg id="canvas" class="wave-graph" role="img" aria-label="Wave graph" tabindex="0"></svg>
<script nonce="${nonce}" src="${attribute(inputs.scriptUri)}"></script>
</body>
</html>
`;
}
