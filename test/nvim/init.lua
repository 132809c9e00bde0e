-- Neovim configuration that attaches the GitOps Waves language server to YAML buffers (CI check and example for docs/editors.md).
-- Works with Neovim 0.8+ (vim.lsp.start) and with Debian 12's 0.7 (vim.lsp.start_client + buf_attach_client).
--
-- Environment:
--   GITOPS_WAVES_SERVER     the server: a path to server.js (run with node) or a command name
--                           (default: gitops-waves-language-server, the npm bin)
--   GITOPS_WAVES_STATE_DIR  optional --state-dir for the server

local server = vim.env.GITOPS_WAVES_SERVER or 'gitops-waves-language-server'
local cmd = server:match('%.js$') and { 'node', server, '--stdio' } or { server, '--stdio' }
if vim.env.GITOPS_WAVES_STATE_DIR then
  vim.list_extend(cmd, { '--state-dir', vim.env.GITOPS_WAVES_STATE_DIR })
end

-- The repository a file belongs to: the nearest folder up with .gitops-waves.yaml or .git, else the current folder.
local function repository_root(file)
  local folder = vim.fn.fnamemodify(file, ':p:h')
  local config = vim.fn.findfile('.gitops-waves.yaml', folder .. ';')
  if config ~= '' then
    return vim.fn.fnamemodify(config, ':p:h')
  end
  local git = vim.fn.finddir('.git', folder .. ';')
  if git ~= '' then
    return vim.fn.fnamemodify(git, ':p:h:h')
  end
  return vim.fn.getcwd()
end

local clients_by_root = {}

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'yaml',
  callback = function(args)
    local root = repository_root(vim.api.nvim_buf_get_name(args.buf))
    local config = {
      name = 'gitops-waves',
      cmd = cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
      -- Answered to workspace/configuration: rule id → error | warning | info | hint | off.
      settings = { gitopsWaves = { rules = {} } },
    }
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf })
    else
      clients_by_root[root] = clients_by_root[root] or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, clients_by_root[root])
    end
  end,
})
