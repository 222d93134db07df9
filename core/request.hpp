// A request posted by a calling thread to a shard. A blocking call's request lives on the
// caller's stack: the caller waits until complete() and the shard never touches it
// afterwards. An asynchronous (*_submit) request lives on the heap: complete() hands its
// result to the completion queue (or callback) and deletes it.
#pragma once

#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <semaphore>
#include <string>

#include "address.hpp"
#include "requests.hpp"

namespace uringnet {

struct FastSlot;

/// What a request says about its stream's line (core/line.hpp).
enum class LineMsg : uint8_t {
    none,      ///< an ordinary call
    hand_over, ///< the rest of a call that was first in line on its calling thread: runs first
    resume,    ///< no call: the calling thread let go of the line; run the calls held behind it
    in_turn,   ///< a tcp_shutdown or tcp_flush whose turn in the write line has come: act now
};

struct Request {
    explicit Request(gen::RequestKind k) : kind(k) {}
    Request(const Request &) = delete;
    Request &operator=(const Request &) = delete;

    gen::RequestKind kind;
    gen::RequestArgs args{};
    Address address;        ///< resolved on the calling thread for operations that take one;
                            ///< a UDP receive's sender is written here
    std::string lookup;     ///< a host name ("host:port") the shard looks up before it runs the request
    AddressList candidates; ///< a host name's every address once known (address is one of them); empty for a literal
    msghdr msg{};           ///< UDP receive / send
    iovec iov{};
    int64_t handle = 0;     ///< the operation's first handle argument, if any
    Request *next = nullptr; ///< intrusive link in the shard's incoming queue
    int64_t result = 0;
    std::binary_semaphore done{0};
    bool async = false;     ///< submitted with *_submit: nobody waits on done
    bool detached = false;  ///< started from a completion callback: nobody waits, no completion
    int64_t op_id = 0;      ///< the id *_submit returned; a blocking call's own when it may be interrupted (else 0)
    int wake_fd = -1;       ///< blocking, interruptible: the caller's eventfd, written as it completes
    uint64_t user_data = 0; ///< async only
    FastSlot *line_slot = nullptr; ///< a read or write counted in its stream's line
    uint8_t line = 0;              ///< which line (LineKind)
    LineMsg line_msg = LineMsg::none;
    bool must_finish = false; ///< run inline from a completion callback: complete before the handler returns
    int adopt_fd = -1;      ///< an accepted socket handed over by another shard: register it
    int adopt_family = 0;
    int passed_fd = -1;     ///< unix_send_*: the duplicate to send (made by the export, or on the handle's shard), owned here until its op takes it
    char carrier = 0;       ///< unix_send_fd / unix_recv_fd: the byte that carries the descriptor
    alignas(cmsghdr) unsigned char control[CMSG_SPACE(sizeof(int))]{}; ///< ... and its SCM_RIGHTS message

    ~Request() {
        if (passed_fd >= 0) { // a duplicate that was never handed to a send
            ::close(passed_fd);
        }
    }

    /// Completes the request exactly once; after this the shard must forget it.
    void complete(int64_t r) {
        result = r;
        if (line_slot != nullptr) { // a counted call is done: later ones may use their own thread
            uncount_line(line_slot, line);
            line_slot = nullptr;
        }
        if (detached) {
            delete this;
        } else if (async) {
            deliver_completion(this); // deletes this
        } else if (wake_fd >= 0) {
            // Written before the release: once released, the caller may return and its thread
            // exit, closing the eventfd (it waits with a time limit, so a wake-up seen before
            // the release costs it one more look, never the result).
            eventfd_write(wake_fd, 1);
            done.release();
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
    static void uncount_line(FastSlot *slot, uint8_t line);
};

} // namespace uringnet
