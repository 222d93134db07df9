// What the generated exports call into.
#pragma once

#include <cstdint>

#include "address.hpp"
#include "request.hpp"

namespace uringnet {

/// Posts req to the shard that owns handle (or the default shard) and waits for it.
/// Validates what the calling thread can: runtime state, handle shape, kind and epoch.
/// kind_mask has bit (1 << kind) set for every handle kind the operation takes; 0 when
/// the operation takes no handle.
int64_t call(Request &req, int64_t handle = 0, uint32_t kind_mask = 0);

} // namespace uringnet
