// What the generated exports call into.
#pragma once

#include <cstdint>
#include <memory>

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

/// kind_mask value meaning "handle is a shard number" (operations that take an op id).
constexpr uint32_t kRouteByOp = 0xFFFFFFFFu;
/// The shard an asynchronous operation id belongs to.
inline int64_t route_of_op(int64_t op_id) { return op_id > 0 ? (op_id & 0xFF) : -1; }

/// Posts an asynchronous request (or keeps it for this thread's batch) and returns its op id
/// (> 0) at once, or an error code; the result arrives as a completion carrying user_data.
int64_t submit(std::unique_ptr<Request> req, uint64_t user_data, int64_t handle = 0, uint32_t kind_mask = 0);

} // namespace uringnet
