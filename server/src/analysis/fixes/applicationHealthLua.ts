// The Lua health check Argo CD documents for Applications, and the argocd-cm key that holds it.

/** The key Argo CD reads for a per-kind health check (split-key form, `docs/operator-manual/health.md`). */
export const APPLICATION_HEALTH_KEY = 'resource.customizations.health.argoproj.io_Application';

/**
 * The Lua Argo CD documents for Application health (argocd-semantics.md §2, identical in
 * `docs/operator-manual/health.md` and `upgrading/1.7-1.8.md`), with a final line break.
 */
export const APPLICATION_HEALTH_LUA = [
  'hs = {}',
  'hs.status = "Progressing"',
  'hs.message = ""',
  'if obj.status ~= nil then',
  '  if obj.status.health ~= nil then',
  '    hs.status = obj.status.health.status',
  '    if obj.status.health.message ~= nil then',
  '      hs.message = obj.status.health.message',
  '    end',
  '  end',
  'end',
  'return hs',
  '',
].join('\n');
