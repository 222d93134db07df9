// A shard: one thread that owns one io_uring, a registry of handles and every kernel
// operation in flight on them. Only the shard's thread touches its ring, registry and ops;
// other threads reach it through post(), which queues a Request and wakes the thread
// through an eventfd read kept armed in the ring (a syscall only when it sleeps).
#pragma once

#include <liburing.h>
#include <sys/socket.h>

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "request.hpp"

namespace uringnet {

/// Statistics of one shard. Written only by the shard thread; read by anyone (relaxed).
struct ShardStats {
    std::atomic<uint64_t> requests{0};   ///< requests dispatched
    std::atomic<uint64_t> completed{0};  ///< requests completed
    std::atomic<uint64_t> errors{0};     ///< requests completed with an error
    std::atomic<uint64_t> bytes_read{0};
    std::atomic<uint64_t> bytes_written{0};
    std::atomic<uint64_t> accepts{0};
    std::atomic<uint64_t> connects{0};
    std::atomic<uint64_t> wakeups{0};      ///< eventfd wake-ups received
    std::atomic<uint64_t> submit_calls{0}; ///< io_uring_submit* calls
    std::atomic<uint64_t> sqes{0};         ///< submission entries queued
    std::atomic<uint64_t> in_flight{0};    ///< kernel operations awaiting their completion
    std::atomic<uint64_t> open_handles{0};
};

enum class OpKind : uint8_t {
    wake,    ///< the eventfd read that wakes the thread
    accept,  ///< TCP accept
    connect, ///< TCP connect
    read,    ///< TCP recv
    write,   ///< TCP send, continued until the whole buffer is sent
    recvmsg, ///< UDP receive (with the sender's address for recv_from)
    sendmsg, ///< UDP send (to msg_name for send_to)
};

/// Bit of a handle kind in a kind mask.
constexpr uint32_t kind_bit(uint32_t kind) { return 1u << kind; }

constexpr uint32_t kNoSlot = UINT32_MAX;

/// One kernel operation in flight (or a write waiting its turn on its stream).
struct Op {
    OpKind kind = OpKind::wake;
    Request *req = nullptr;
    uint32_t slot = kNoSlot;  ///< registry slot the op works on
    uint8_t pending = 0;      ///< CQEs still to come (2 with a linked timeout)
    bool timed_out = false;   ///< the linked timeout fired
    bool canceled = false;    ///< the handle was closed while in flight
    bool shut_down = false;   ///< the runtime is stopping
    bool in_slot = false;     ///< listed in its slot's ops (started in the kernel)
    int32_t res = 0;
    int fd = -1;              ///< connect: the new socket
    int64_t deadline_ns = -1; ///< CLOCK_MONOTONIC deadline, -1 for none
    uint32_t done = 0;        ///< write: bytes sent so far
    void *buf = nullptr;      ///< the caller's buffer (lives on until the op completes)
    uint32_t len = 0;
    __kernel_timespec ts{};   ///< linked timeout's duration
    msghdr msg{};             ///< recvmsg / sendmsg
    iovec iov{};
    sockaddr_storage from{};  ///< recvmsg: the sender
};

struct Slot {
    int fd = -1;
    uint32_t gen = 1;
    uint32_t kind = 0;
    int family = 0;
    bool live = false;    ///< issued and not closed
    bool closing = false; ///< closed by the user; fd closes when ops drain
    std::vector<Op *> ops;       ///< ops in the kernel on this slot
    std::deque<Op *> write_wait; ///< writes queued behind the one in flight
    bool writing = false;
};

struct Runtime;

class Shard {
  public:
    Shard(Runtime &rt, uint32_t id, uint32_t epoch, unsigned entries);
    ~Shard();
    Shard(const Shard &) = delete;
    Shard &operator=(const Shard &) = delete;

    /// Starts the thread and sets up its ring; returns 0 or an error code.
    int64_t start();
    /// Completes everything in flight with SHUT_DOWN, closes every handle, joins the thread.
    void stop();
    /// Queues req for the shard thread (any thread).
    void post(Request *req);

    uint32_t id() const { return id_; }
    Runtime &runtime() { return rt_; }
    const ShardStats &stats() const { return stats_; }

    // ---- used by the handlers, on the shard thread ----
    /// Looks up a handle whose kind is in kind_mask; returns the slot index or sets err.
    bool lookup(int64_t handle, uint32_t kind_mask, uint32_t &index, int64_t &err) const;
    Slot &slot(uint32_t index) { return slots_[index]; }
    /// Registers fd as a new handle of kind; closes fd and returns an error if full.
    int64_t add_handle(int fd, uint32_t kind, int family);
    /// Closes a handle: ops in flight complete with CANCELED, the fd closes once they drain.
    void close_handle(uint32_t index);
    /// Cancels every op on a handle (they complete with CANCELED); returns how many.
    int64_t cancel_ops(uint32_t index);
    Op *new_op(OpKind kind, Request *req, uint32_t slot, int64_t timeout_ms);
    /// Starts the op in the kernel (or queues it behind an earlier write on its stream).
    void start_op(Op *op);
    /// Completes a request that needed no kernel operation (counted in the statistics).
    void complete(Request &req, int64_t result);
    /// Completes op's request with result and recycles op.
    void finish(Op *op, int64_t result);
    /// The error code for an op that failed with -res.
    int64_t op_error(const Op *op, int res) const;
    void count_bytes(bool read, uint64_t n);
    std::string stats_json() const;

  private:
    void run(std::atomic<int64_t> *started);
    int64_t setup_ring();
    void arm_wake();
    void close_wake_fd();
    void drain_incoming();
    void begin_stop();
    void on_cqe(io_uring_cqe *cqe);
    void on_op_done(Op *op);
    int64_t complete_recvmsg(Op *op, int res);
    void submit_op(Op *op);
    io_uring_sqe *get_sqe(unsigned needed);
    void release_slot_op(Op *op);
    void free_slot(uint32_t index);
    void free_op(Op *op);

    Runtime &rt_;
    const uint32_t id_;
    const uint32_t epoch_;
    const unsigned entries_;
    io_uring ring_{};
    bool ring_ready_ = false;
    int wake_fd_ = -1;
    uint64_t wake_buf_ = 0;
    Op *wake_op_ = nullptr;
    std::thread thread_;

    // incoming queue (any thread)
    std::mutex mu_;
    Request *head_ = nullptr;
    Request *tail_ = nullptr;
    std::atomic<bool> has_incoming_{false};
    std::atomic<bool> awake_{true};
    std::atomic<bool> stop_requested_{false};

    // shard-thread state
    bool stopping_ = false;
    std::vector<Slot> slots_;
    std::vector<uint32_t> free_slots_;
    std::vector<std::unique_ptr<Op>> op_pool_;
    std::vector<Op *> free_ops_;
    uint64_t kernel_pending_ = 0; ///< SQEs whose CQE has not arrived
    ShardStats stats_;
};

/// True on a shard thread: a blocking call there would deadlock.
bool on_shard_thread();

int64_t now_ns();

} // namespace uringnet
