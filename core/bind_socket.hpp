// Creating and binding the socket of a listener (tcp_listen) or a UDP socket (udp_bind), on
// the shard: the bind_flag values, and the rules for Unix socket files.
#pragma once

#include <cstdint>

#include "address.hpp"

namespace uringnet {

class Shard;

/// Creates a socket of type (SOCK_STREAM, SOCK_DGRAM) for addr, applies the bind_flag values
/// in flags and binds it; returns the fd or an error code. Unix sockets get neither
/// SO_REUSEADDR nor ever SO_REUSEPORT (REUSE_PORT is UNSUPPORTED); their file is replaced only
/// with UNLINK_STALE and only when it is a socket nobody listens on.
int64_t bind_socket(Shard &shard, const Address &addr, int type, uint32_t flags);

} // namespace uringnet
