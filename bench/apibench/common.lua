-- Shared by reads.lua and post.lua (appended to each by bench/api.py): count non-2xx, report in done().

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

function done(summary, latency, requests)
  local non2xx_total, statuses_all, samples = 0, {}, {}
  for _, thread in ipairs(threads) do
    non2xx_total = non2xx_total + (thread:get("non2xx") or 0)
    local s = thread:get("statuses")
    if s and s ~= "" then statuses_all[#statuses_all + 1] = s end
    local one = thread:get("sample")
    if one and one ~= "" then samples[#samples + 1] = one end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"mean_us":%.1f,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,' ..
    '"status_errors":%d,"non2xx":%d,"statuses":"%s","sample":"%s"}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean, e.connect, e.read, e.write, e.timeout, e.status,
    non2xx_total, table.concat(statuses_all, ","), samples[1] or ""))
end
