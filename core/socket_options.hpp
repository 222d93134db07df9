// Socket options and multicast membership for the handlers (they run on the shard thread).
#pragma once

#include <cerrno>
#include <cstdint>

#include "shard.hpp"

#include "requests.hpp"

namespace uringnet {

/// The error code of the errno a failed syscall left.
inline int64_t errno_code() { return gen::error_from_errno(errno); }
/// 0, or the error code of the errno a failed syscall left.
inline int64_t check(int rc) { return rc == 0 ? 0 : errno_code(); }
/// An int socket option's value, or an error code.
int64_t get_int(int fd, int level, int name);

/// Sets a spec socket option on a slot's socket (read/write timeouts: remembered in its
/// FastSlot); 0, or an error code.
int64_t set_option(Slot &s, FastSlot &f, int64_t option, int64_t value);
/// A spec socket option's value on a slot's socket, or an error code.
int64_t get_option(Slot &s, const FastSlot &f, int64_t option);
/// Joins (or leaves) a multicast group on a UDP socket, on an interface named, numbered or
/// given by address (iface may be null); 0, or an error code.
int64_t multicast(const Slot &s, const char *group_text, const char *iface, bool join);

} // namespace uringnet
