// What the generated exports call into.
#pragma once

#include <cstdint>
#include <memory>
#include <shared_mutex>

#include "address.hpp"
#include "request.hpp"

namespace uringnet {

/// Posts req to the shard that owns handle (or the default shard) and waits for it.
/// Validates what the calling thread can: runtime state, handle shape, kind and epoch.
/// kind_mask has bit (1 << kind) set for every handle kind the operation takes; 0 when
/// the operation takes no handle.
/// From a completion callback (a runtime thread, where waiting could deadlock) the request
/// runs inline, is started, or is refused with WOULD_DEADLOCK, as the spec's from_callback says.
enum class FromCallback { would_deadlock, inline_, started };
int64_t call(Request &req, int64_t handle = 0, uint32_t kind_mask = 0,
             FromCallback from_callback = FromCallback::would_deadlock);

/// Posts req, a blocking call, to shard and waits for its result; lk (g_mu, shared, held)
/// is released. With runtime_configure_interruptible on, the wait ends early when a host's
/// signal interrupts it: the call is cancelled and, unless it completed first, returns
/// INTERRUPTED. epoch: the runtime's, taken while lk was held.
int64_t post_and_wait(Shard &shard, Request &req, std::shared_lock<std::shared_mutex> &lk, uint32_t epoch);
/// The two halves of post_and_wait, for a caller that must act between the post and the wait:
/// makes req interruptible where the host asked for it (called while g_mu is held or the
/// caller is counted in a slot's users, so that the thread's eventfd cannot be closed
/// meanwhile; returns the waker, or null), and waits for the posted req.
struct CallerWaker;
CallerWaker *interruptible_wait(const Shard &shard, Request &req);
int64_t wait_posted(Shard &shard, Request &req, CallerWaker *w, uint32_t epoch);

/// Whether h is a live stream handle of the running runtime (any thread, no request; the
/// stream's read_timeout option into *read_timeout_ms when it is). For a layer above the
/// API that keeps per-stream state (core/simple_stream.cpp): a closed handle is not live.
bool stream_live(int64_t h, int64_t *read_timeout_ms = nullptr);

/// kind_mask value meaning "handle is a shard number" (operations that take an op id).
constexpr uint32_t kRouteByOp = 0xFFFFFFFFu;
/// The shard an asynchronous operation id belongs to.
inline int64_t route_of_op(int64_t op_id) { return op_id > 0 ? (op_id & 0xFF) : -1; }

/// Posts an asynchronous request (or keeps it for this thread's batch) and returns its op id
/// (> 0) at once, or an error code; the result arrives as a completion carrying user_data.
int64_t submit(std::unique_ptr<Request> req, uint64_t user_data, int64_t handle = 0, uint32_t kind_mask = 0);

} // namespace uringnet
