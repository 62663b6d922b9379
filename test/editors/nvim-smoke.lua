-- Headless Neovim attaches covenant-language-server to samples/payroll.covenant, then checks that the
-- diagnostics are exactly the findings the sample's `// expect:` comments name, that a hover on a
-- role shows its holder, and that a quick fix (resolved, as Neovim announces) removes its finding.
-- Uses the Neovim 0.7 API (vim.lsp.start_client), which later versions keep.
local root = assert(os.getenv("COVENANT_ROOT"), "COVENANT_ROOT is not set")
local file = root .. "/samples/payroll.covenant"

local function finish(ok, message)
  io.stdout:write((ok and "PASS" or "FAIL") .. " nvim-smoke: " .. message .. "\n")
  io.stdout:flush()
  if ok then vim.cmd("qall!") else vim.cmd("cquit! 1") end
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = "covenant"
  local client_id = vim.lsp.start_client({
    name = "covenant",
    cmd = { "node", root .. "/dist/server.js", "--stdio" },
    root_dir = root .. "/samples",
  })
  if not client_id then return finish(false, "the server did not start") end
  vim.lsp.buf_attach_client(buf, client_id)

  -- What the sample promises: "line code" for every code in an `// expect:` comment.
  local expected = {}
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local codes = line:match("// expect: (.*)$")
    if codes then
      for code in codes:gmatch("%S+") do expected[i .. " " .. code] = true end
    end
  end

  local got = {}
  local arrived = vim.wait(30000, function()
    got = {}
    local diagnostics = vim.diagnostic.get(buf)
    for _, d in ipairs(diagnostics) do got[(d.lnum + 1) .. " " .. tostring(d.code)] = true end
    return #diagnostics > 0
  end, 50)
  if not arrived then return finish(false, "no diagnostics within 30 s") end
  -- The diagnostics of one version arrive together; give a late second publish no chance to differ.
  vim.wait(300, function() return false end, 50)
  got = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do got[(d.lnum + 1) .. " " .. tostring(d.code)] = true end
  for key in pairs(expected) do
    if not got[key] then return finish(false, "missing diagnostic " .. key) end
  end
  local count = 0
  for key in pairs(got) do
    count = count + 1
    if not expected[key] then return finish(false, "unexpected diagnostic " .. key) end
  end

  -- Hover on `it-ops` in `customer it-ops`: the role, its holder and deputy.
  local lnum, col
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local at = line:find("customer it%-ops")
    if at then lnum, col = i - 1, at + 9 break end
  end
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = lnum, character = col } }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 10000) or {}
  local text = ""
  for _, r in pairs(responses) do
    if r.result and r.result.contents then text = text .. (r.result.contents.value or "") end
  end
  if not text:find("IT operations", 1, true) or not text:find("Nia Shah", 1, true) then
    return finish(false, "hover on it-ops lacks the role and its holder: " .. text)
  end
  -- The SLA001 quick fix as Neovim takes it: it announces codeAction/resolve, so the list has no edit.
  local sla001
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == "SLA001" then sla001 = d end
  end
  if not sla001 then return finish(false, "no SLA001 diagnostic") end
  local at = { line = sla001.lnum, character = sla001.col }
  local ask = { textDocument = params.textDocument, range = { start = at, ["end"] = at }, context = { diagnostics = {} } }
  local action, titles = nil, {}
  for _, r in pairs(vim.lsp.buf_request_sync(buf, "textDocument/codeAction", ask, 10000) or {}) do
    for _, a in ipairs(r.result or {}) do
      table.insert(titles, a.title)
      if a.title == "Add `window monthly`" then action = a end
    end
  end
  if not action then return finish(false, "no `Add window monthly` quick fix for SLA001 among: " .. table.concat(titles, ", ")) end
  local resolved = action.edit and "listed with its edit" or "resolved"
  if not action.edit then
    for _, r in pairs(vim.lsp.buf_request_sync(buf, "codeAction/resolve", action, 10000) or {}) do
      if r.result then action = r.result end
    end
  end
  if not action.edit then return finish(false, "codeAction/resolve gave no edit") end
  vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
  local fixed = vim.wait(30000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == "SLA001" then return false end
    end
    return true
  end, 50)
  if not fixed then return finish(false, "SLA001 still reported after its quick fix") end
  finish(true, count .. " diagnostics as the sample expects; hover shows the role and its holder; the SLA001 quick fix, " .. resolved .. ", removes it")
end)
if not ok then finish(false, tostring(err)) end
