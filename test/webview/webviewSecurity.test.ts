// The wave graph page's security: the generated HTML's Content-Security-Policy, nonces and sources, and the webview options.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, graphPageHtml } from '../../client/src/graph/webviewHtml';
import { graphWebviewOptions, GRAPH_MEDIA_FOLDER } from '../../client/src/graph/webviewOptions';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const NONCE = 'abcDEF0123456789abcDEF0123456789';
const html = graphPageHtml({
  cspSource: CSP_SOURCE,
  nonce: NONCE,
  scriptUri: `${CSP_SOURCE}/ext/media/dist/graph.js`,
  styleUri: `${CSP_SOURCE}/ext/media/dist/graph.css`,
});

/** The directives of the page's CSP meta tag, by name. */
function cspDirectives(page: string): Map<string, string[]> {
  const metas = [...page.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/g)];
  expect(metas).toHaveLength(1);
  const policy = metas[0]![1]!.replace(/&#39;|&apos;/g, "'");
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0]!, parts.slice(1)]),
  );
}

/** Every tag of a given name with its attributes. */
function tags(page: string, name: string): Record<string, string>[] {
  return [...page.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map((match) =>
    Object.fromEntries([...match[1]!.matchAll(/([a-z-]+)(?:="([^"]*)")?/gi)].map((attribute) => [attribute[1]!.toLowerCase(), attribute[2] ?? ''])),
  );
}

describe('the wave graph page', () => {
  it('has a CSP that allows nothing by default and scripts only with the nonce', () => {
    const csp = cspDirectives(html);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual([`'nonce-${NONCE}'`]);
    expect(csp.get('style-src')).toEqual([CSP_SOURCE, `'nonce-${NONCE}'`]);
    expect(csp.get('img-src')).toEqual([CSP_SOURCE, 'data:']);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    // Nothing weakens it.
    for (const sources of csp.values()) {
      expect(sources.filter((source) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:'].includes(source))).toEqual([]);
    }
    expect(contentSecurityPolicy(CSP_SOURCE, NONCE)).not.toMatch(/connect-src|frame-src|worker-src/);
  });

  it('puts the nonce on every script, which comes from the extension only, and has no inline code or handlers', () => {
    const scripts = tags(html, 'script');
    expect(scripts).toHaveLength(1);
    for (const script of scripts) {
      expect(script['nonce']).toBe(NONCE);
      expect(script['src']?.startsWith(`${CSP_SOURCE}/`)).toBe(true);
    }
    expect(html).not.toMatch(/<script[^>]*>[^<\s]/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('loads nothing from outside the extension', () => {
    const sources = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((source) => !source.startsWith(`${CSP_SOURCE}/ext/media/dist/`))).toEqual([]);
  });

  it('escapes what it puts in attributes', () => {
    const hostile = graphPageHtml({ cspSource: CSP_SOURCE, nonce: NONCE, scriptUri: 'x"><script>alert(1)</script>', styleUri: 'y' });
    expect(tags(hostile, 'script')).toHaveLength(1);
    expect(hostile).toContain('x&quot;&gt;&lt;script&gt;');
  });

  it('draws a fresh 32-character nonce from the random source', () => {
    const first = createNonce((count) => randomBytes(count));
    const second = createNonce((count) => randomBytes(count));
    expect(first).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(first).not.toBe(second);
  });
});

describe('the wave graph webview options', () => {
  it('run scripts, refuse command URIs and forms, and serve files from media/dist only', () => {
    expect(GRAPH_MEDIA_FOLDER).toEqual(['media', 'dist']);
    expect(graphWebviewOptions('/ext/media/dist')).toEqual({
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: ['/ext/media/dist'],
      retainContextWhenHidden: false,
    });
  });
});
