// Making a shard's io_uring: the setup flags the kernel accepts, and what its opcodes offer
// (core/backend_uring.cpp runs the ring).
#pragma once

#include <liburing.h>

#include <string>

namespace uringnet {

/// Sets ring up with entries submission entries (at least 4: a linked timeout needs two
/// submitted together) and four times as many completion entries, with the most helpful
/// flags the kernel accepts (SQPOLL when asked). 0, or the errno of the last refusal.
int create_ring(io_uring &ring, unsigned entries, bool sqpoll);

/// What the kernel behind a ring offers beyond the opcodes every shard needs.
struct UringOpcodes {
    bool zero_copy = false;        ///< IORING_OP_SEND_ZC
    bool multishot_accept = false; ///< Linux 5.19 (no flag of its own: IORING_OP_SOCKET came with it)
};

/// Probes ring's opcodes; missing names the first one the core needs that the kernel lacks
/// (then the ring must not be used), else it stays empty.
UringOpcodes probe_opcodes(io_uring &ring, std::string &missing);

} // namespace uringnet
