-- Shared by reads.lua and post.lua (appended to each by bench/api.py): report in done(). A script that
-- defines response() counts its non-2xx per status; one that does not has wrk's own count of >= 400.

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
  if not counted_by_script then
    non2xx_total = e.status
    if e.status > 0 then statuses_all = { ">=400:" .. e.status } end
  end
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"mean_us":%.1f,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,' ..
    '"status_errors":%d,"non2xx":%d,"statuses":"%s","sample":"%s"}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean, e.connect, e.read, e.write, e.timeout, e.status,
    non2xx_total, table.concat(statuses_all, ","), samples[1] or ""))
end
