// The two Lua scripts of shared pacing. Each runs atomically in Redis, so processes never race on the state;
// the time is Redis's own (TIME), so hosts with skewed clocks agree. One hash per budget:
//   rem    attempts the server will still accept (absent: unknown)    lim    the limit the server stated
//   until  no attempt before this time (ms)                           refill the window resets at `until`
//   probe  one attempt at a time until a response comes               infl   attempts granted, not yet answered
//   reset  when the server said its window resets (ms)                seen   last answer (ms), to clear a dead infl
//   why    'r': Retry-After, else the reset                            seq    turns granted so far
//   rate   refill rate (tokens/s) the headers imply                 at     when `rem` was last brought up to date

/** Turns are spread a little under the refill rate the headers imply, so rounding errors do not draw 429s. */
const RATE_MARGIN = 0.95;

const PRELUDE = `
local key = KEYS[1]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local s = redis.call('HMGET', key, 'rem', 'lim', 'until', 'refill', 'probe', 'infl', 'reset', 'seen', 'why', 'seq', 'rate', 'at', 'lt')
local rem, lim, untl = tonumber(s[1]), tonumber(s[2]), tonumber(s[3]) or 0
local refill, probe, infl = s[4] == '1', s[5] == '1', tonumber(s[6]) or 0
local reset, seen, why, seq = tonumber(s[7]) or 0, tonumber(s[8]) or 0, s[9] or '', tonumber(s[10]) or 0
local rate, at, lt = tonumber(s[11]), tonumber(s[12]) or now, tonumber(s[13]) or 0
-- The server refills as time passes: at the rate it stated, the estimate grows (to the limit at most).
if rem and rate and now >= untl then rem = math.min(lim or math.huge, rem + rate * math.max(0, now - at) / 1000) end
at = now
local function close(at, reason)
  if at > untl then untl = at; why = reason end
  refill = true
end
local function save()
  redis.call('HSET', key, 'lim', lim or '', 'until', untl, 'refill', refill and '1' or '0', 'probe', probe and '1' or '0',
    'infl', infl, 'reset', reset, 'seen', seen, 'why', why, 'seq', seq, 'rate', rate or '', 'at', at, 'lt', lt)
  if rem then redis.call('HSET', key, 'rem', rem) else redis.call('HDEL', key, 'rem') end
  redis.call('PEXPIRE', key, 600000)
end
`;

/**
 * ARGV: want. Returns { granted, waitMs, why, first }: granted 0 means wait waitMs (0: ask again soon); the turns
 * granted are numbered first, first + 1, ... in the order of all turns of the budget.
 */
export const ACQUIRE = `${PRELUDE}
local want = tonumber(ARGV[1])
if now < untl then return {0, untl - now, why, 0} end
if refill then
  refill = false
  rem = lim
end
local granted = 0
if probe then
  if infl == 0 or now - seen > 5000 then granted = 1; infl = 0 end
elseif rem == nil then
  granted = want
elseif rem >= 1 then
  granted = math.min(want, math.floor(rem))
  rem = rem - granted
  -- All spent, and no refill rate known: hold until the reset the server last stated.
  if rem < 1 and not rate and reset > now then close(reset, '') end
elseif rate then
  -- Spread the turns at the refill rate rather than sleep to the window's end.
  save()
  return {0, math.ceil((1 - rem) * 1000 / rate), why, 0}
elseif infl == 0 or now - seen > 5000 then
  -- Nothing remains and no answer is due: probe rather than stall.
  rem = nil; probe = true; granted = 1; infl = 0
end
infl = infl + granted
seq = seq + granted
save()
return {granted, 0, why, seq - granted + 1}
`;

/**
 * ARGV: answered (attempts that ended), unused (granted but never sent), then the last answer's facts
 * (-1 when absent): remaining, reset (s), limit, hold (s, a 429's Retry-After), why ('r' or ''), and the
 * number of its turn.
 */
export const RELEASE = `${PRELUDE}
local answered, unused = tonumber(ARGV[1]), tonumber(ARGV[2])
local remaining, rs, limit, hold = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
infl = math.max(0, infl - answered - unused)
if rem and unused > 0 then rem = rem + unused end
if answered > 0 then probe = false; seen = now end
if limit >= 0 then lim = limit end
if rs >= 0 then reset = now + rs * 1000 end
-- Near empty, (limit - remaining) / reset is the refill rate (a little under it, as reset is rounded up).
if lim and remaining >= 0 and rs > 0 and remaining <= lim / 10 then rate = (lim - remaining) / rs * ${RATE_MARGIN} end
local turn = tonumber(ARGV[8]) or seq
-- An answer older than one already learnt from (another process's) says less about now: skip its count.
if remaining >= 0 and turn >= lt then
  lt = turn
  -- Turns granted after this one were sent after the server counted it: they will use up tokens too. (Those
  -- granted before it, still unanswered, the server has mostly counted already: subtracting them stops early.)
  local after = math.min(infl, math.max(0, seq - turn))
  local estimate = math.max(0, remaining - after)
  if rem == nil or now >= untl then rem = estimate else rem = math.min(rem, estimate) end
  if rem == 0 and not rate then close(now + (rs >= 0 and rs or 1) * 1000, '') end
end
if hold >= 0 then
  rem = 0; probe = true
  close(now + hold * 1000, ARGV[7])
end
save()
return 1
`;
