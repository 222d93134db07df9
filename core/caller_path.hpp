// Blocking reads and writes on the calling thread (the rules are in fast_path.hpp).
#pragma once

#include <cstdint>
#include <shared_mutex>

#include "fast_path.hpp"
#include "request.hpp"

namespace uringnet {

class Shard;

/// A blocking tcp_read or tcp_write (req, its handle set) on the stream of slot f. When the
/// call is first in its stream's line it runs here, waiting on this thread if it has to, and
/// the result is set: true. Otherwise false, and the caller posts it to the shard, counted
/// in its line (count_in_line). lk (g_mu, shared) is held on entry; it may be released.
bool call_on_caller(Shard &shard, FastSlot &f, Request &req, std::shared_lock<std::shared_mutex> &lk, int64_t &result);

/// Counts a read or write that goes to the shard in its stream's line: no later call may use
/// the calling thread's path before it completes (Request::complete lets go).
void count_in_line(FastSlot &f, Request &req);

} // namespace uringnet
