// Recognises remote kustomize resources (git and HTTP URLs), which are recorded, never fetched.

/**
 * True for what kustomize would load remotely: URLs with a scheme (`https://`, `ssh://`,
 * `git::`…), scp-like `git@host:org/repo`, host-first forms such as `github.com/org/repo//path`,
 * and anything with a `?ref=` / `?version=` query. Only asked after a local lookup failed, as
 * kustomize itself tries the local file and folder first.
 */
export function isRemoteResource(entry: string): boolean {
  const text = entry.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return true;
  if (/^git::/i.test(text) || /^[\w.-]+@[\w.-]+:/.test(text)) return true;
  if (/[?&](ref|version|submodules|timeout)=/.test(text)) return true;
  return /^(github\.com|gitlab\.com|bitbucket\.org|dev\.azure\.com|[\w-]+(\.[\w-]+)+\.[a-z]{2,})\/[^/]/i.test(text);
}
