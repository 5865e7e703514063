"""The Lua scripts of the Redis store: each step of a text in one atomic call.

Redis runs a script whole, with nothing from another client in between, so
each of these is all-or-nothing and costs one round trip. The keys of one
number (see redis_store.py) are passed as KEYS; FORGET also names message
records it finds in a set, which one Redis server allows and Redis Cluster
would not.

A number's texts wait in a list, `turns`: the first token in it holds the
turn. Every token has a lease in `leases`, renewed each time its worker asks
again; a token whose lease ran out belongs to a worker that died, and is
skipped, so a dead worker never blocks a number for longer than a lease.
Leases are counted in the Redis server's own clock, the one clock that all
hosts share.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

_END_TURN = """
local function end_turn(turns, leases, token)
  if token == '' then return end
  if redis.call('LINDEX', turns, 0) == token then
    redis.call('LPOP', turns)
  else
    redis.call('LREM', turns, 1, token)
  end
  redis.call('HDEL', leases, token)
end
"""


@dataclass(frozen=True)
class Script:
    source: str
    sha: str = field(init=False)

    def __post_init__(self) -> None:
        digest = hashlib.sha1(self.source.encode("utf-8")).hexdigest()
        object.__setattr__(self, "sha", digest)


# KEYS: turns, leases, message, conversation. ARGV: token, lease in ms.
# Returns {0} while others are ahead; else {1, earlier reply, data, version,
# updated}, with false for what is not there.
TAKE_TURN = Script("""
local turns, leases = KEYS[1], KEYS[2]
local token, lease_ms = ARGV[1], tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)

if not redis.call('LPOS', turns, token) then
  redis.call('RPUSH', turns, token)
end
redis.call('HSET', leases, token, now + lease_ms)
redis.call('PEXPIRE', turns, lease_ms)
redis.call('PEXPIRE', leases, lease_ms)

while true do
  local first = redis.call('LINDEX', turns, 0)
  if first == token then break end
  local alive_until = tonumber(redis.call('HGET', leases, first))
  if alive_until and alive_until >= now then return {0} end
  redis.call('LPOP', turns)
  redis.call('HDEL', leases, first)
end

local saved = redis.call('HMGET', KEYS[4], 'data', 'version', 'updated')
return {1, redis.call('GET', KEYS[3]), saved[1], saved[2], saved[3]}
""")

# KEYS: message, conversation. Returns {earlier reply, data, version, updated}.
LOAD = Script("""
local saved = redis.call('HMGET', KEYS[2], 'data', 'version', 'updated')
return {redis.call('GET', KEYS[1]), saved[1], saved[2], saved[3]}
""")

# KEYS: message, conversation, messages, turns, leases.
# ARGV: message record, reply, data ('' keeps the conversation as it is),
# version ('' for a new conversation), now, cutoff, idle ms, dedupe seconds,
# token ('' if none). Returns {0} on a conflict (the turn is kept, to read again), else
# {1, the reply to send}; either way nothing is half-written.
SAVE = Script(_END_TURN + """
local earlier = redis.call('GET', KEYS[1])
if earlier then
  end_turn(KEYS[4], KEYS[5], ARGV[9])
  return {1, earlier}
end

if ARGV[3] ~= '' then
  local current = redis.call('HMGET', KEYS[2], 'version', 'updated')
  local version = current[1]
  if ARGV[4] == '' then
    -- A new conversation may replace one that is idle past the cutoff.
    if version and tonumber(current[2]) >= tonumber(ARGV[6]) then return {0} end
  elseif version ~= ARGV[4] then
    return {0}
  end
  redis.call('HSET', KEYS[2], 'data', ARGV[3],
             'version', (tonumber(version) or 0) + 1, 'updated', ARGV[5])
  redis.call('PEXPIRE', KEYS[2], ARGV[7])
end

redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[8])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('EXPIRE', KEYS[3], ARGV[8])
end_turn(KEYS[4], KEYS[5], ARGV[9])
return {1, ARGV[2]}
""")

# KEYS: message, conversation, messages, turns, leases.
# ARGV: message record, dedupe seconds, token, the prefix of message keys.
# Earlier messages stay recorded, so a repeat is still not applied, but lose
# their reply and their link to the number. A repeated opt-out does nothing.
FORGET = Script(_END_TURN + """
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('DEL', KEYS[2])
  for _, sid in ipairs(redis.call('SMEMBERS', KEYS[3])) do
    redis.call('SET', ARGV[4] .. sid, '', 'KEEPTTL', 'XX')
  end
  redis.call('DEL', KEYS[3])
  redis.call('SET', KEYS[1], '', 'EX', ARGV[2])
end
end_turn(KEYS[4], KEYS[5], ARGV[3])
return 1
""")

# KEYS: turns, leases. ARGV: token.
END_TURN = Script(_END_TURN + """
end_turn(KEYS[1], KEYS[2], ARGV[1])
return 1
""")

# KEYS: conversations to check. ARGV: cutoff. Returns how many were deleted.
PURGE = Script("""
local deleted = 0
for _, key in ipairs(KEYS) do
  local updated = tonumber(redis.call('HGET', key, 'updated'))
  if updated and updated < tonumber(ARGV[1]) then
    redis.call('DEL', key)
    deleted = deleted + 1
  end
end
return deleted
""")
