// The kernel interface of a shard. Everything above it (registry, dispatch, handles, errors,
// timeouts, cancellation, write ordering) lives in Shard and is shared, so an operation
// behaves the same on every backend. Two implementations:
//   io_uring  completion-based: each Op becomes an SQE (plus a linked timeout);
//   epoll     readiness-based: non-blocking syscalls, retried when the fd is ready.
// Both report a finished Op with the io_uring convention (op->res = result or -errno,
// op->timed_out when its deadline fired) through Shard::on_op_done, never from inside
// start() or cancel(), so handlers never re-enter the shard.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace uringnet {

struct Op;
class Shard;

enum class BackendKind : int32_t { automatic = 0, io_uring = 1, epoll = 2 };

class Backend {
  public:
    virtual ~Backend() = default;
    virtual BackendKind kind() const = 0;
    /// Whether large writes are sent without copying them (io_uring's SEND_ZC).
    virtual bool zero_copy() const { return false; }
    /// Whether sockets are registered in a file table (io_uring's fixed files).
    virtual bool fixed_files() const { return false; }
    /// Whether listeners accept with one multishot operation (io_uring, Linux 5.19+).
    virtual bool multishot_accept() const { return false; }
    /// Whether streams receive with one multishot operation into a ring of provided
    /// buffers (io_uring, Linux 6.0+).
    virtual bool multishot_recv() const { return false; }
    /// Bytes of receive buffers in the ring multishot receives fill (0 without one).
    virtual uint64_t recv_ring_bytes() const { return 0; }
    /// Arms a multishot operation on fd: an accept (op->kind accept) reports every connection
    /// through Shard::on_multishot_accept, a receive (op->kind read) every chunk of data
    /// through Shard::on_multishot_recv, until it ends (more == false).
    virtual void start_multishot(Op * /*op*/, int /*fd*/) {}
    /// Arms only op's deadline (an op waiting for a multishot result or a host-name lookup,
    /// not in the kernel itself); it completes through on_op_done when the deadline fires or
    /// is cancelled.
    virtual void arm_deadline(Op * /*op*/) {}
    /// Flags every socket of this backend is created with (SOCK_NONBLOCK for epoll).
    virtual int socket_flags() const = 0;
    /// Starts op on fd.
    virtual void start(Op *op, int fd) = 0;
    /// Asks op to end early; it still completes once (with -ECANCELED unless it finished).
    /// For a waiting op this cancels its deadline.
    virtual void cancel(Op *op) = 0;
    /// An fd the shard will start ops on, and one it is about to close.
    virtual void add_fd(int /*fd*/) {}
    virtual void remove_fd(int /*fd*/) {}
    /// True when completions can be delivered without waiting.
    virtual bool ready() = 0;
    /// Submits what is queued, waits for a completion or a wake-up when block (at most
    /// limit_ns when that is not negative), and delivers every completion that is there.
    virtual void poll(bool block, int64_t limit_ns) = 0;
    /// Ops (and wake-up reads) still owned by the kernel; shutdown waits for 0.
    virtual uint64_t pending() const = 0;
    /// At shutdown: stop re-arming the wake-up and cancel it.
    virtual void stop_wake() = 0;
};

struct BackendConfig {
    BackendKind want = BackendKind::automatic;
    std::string forced_by; ///< who forced want ("un_runtime_configure_backend", "URINGNET_BACKEND=epoll")
    unsigned entries = 256;
    bool sqpoll = false;
    unsigned recv_buffers = 64;        ///< io_uring: buffers in the multishot receive ring
    unsigned recv_buffer_size = 32768; ///< bytes each
};

struct BackendChoice {
    std::unique_ptr<Backend> backend; ///< null when error is set
    int64_t error = 0;
    std::string reason; ///< why this backend was chosen, or why none could be
};

/// Probes io_uring once (a ring and the opcodes the core uses) and picks a backend for
/// one shard; wake_fd is the eventfd other threads write to wake the shard.
BackendChoice make_backend(Shard &shard, const BackendConfig &config, int wake_fd);

std::unique_ptr<Backend> make_epoll_backend(Shard &shard, int wake_fd, int64_t &error);
/// Returns null and sets errno_out (a positive errno) or missing (an opcode name) on failure.
std::unique_ptr<Backend> make_uring_backend(Shard &shard, const BackendConfig &config, int wake_fd,
                                            int &errno_out, std::string &missing);

} // namespace uringnet
