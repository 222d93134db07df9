// A request posted by a calling thread to a shard. A blocking call's request lives on the
// caller's stack: the caller waits until complete() and the shard never touches it
// afterwards. An asynchronous (*_submit) request lives on the heap: complete() hands its
// result to the completion queue (or callback) and deletes it.
#pragma once

#include <sys/socket.h>
#include <sys/uio.h>

#include <semaphore>
#include <string>

#include "address.hpp"
#include "requests.hpp"

namespace uringnet {

struct FastSlot;

struct Request {
    explicit Request(gen::RequestKind k) : kind(k) {}
    Request(const Request &) = delete;
    Request &operator=(const Request &) = delete;

    gen::RequestKind kind;
    gen::RequestArgs args{};
    Address address;        ///< resolved on the calling thread for operations that take one;
                            ///< a UDP receive's sender is written here
    std::string lookup;     ///< a host name ("host:port") the shard looks up before it runs the request
    msghdr msg{};           ///< UDP receive / send
    iovec iov{};
    int64_t handle = 0;     ///< the operation's first handle argument, if any
    Request *next = nullptr; ///< intrusive link in the shard's incoming queue
    int64_t result = 0;
    std::binary_semaphore done{0};
    bool async = false;     ///< submitted with *_submit: nobody waits on done
    bool detached = false;  ///< started from a completion callback: nobody waits, no completion
    int64_t op_id = 0;      ///< async only: the id *_submit returned
    uint64_t user_data = 0; ///< async only
    FastSlot *writer_slot = nullptr; ///< a write counted in this stream's writers
    FastSlot *reader_slot = nullptr; ///< a read counted in this stream's readers
    int adopt_fd = -1;      ///< an accepted socket handed over by another shard: register it
    int adopt_family = 0;

    /// Completes the request exactly once; after this the shard must forget it.
    void complete(int64_t r) {
        result = r;
        if (writer_slot != nullptr) { // a counted write is done: the next writer may go
            release_writer(writer_slot);
            writer_slot = nullptr;
        }
        if (reader_slot != nullptr) { // a counted read is done: direct reads may go again
            release_reader(reader_slot);
            reader_slot = nullptr;
        }
        if (detached) {
            delete this;
        } else if (async) {
            deliver_completion(this); // deletes this
        } else {
            done.release();
        }
    }

    // Asynchronous requests are allocated per operation; a per-thread free list keeps that
    // off malloc on the hot path (a completion callback resubmitting on the runtime thread
    // frees and allocates on that same thread).
    static void *operator new(size_t size);
    static void operator delete(void *p) noexcept;

    /// Hands an async request's result to the completion queue or callback, then deletes it.
    static void deliver_completion(Request *req);
    static void release_writer(FastSlot *slot);
    static void release_reader(FastSlot *slot);
};

} // namespace uringnet
