// Host-name lookups off the runtime thread. getaddrinfo blocks (for as long as the name
// servers in resolv.conf take), so it runs on a small pool of resolver threads shared by
// the whole process; a shard waits for the result like for any kernel operation (with the
// request's deadline), and a caller of *_submit never waits for it at all.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "address.hpp"

namespace uringnet {

struct LookupJob {
    uint32_t epoch = 0;  ///< the runtime the request belongs to
    uint32_t shard = 0;  ///< the shard that waits for the answer
    uint32_t id = 0;     ///< the shard's number for the waiting operation
    std::string text;    ///< "host:port"
    int64_t deadline_ns = -1; ///< the operation's deadline: a lookup still queued after it is skipped
    std::shared_ptr<std::atomic<bool>> abandoned; ///< set by the shard when the operation ended without it
};

/// At most this many lookups wait for a resolver thread (beyond the ones running).
constexpr size_t kMaxQueuedLookups = 256;

/// Queues a lookup; the answer goes to deliver_lookup (from a resolver thread). False when
/// kMaxQueuedLookups wait already, or no resolver thread can be started (the caller fails
/// the operation with NO_RESOURCES).
bool resolve_later(LookupJob job);

/// Hands a finished lookup to its shard if its runtime is still running (runtime.cpp).
void deliver_lookup(const LookupJob &job, int64_t result, const Address &address, AddressList all);

} // namespace uringnet
