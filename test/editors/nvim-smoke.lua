-- Headless Neovim attaches covenant-language-server to samples/payroll.covenant, then checks that the
-- diagnostics are exactly the findings the sample's `// expect:` comments name, and that a hover on a
-- role shows its holder. Uses the Neovim 0.7 API (vim.lsp.start_client), which later versions keep.
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
  finish(true, count .. " diagnostics as the sample expects; hover shows the role and its holder")
end)
if not ok then finish(false, tostring(err)) end
