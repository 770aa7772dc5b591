-- Headless Neovim (0.7+) LSP smoke test, driven by scripts/e2e/nvim-smoke.sh.
-- Starts the language server with Neovim's built-in client, opens a landscape
-- file, waits for diagnostics (vim.diagnostic.get) and prints them.
-- Inputs (environment): LL_NVIM_SERVER_CMD (shell command), LL_NVIM_FILE,
-- LL_NVIM_TIMEOUT_MS. Exit: 0 with >=1 diagnostic, 1 with none, 2 on errors.
-- Only APIs present in 0.7 are used (vim.lsp.start_client, not vim.lsp.start).

local function out(s) io.stdout:write(s .. '\n') end
local function fail(code, msg)
  io.stdout:write('nvim-smoke: ' .. msg .. '\n')
  -- the server's stderr ends up in Neovim's LSP log: show its tail
  local ok, lines = pcall(vim.fn.readfile, vim.lsp.get_log_path())
  if ok and #lines > 0 then
    io.stdout:write('nvim-smoke: last lines of ' .. vim.lsp.get_log_path() .. ':\n')
    for i = math.max(1, #lines - 15), #lines do io.stdout:write('  ' .. lines[i] .. '\n') end
  end
  vim.cmd('cquit ' .. code)
end

local server_cmd = os.getenv('LL_NVIM_SERVER_CMD')
local file = os.getenv('LL_NVIM_FILE')
local timeout_ms = tonumber(os.getenv('LL_NVIM_TIMEOUT_MS') or '30000')
if not server_cmd or server_cmd == '' or not file or file == '' then
  fail(2, 'LL_NVIM_SERVER_CMD and LL_NVIM_FILE must be set')
  return
end
file = vim.fn.fnamemodify(file, ':p')
local root = vim.fn.fnamemodify(file, ':h')

local function language_id(_, filetype)
  local name = vim.fn.fnamemodify(file, ':t')
  if name:match('%.landscape%.ya?ml$') then return 'sap-landscape-yaml' end
  if name:match('%.landscape%.json$') then return 'sap-landscape-json' end
  return filetype
end

local exited = nil
local log_lines = {}
local client_id = vim.lsp.start_client({
  name = 'landscape-lint',
  cmd = { 'sh', '-c', 'exec ' .. server_cmd },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
  get_language_id = language_id,
  handlers = {
    ['window/logMessage'] = function(_, result)
      if result and result.message then table.insert(log_lines, result.message) end
    end,
    ['window/showMessage'] = function(_, result)
      if result and result.message then out('nvim-smoke: server says: ' .. result.message) end
    end,
  },
  on_exit = function(code, signal) exited = { code = code, signal = signal } end,
})
if not client_id then
  fail(2, 'could not start the language server: ' .. server_cmd)
  return
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

local t0 = vim.loop.hrtime()
local got = vim.wait(timeout_ms, function()
  return exited ~= nil or #vim.diagnostic.get(bufnr) > 0
end, 50)
local ms = math.floor((vim.loop.hrtime() - t0) / 1e6)

local diags = vim.diagnostic.get(bufnr)
local client = vim.lsp.get_client_by_id(client_id)
local server_name = client and client.server_capabilities and client.initialized and 'initialized' or 'not initialized'
out(string.format('nvim-smoke: %s; server %s; %d diagnostic(s) after %d ms', file, server_name, #diags, ms))
local sev = { 'error', 'warning', 'info', 'hint' }
table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
for _, d in ipairs(diags) do
  out(string.format('%s:%d:%d: %s: %s [%s%s]', vim.fn.fnamemodify(file, ':t'), d.lnum + 1, d.col + 1,
    sev[d.severity] or tostring(d.severity), (d.message:gsub('\n', ' ')), d.source or '?',
    d.code and ('/' .. tostring(d.code)) or ''))
end

if exited then
  for _, l in ipairs(log_lines) do out('nvim-smoke: log: ' .. l) end
  fail(1, string.format('language server exited early (code %s, signal %s)', tostring(exited.code), tostring(exited.signal)))
  return
end
pcall(vim.lsp.stop_client, client_id)
vim.wait(2000, function() return exited ~= nil end, 50)
if not got or #diags == 0 then
  for _, l in ipairs(log_lines) do out('nvim-smoke: log: ' .. l) end
  fail(1, string.format('no diagnostics within %d ms', timeout_ms))
  return
end
vim.cmd('qall!')
