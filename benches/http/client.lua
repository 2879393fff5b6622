-- wrk script for benches/http.sh. Times every request on the client side (LuaJIT ffi
-- clock_gettime), because wrk's own percentiles add coordinated-omission samples.
-- Run with one connection per thread (wrk -tN -cN): each thread then has exactly one
-- request in flight, so the time between request() and response() is that request's.
--
-- Environment:
--   BENCH_MODE    intake: POST the portal form with a unique email per request
--                 get:    GET BENCH_PATH
--   BENCH_COOKIE  Cookie header (session with the CSRF token, or a logged-in handler)
--   BENCH_CSRF    the session's CSRF token (intake)
--   BENCH_RUN     a word that makes this run's emails unique (intake)
--   BENCH_PATH    the path to GET (get)
-- done() prints one line: RESULT key=value ... (times in ms).

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1e3 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}
local next_tid = 0

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

function init(args)
  lat = {}
  ok = 0
  other = 0
  n = 0
  started = nil
  mode = os.getenv("BENCH_MODE") or "get"
  cookie = os.getenv("BENCH_COOKIE") or ""
  csrf = os.getenv("BENCH_CSRF") or ""
  run = os.getenv("BENCH_RUN") or "run"
  path = os.getenv("BENCH_PATH") or "/"
end

function request()
  n = n + 1
  local req
  if mode == "intake" then
    local body = "csrf_token=" .. csrf ..
      "&kind=erasure&name=Bench+Subject&email=bench-" .. run .. "-" .. tid .. "-" .. n ..
      "%40example.com&erasure_scope=everything&erasure_ground=a"
    req = wrk.format("POST", "/requests", {
      ["Cookie"] = cookie,
      ["Content-Type"] = "application/x-www-form-urlencoded",
    }, body)
  else
    req = wrk.format("GET", path, { ["Cookie"] = cookie })
  end
  started = now_ms()
  return req
end

function response(status, headers, body)
  if started then
    lat[#lat + 1] = now_ms() - started
    started = nil
  end
  if status == 200 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local all, oks, others = {}, 0, 0
  for _, t in ipairs(threads) do
    for _, v in ipairs(t:get("lat")) do all[#all + 1] = v end
    oks = oks + t:get("ok")
    others = others + t:get("other")
  end
  table.sort(all)
  local function pct(p)
    if #all == 0 then return 0 end
    local i = math.ceil(#all * p / 100)
    if i < 1 then i = 1 end
    return all[i]
  end
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT n=%d ok=%d other=%d rps=%.1f p50=%.2f p99=%.2f p999=%.2f max=%.2f " ..
    "wrk_p50=%.2f wrk_p99=%.2f wrk_p999=%.2f wrk_max=%.2f errors=%d\n",
    #all, oks, others, #all / secs, pct(50), pct(99), pct(99.9), all[#all] or 0,
    latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
    latency:percentile(99.9) / 1e3, latency.max / 1e3,
    e.connect + e.read + e.write + e.timeout))
end
