-- wrk script: POST a distinct work (its own DOI) per request to /v3.0/{orcid}/work, rotating over
-- researchers with a bearer token each. Arguments (after --): TARGETS_FILE ("orcid token" lines),
-- BODY_FILE (a string.format template with %s for: nonce, thread, counter, doi, doi), NONCE.

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  targets = {}
  for line in io.lines(args[1]) do
    local orcid, token = string.match(line, "(%S+)%s+(%S+)")
    if orcid then targets[#targets + 1] = { orcid, "Bearer " .. token } end
  end
  local file = io.open(args[2], "r")
  template = file:read("*a")
  file:close()
  nonce = args[3]
  counter = 0
  non2xx = 0
  by_status = {}
  statuses = ""
  sample = ""
end

function request()
  counter = counter + 1
  local target = targets[(tid * 7919 + counter) % #targets + 1]
  local doi = "10.5555/post." .. nonce .. "." .. tid .. "." .. counter
  local body = string.format(template, nonce, tid, counter, doi, doi)
  return wrk.format("POST", "/v3.0/" .. target[1] .. "/work", {
    ["Authorization"] = target[2],
    ["Content-Type"] = "application/vnd.orcid+json",
    ["Accept"] = "application/vnd.orcid+json",
  }, body)
end

counted_by_script = true

function response(status, hdrs, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    by_status[status] = (by_status[status] or 0) + 1
    local parts = {}
    for code, n in pairs(by_status) do parts[#parts + 1] = code .. ":" .. n end
    statuses = table.concat(parts, ",")
    if sample == "" then
      sample = status .. " " .. string.gsub(string.sub(body or "", 1, 300), "[\r\n\"\\]", " ")
    end
  end
end
