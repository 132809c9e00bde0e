-- Headless Neovim script: opens GITOPS_WAVES_FILE, waits for its diagnostics, writes them to GITOPS_WAVES_OUTPUT, quits.
local file = assert(vim.env.GITOPS_WAVES_FILE, 'GITOPS_WAVES_FILE is not set')
local output = assert(vim.env.GITOPS_WAVES_OUTPUT, 'GITOPS_WAVES_OUTPUT is not set')
local timeout_ms = tonumber(vim.env.GITOPS_WAVES_TIMEOUT_MS or '30000')

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()
local arrived = vim.wait(timeout_ms, function()
  return #vim.diagnostic.get(buffer) > 0
end, 50)

local lines = {}
if not arrived then
  table.insert(lines, 'TIMEOUT no diagnostics after ' .. timeout_ms .. ' ms')
end
for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
  -- lnum and col are 0-based; severity 1 = error … 4 = hint.
  table.insert(lines, string.format('%d:%d %d %s %s', diagnostic.lnum, diagnostic.col, diagnostic.severity, tostring(diagnostic.code), diagnostic.message))
end
vim.fn.writefile(lines, output)
vim.cmd('qall!')
