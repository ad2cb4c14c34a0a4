-- wrk script: GET paths read from a file (one a line), each thread from its own offset, in turn.
-- Arguments (after --): PATHS_FILE ACCEPT. done() prints one "BENCH {json}" line with the latency
-- percentiles (microseconds) and the counts, for bench/api.py.
-- No response() on purpose: with one, wrk copies every body into a buffer and then into a Lua string,
-- ~30 us of the load generator's CPU per 150 KB record, taken from the server on a shared machine (it
-- lowered the record reads' share of the ceiling). Errors are wrk's own count of statuses >= 400; a
-- redirect would go uncounted, so bench/api.py checks one request of each scenario (probe) first.

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  headers = { ["Accept"] = args[2] }
  index = (tid * 7919) % #paths
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index], headers)
end
