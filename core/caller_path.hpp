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
/// epoch: the runtime's (for post_and_wait).
bool call_on_caller(Shard &shard, FastSlot &f, Request &req, std::shared_lock<std::shared_mutex> &lk, uint32_t epoch,
                    int64_t &result);

// The calling threads' transitions of a stream's lines (core/line.cpp; rules in line.hpp).

/// Whether requests of this kind take their place in a stream's line: reads, writes, and
/// tcp_shutdown and tcp_flush (which act after the writes called before them).
inline bool in_a_line(gen::RequestKind kind) {
    return kind == gen::RequestKind::tcp_read || kind == gen::RequestKind::tcp_write ||
           kind == gen::RequestKind::tcp_shutdown || kind == gen::RequestKind::tcp_flush;
}
/// The line a request of this kind belongs to (a read's, or else the write line: writes,
/// shutdown, flush).
int line_of_request(gen::RequestKind kind);
/// Counts a call that goes to the shard in its stream's line while the handle is live (a
/// stale handle's call is not counted): no later call may use the calling thread's path
/// before it completes (Request::complete lets go).
void count_in_line(FastSlot &f, Request &req);
/// The same for a call of the line's holder (handing over): its handle was live when it took the line.
void count_held_line(FastSlot &f, Request &req);
/// The holder lets go of its line; when the shard asked for a hand-over, posts the resume.
void release_line(Shard &shard, FastSlot &f, int line, const Request &req);

} // namespace uringnet
