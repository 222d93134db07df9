// A request posted by a calling thread to a shard. It lives on the caller's stack: the caller
// blocks until complete() and the shard never touches it afterwards.
#pragma once

#include <semaphore>

#include "address.hpp"
#include "requests.hpp"

namespace uringnet {

struct Request {
    explicit Request(gen::RequestKind k) : kind(k) {}
    Request(const Request &) = delete;
    Request &operator=(const Request &) = delete;

    gen::RequestKind kind;
    gen::RequestArgs args{};
    Address address;        ///< resolved on the calling thread for operations that take one
    int64_t handle = 0;     ///< the operation's first handle argument, if any
    Request *next = nullptr; ///< intrusive link in the shard's incoming queue
    int64_t result = 0;
    std::binary_semaphore done{0};

    /// Completes the request exactly once; after this the shard must forget it.
    void complete(int64_t r) {
        result = r;
        done.release();
    }
};

} // namespace uringnet
