-- wrk script: POST the signed requests of a file, each once, split over threads.
-- Usage: wrk -s bench/sms.lua URL -- FILE THREADS
-- Each line of FILE is "signature<TAB>form body" (see bench/texts.py).

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local path, count = args[1], tonumber(args[2])
  requests = {}
  local line_number = 0
  for line in io.lines(path) do
    -- Thread k takes lines k, k + count, k + 2 * count...: no request twice.
    if line_number % count == id then
      local signature, body = line:match("^(%S+)\t(.*)$")
      requests[#requests + 1] = wrk.format("POST", nil, {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["X-Twilio-Signature"] = signature,
      }, body)
    end
    line_number = line_number + 1
  end
  sent = 0
end

function request()
  sent = sent + 1
  -- Past the end the list starts again: repeats, which bench/load.py reports.
  return requests[(sent - 1) % #requests + 1]
end
