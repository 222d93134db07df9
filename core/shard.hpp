// A shard: one thread that owns one io_uring, a registry of handles and every kernel
// operation in flight on them. Only the shard's thread touches its ring, registry and ops;
// other threads reach it through post(), which queues a Request and wakes the thread
// through an eventfd read kept armed in the ring (a syscall only when it sleeps).
#pragma once

#include <linux/time_types.h>
#include <sys/socket.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "backend.hpp"
#include "caller_stats.hpp"
#include "caller_wake.hpp"
#include "deadline.hpp"
#include "fast_path.hpp"
#include "line.hpp"
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
    std::atomic<uint64_t> submit_calls{0}; ///< io_uring_submit* / epoll_wait calls
    std::atomic<uint64_t> sqes{0};         ///< io_uring submission entries queued
    std::atomic<uint64_t> in_flight{0};    ///< operations started and not yet completed
    std::atomic<uint64_t> open_handles{0};
    std::atomic<uint64_t> largest_drain{0}; ///< most requests taken from the queue at once
    std::atomic<uint64_t> handed_over{0};   ///< accepted connections given to another shard
    std::atomic<uint64_t> zero_copy_sends{0}; ///< sends of large buffers without a copy
    std::atomic<uint64_t> registered_files{0}; ///< sockets put in the ring's file table
    std::atomic<uint64_t> multishot_accepts{0}; ///< connections a listener's multishot accept delivered
    std::atomic<uint64_t> multishot_recvs{0};   ///< chunks of data a stream's multishot receive delivered
    std::atomic<uint64_t> buffer_ring_empty{0}; ///< multishot receives the kernel ended for want of a ring buffer
};

enum class OpKind : uint8_t {
    accept,  ///< TCP accept
    connect, ///< TCP connect
    read,    ///< TCP recv
    write,   ///< TCP send, continued until the whole buffer is sent
    recvmsg, ///< UDP receive (with the sender's address for recv_from)
    sendmsg, ///< UDP send (to msg_name for send_to)
    lookup,  ///< a host-name lookup on a resolver thread (a waiting op: only its deadline is in the kernel)
    after_writes, ///< a tcp_shutdown or tcp_flush waiting in its stream's write line (never in the kernel)
    timer,        ///< a timer: a waiting op whose deadline is its outcome (never started)
    race,         ///< a connect to a host name's addresses (ConnectRace): a waiting op, its attempts connect ops of their own
};

struct Op;

/// A tcp_connect to a host name with more than one address (Happy Eyeballs, RFC 8305): its
/// request waits in one op (parent: a waiting op, so its deadline, op_cancel and shutdown
/// end it as they end a lookup), while attempts, connect ops with no request of their own,
/// try the addresses in connect_order: the next starts when the stagger timer fires (the
/// connect delay) or at once when an attempt fails; the first to connect wins and the others
/// are cancelled (their sockets closed). The shard owns it until its parent has ended and
/// every attempt and the timer have come back from the backend.
struct ConnectRace {
    Op *parent = nullptr;     ///< the op holding the request; null once the request is answered
    AddressList addrs;        ///< in the order they are tried
    size_t next = 0;          ///< addrs[next] is tried next
    std::vector<Op *> attempts; ///< connect ops in the backend
    Op *stagger = nullptr;    ///< the timer that starts the next attempt, while armed
    int64_t error = 0;        ///< the most telling error of a failed attempt (connect_error_rank), 0 for none
    int family = 0;           ///< the winner's family
    bool busy = false;        ///< the shard is inside on_race_op or start_race for it: not forgotten until it returns
};

/// Bit of a handle kind in a kind mask.
constexpr uint32_t kind_bit(uint32_t kind) { return 1u << kind; }

constexpr uint32_t kNoSlot = UINT32_MAX;

/// Where an op is: one field, changed only through Op::to, which checks the transition in
/// debug builds (the sanitizer presets). The flags beside it say why an op ended (timed_out,
/// canceled, shut_down), not where it is.
enum class OpState : uint8_t {
    free,             ///< in the shard's pool
    created,          ///< made by new_op, not started
    queued,           ///< waiting its turn in its stream's line (Slot::line): nothing in the kernel
    in_kernel,        ///< started in the backend: on_op_done brings its result
    notif_only,       ///< io_uring: a zero-copy send whose result came, its notification not yet
    waiting,          ///< waiting for its slot's multishot or a lookup: nothing in the kernel
    waiting_deadline, ///< the same, with only its deadline in the backend
    settling,         ///< a waiting op given its outcome (given: res) while its deadline is removed
    multishot,        ///< a slot's multishot accept or receive (no request of its own)
    done,             ///< back from the backend: being finished (or a write continued)
};

/// True when an op may go from one state to the other (see OpState).
constexpr bool op_transition_ok(OpState from, OpState to) {
    using S = OpState;
    switch (from) {
    case S::free:
        return to == S::created;
    case S::created:
        return to == S::queued || to == S::in_kernel || to == S::waiting || to == S::waiting_deadline ||
               to == S::multishot || to == S::free;
    case S::queued:
        return to == S::in_kernel || to == S::waiting || to == S::waiting_deadline || to == S::free;
    case S::in_kernel:
        return to == S::in_kernel || to == S::notif_only || to == S::done; // (in_kernel: a refused zero-copy send restarts)
    case S::notif_only:
        return to == S::done;
    case S::waiting:
        return to == S::free;
    case S::waiting_deadline:
        return to == S::settling || to == S::done;
    case S::settling:
    case S::multishot:
        return to == S::done;
    case S::done:
        return to == S::in_kernel || to == S::free; // (in_kernel: the rest of a short write)
    }
    return false;
}

/// One kernel operation in flight (or a request waiting its turn or for a multishot's result).
struct Op {
    OpKind kind = OpKind::accept;
    OpState state = OpState::free;
    Request *req = nullptr;
    uint32_t slot = kNoSlot;  ///< registry slot the op works on
    uint8_t pending = 0;      ///< io_uring: CQEs still to come (2 with a linked timeout)
    bool timed_out = false;   ///< the linked timeout fired
    bool canceled = false;    ///< the handle was closed while in flight
    bool shut_down = false;   ///< the runtime is stopping
    bool in_slot = false;     ///< listed in its slot's ops
    bool connect_started = false; ///< epoll: connect() was called
    int io_fd = -1;           ///< the fd the op works on (epoll; io_uring zero-copy retries)
    const Address *target = nullptr; ///< connect: the address (the request's, or one of its race's)
    ConnectRace *race = nullptr;     ///< race: its race; an attempt or stagger timer of that race
    int pass_fd = -1;         ///< write: the descriptor its byte carries (unix_send_fd, unix_send_handle)
    bool pass_fd_owned = false; ///< ... a duplicate the op closes when it is freed
    bool take_fd = false;     ///< read: one byte with the descriptor it carries (unix_recv_fd)
    bool zero_copy = false;   ///< io_uring: sent with SEND_ZC
    bool given = false;       ///< settling: it was given its result (res: the fd, the bytes copied, 0 for a lookup), else the error in res
    Op *next_wait = nullptr;  ///< next op in the same WaitQueue

    /// Moves the op to another state; an impossible transition aborts in debug builds.
    void to(OpState next) {
#ifndef NDEBUG
        if (!op_transition_ok(state, next)) {
            std::fprintf(stderr, "uringnet: op %p: state %d -> %d is not a transition\n", static_cast<void *>(this),
                         static_cast<int>(state), static_cast<int>(next));
            std::abort();
        }
#endif
        state = next;
    }
    /// The backend owns it: a result (or its deadline's end) will come.
    bool in_backend() const {
        return state == OpState::in_kernel || state == OpState::notif_only || state == OpState::waiting_deadline ||
               state == OpState::settling || state == OpState::multishot;
    }
    /// It waits for a multishot's result or a lookup (at most its deadline is in the kernel).
    bool waiting() const {
        return state == OpState::waiting || state == OpState::waiting_deadline || state == OpState::settling;
    }
    int32_t res = 0;
    int fd = -1;              ///< connect: the new socket
    int64_t deadline_ns = -1; ///< CLOCK_MONOTONIC deadline, -1 for none
    uint32_t done = 0;        ///< write: bytes sent so far
    uint32_t lookup_id = 0;   ///< lookup: the shard's number for it
    void *buf = nullptr;      ///< the caller's buffer (lives on until the op completes)
    uint32_t len = 0;
    __kernel_timespec ts{};   ///< linked timeout's duration
};

/// Data a stream's multishot receive got before a read wanted it (allocated only while it
/// holds some, so idle streams cost nothing).
struct RecvStash {
    std::string data;
    size_t off = 0; ///< data before off was read already
    size_t size() const { return data.size() - off; }
};

struct Slot {
    int fd = -1;
    uint32_t gen = 1;
    uint32_t kind = 0;
    int family = 0;
    bool live = false;    ///< issued and not closed
    bool closing = false; ///< closed by the user; fd closes when ops drain
    bool shard_reads = false; ///< the stream reads through a multishot receive (served by the shard)
    bool recv_eof = false;    ///< ... which met the end of the stream (reads get 0 once stash is drained)
    bool write_shut = false;  ///< tcp_shutdown(WRITE or BOTH) was called: later writes fail (BROKEN_PIPE)
    bool fd_wait = false;     ///< closing: the fd closes once no calling thread uses it (Shard::fd_waits_)
    bool adopted = false;     ///< the fd came from the caller (tcp_adopt_*, udp_adopt): Runtime::adopted lists it
    int recv_err = 0;         ///< ... which ended with -errno (every later read gets it, after the stash)
    uint64_t linger_token = 0;     ///< set between close_fd and answer_closers when the fd lingers
    std::vector<Op *> ops;       ///< ops in the kernel on this slot
    std::array<LineQueue, 2> line; ///< by LineKind: the shard's half of each line (core/line.hpp)
    // The slot's multishot accept (listeners) or receive (streams), and the accept or read
    // requests waiting for its results.
    Op *multishot = nullptr;
    WaitQueue waiters;
    std::vector<int> ready;             ///< listeners: connections no request has taken yet
    std::unique_ptr<RecvStash> stash;   ///< shard_reads streams: data no read has taken yet
};

struct Runtime;

class Shard {
  public:
    Shard(Runtime &rt, uint32_t id, uint32_t epoch, uint32_t first_gen, BackendConfig config);
    ~Shard();
    Shard(const Shard &) = delete;
    Shard &operator=(const Shard &) = delete;

    /// Starts the thread and picks its backend; returns 0 or an error code.
    int64_t start();
    /// Completes everything in flight with SHUT_DOWN, closes every handle, joins the thread.
    void stop();
    /// Asks the thread to stop without waiting (stop() then waits).
    void request_stop();
    /// Hands an accepted socket to this shard: it registers fd and completes req with the handle.
    void adopt(Request *req, int fd, int family);
    /// Queues req for the shard thread (any thread).
    void post(Request *req);
    /// Queues several requests with one lock and at most one wake-up.
    void post_many(const std::vector<Request *> &reqs);
    /// A host-name lookup finished (a resolver thread): result 0 with address, or an error.
    void post_lookup_result(uint32_t id, int64_t result, const Address &address, AddressList all);
    /// Queues req from this shard's own thread (a completion callback): no wake-up, but the
    /// same queue as every other thread's requests, so a request made later never overtakes
    /// one made earlier (on a stream: the order of its reads and of its writes).
    void post_local(Request *req) {
        std::lock_guard lk(mu_);
        enqueue_locked(req);
        has_incoming_.store(true, std::memory_order_relaxed);
    }
    /// A helper thread closed a lingering socket (any thread).
    void post_closed(uint64_t token);
    void bump_gen(Slot &s) {
        ++s.gen;
        if (s.gen > max_gen_.load(std::memory_order_relaxed)) {
            max_gen_.store(s.gen, std::memory_order_relaxed);
        }
    }
    /// The highest generation any slot of this shard has had.
    uint32_t max_gen() const { return max_gen_.load(std::memory_order_relaxed); }
    /// Runs a request that completes at once (an option, an address, statistics) on this
    /// shard's own thread, from inside a completion callback; returns its result.
    int64_t run_inline(Request &req);
    /// The shard whose thread is calling, or null.
    static Shard *current();
    /// The published state of a handle slot, for the calling threads' fast path (any thread).
    FastSlot *fast_slot(uint32_t index) const { return fast_.find(index); }
    /// Counts an operation a calling thread completed on its own (any thread).
    void count_fast(bool read, uint64_t bytes) {
        caller_stats_.add(read ? CallerStats::reads : CallerStats::writes, 1,
                          read ? CallerStats::bytes_read : CallerStats::bytes_written, bytes);
    }

    uint32_t id() const { return id_; }
    Runtime &runtime() { return rt_; }
    const ShardStats &stats() const { return stats_; }
    BackendKind backend_kind() const { return backend_kind_; }
    // What the backend offers, copied when the shard starts: any thread may read these (the
    // backend itself belongs to the shard thread, which frees it when it stops).
    bool zero_copy() const { return traits_.zero_copy; }
    bool fixed_files() const { return traits_.fixed_files; }
    bool multishot_accept() const { return traits_.multishot_accept; }
    bool multishot_recv() const { return traits_.multishot_recv; }
    /// Whether the backend's sockets block (io_uring): a calling thread may wait inside recv.
    bool sockets_block() const { return traits_.sockets_block; }
    uint64_t recv_ring_bytes() const { return traits_.recv_ring_bytes; }
    /// Why the backend was chosen (or, after a failed start, why none could be).
    const std::string &backend_reason() const { return backend_reason_; }

    // ---- used by the handlers, on the shard thread ----
    /// Looks up a handle whose kind is in kind_mask; returns the slot index or sets err.
    bool lookup(int64_t handle, uint32_t kind_mask, uint32_t &index, int64_t &err) const;
    Slot &slot(uint32_t index) { return slots_[index]; }
    /// Flags for socket(): what the backend needs (non-blocking for epoll) plus SOCK_CLOEXEC.
    int socket_flags() const { return backend_->socket_flags() | SOCK_CLOEXEC; }
    /// Registers fd as a new handle of kind; closes fd and returns an error if full.
    int64_t add_handle(int fd, uint32_t kind, int family);
    /// add_handle for an fd the caller made (tcp_adopt_*, udp_adopt): on failure the fd is
    /// left open, still the caller's; on success the slot owns it (Slot::adopted).
    int64_t adopt_fd(int fd, uint32_t kind, int family);
    /// The two: a slot for fd, published; NO_RESOURCES (fd untouched) when none is left.
    int64_t register_fd(int fd, uint32_t kind, int family);
    /// Starts a timer (handle_timer): it completes with 0 when timeout_ms has passed.
    void start_timer(Request &req, int64_t timeout_ms);
    /// Closes a handle: ops in flight complete with CANCELED, the fd closes once they drain,
    /// and then req (the close request) completes: when a close returns, the socket is gone
    /// (its port free to bind again).
    void close_handle(uint32_t index, Request &req);
    /// Cancels every op on a handle (they complete with CANCELED); returns how many. For a
    /// close (closing), writes held behind the one in the kernel are sent once it ended, as
    /// far as they go without waiting (core/line.hpp).
    int64_t cancel_ops(uint32_t index, bool closing = false);
    /// Cancels one asynchronous op by id; 0, or OP_NOT_FOUND.
    int64_t cancel_async(int64_t op_id);
    Op *new_op(OpKind kind, Request *req, uint32_t slot, int64_t timeout_ms);
    /// Starts the op in the kernel (or queues it behind an earlier write on its stream).
    void start_op(Op *op);
    /// Completes a request that needed no kernel operation (counted in the statistics).
    void complete(Request &req, int64_t result);
    /// unix_send_fd, unix_send_handle: one byte carrying fd, in its turn among the stream's
    /// writes (owned: a duplicate, closed once the op ends). core/shard_pass_fd.cpp.
    void send_fd(Request &req, uint32_t index, int fd, bool owned, int64_t timeout_ms);
    /// unix_recv_fd: one byte and the descriptor it carries, in its turn among the reads.
    void recv_fd(Request &req, uint32_t index, int64_t timeout_ms);
    /// A tcp_connect: one connect op, or a race over a host name's addresses
    /// (core/shard_connect.cpp).
    void connect(Request &req, int64_t timeout_ms);
    /// An accept request on a listener: served from the multishot accept where the backend
    /// has one, else by an accept operation of its own.
    void accept(Request &req, uint32_t index, int64_t timeout_ms);
    /// A read request on a stream. On a backend with multishot receive, a read that reaches
    /// the shard (submitted, or a blocking read that was not first in its line) switches the
    /// stream to it for good (later reads, blocking ones too, are served from what it
    /// received, in order); elsewhere each read has a receive operation of its own.
    void read(Request &req, uint32_t index, void *buf, uint32_t len, int64_t timeout_ms);
    // ---- a stream's lines (core/line.cpp; the rules are in core/line.hpp) ----
    /// A calling thread let go of a stream's line (LineMsg::resume): the calls held behind
    /// it go on, in order.
    void resume_line(uint32_t index, int line);
    /// A tcp_shutdown (WRITE, BOTH) or tcp_flush on slot index: true when it waits in the
    /// write line (it is dispatched again, LineMsg::in_turn, when every write called before
    /// it has finished); false when it may act now.
    bool after_writes(Request &req, uint32_t index);
    /// Counts a call a calling thread finished itself with result, as a request that
    /// completed (an error too when it is one) (any thread).
    void count_call(int64_t result) {
        caller_stats_.add(CallerStats::calls, 1, CallerStats::call_errors, result < 0 ? 1 : 0);
    }
    /// A blocking call starts (+1) or stops (-1) waiting on its calling thread (any thread).
    void count_caller_wait(int d) {
        if (d > 0) {
            caller_stats_.add(CallerStats::waits, 1, CallerStats::waiting, 1);
        } else {
            caller_stats_.sub(CallerStats::waiting, 1);
        }
    }
    std::string stats_json() const;
    /// Zeroes the counters (not the gauges in_flight and open_handles); on this shard's thread.
    void reset_counters();

    // ---- used by the backends, on the shard thread ----
    /// An op the backend finished: op->res holds the result or -errno.
    void on_op_done(Op *op);
    /// A zero-copy send's result came; its notification (buffer released) is still to come.
    void on_notif_only(Op *op);
    /// A connection (res >= 0) or an error from a listener's multishot accept.
    void on_multishot_accept(Op *op, int res, bool more);
    /// Data (res > 0 bytes at data, the backend's until this returns), the end of the stream
    /// (0) or an error from a stream's multishot receive.
    void on_multishot_recv(Op *op, int res, const char *data, bool more);
    void count_submit() { bump(stats_.submit_calls); }
    void count_sqes(uint64_t n) { bump(stats_.sqes, n); }
    void count_wakeup() { bump(stats_.wakeups); }
    void count_zero_copy() { bump(stats_.zero_copy_sends); }
    void count_fixed_file() { bump(stats_.registered_files); }

  private:
    static void bump(std::atomic<uint64_t> &c, uint64_t n = 1) {
        c.store(c.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
    }
    static void drop(std::atomic<uint64_t> &c, uint64_t n = 1) {
        c.store(c.load(std::memory_order_relaxed) - n, std::memory_order_relaxed);
    }
    void run(std::atomic<int64_t> *started);
    /// How long the loop may wait in the backend: until the next held call's deadline, or a
    /// look at whether a calling thread left a closing slot (-1: no limit).
    int64_t poll_limit() const;
    static constexpr int64_t kCallerLeftNs = 1000000;
    void enqueue_locked(Request *req); ///< mu_ held
    void wake_if_asleep();
    void close_wake_fd();
    void drain_incoming();
    void begin_stop();
    void begin(Op *op);
    void dispatch(Request &req);
    void start_lookup(Request &req);
    void on_lookup(uint32_t id, int64_t result, const Address &address, AddressList &all);
    void continue_lookup(Op *op);
    /// tcp_connect to several addresses (core/shard_connect.cpp).
    void start_race(Request &req, int64_t timeout_ms);
    void next_attempt(ConnectRace *race);
    void arm_stagger(ConnectRace *race);
    void fail_if_exhausted(ConnectRace *race);
    void on_race_op(Op *op);
    /// The race's request ended (won, failed, timed out, cancelled, shut down): cancels what
    /// is still in the backend; result is the request's result, made the most telling error
    /// for TIMED_OUT.
    int64_t end_race(Op *parent, int64_t result);
    void forget_race_if_done(ConnectRace *race);
    std::unordered_map<ConnectRace *, std::unique_ptr<ConnectRace>> races_;
    void complete_accept(Op *op, int fd);
    void wait_for_multishot(Op *op);
    void give(Op *waiter, int res);
    void fail_oldest_waiter(Slot &s, int res);
    void settle(Op *w, int res, bool ok);
    void end_waiting(Op *w, int res, bool ok);
    void finish_waiter(Op *waiter, int64_t result);
    /// True when a call on the stream's line must wait behind a calling thread's call (which
    /// is then asked to hand over); the caller queues it.
    bool behind_caller(uint32_t index, int line);
    /// A read's turn: now (false), or it is held in the read line (true).
    bool read_waits_turn(Op *op);
    /// A write's turn: now (true: the line is busy with it), or it is held in the write line.
    bool write_turn(Op *op);
    /// Starts the next writes (or shutdown, flush) of the write line while nothing holds it up.
    void next_write(uint32_t index);
    /// Queues op in its line (first: before the others) with its deadline; takes it out.
    void hold(Op *op, int line, bool first);
    void unhold(Op *op);
    /// Ends the held calls whose deadline has passed (TIMED_OUT); the time until the next one
    /// (ns), or -1 when none waits.
    void expire_held();
    int64_t next_held_deadline() const;
    /// The line a queued op waits in.
    static int line_of(const Op *op) { return op->kind == OpKind::read ? kReadLine : kWriteLine; }
    void continue_read(Op *op);
    /// The result of a unix_recv_fd's byte: the descriptor, NO_FD, END_OF_STREAM or an error.
    int64_t take_passed_fd(Op *op, int res);
    /// Gives the request's msghdr (set up by start_op) the SCM_RIGHTS control message of a
    /// unix_send_* op (with its descriptor) or room for one (unix_recv_fd).
    static void attach_fd_control(Op *op);
    /// The error every read of a reset stream gets (-errno), or 0: met by the shard's reads
    /// (recv_err) or by a calling thread's (FastSlot::read_err), whichever came first.
    int reset_error(uint32_t index);
    /// A read met res (-errno): from now on every read of the stream gets it, on any thread.
    void set_reset_error(uint32_t index, int res);
    void arm_multishot(uint32_t index);
    void end_multishot(Op *m, bool rearm);
    uint32_t take_stashed(Slot &s, Op *op);
    void finish(Op *op, int64_t result);
    int64_t op_error(const Op *op, int res) const;
    int64_t complete_recvmsg(Op *op, int res);
    void count_bytes(bool read, uint64_t n);
    void release_slot_op(Op *op);
    void free_slot(uint32_t index, Request *closer = nullptr); ///< closer: a close request to answer with the others
    /// Closes the slot's fd once no calling thread uses it: true when it is closed; false
    /// when callers are still inside (woken when the key was withdrawn; one may be paused
    /// in a host's signal handler or a GC), and the slot waits in fd_waits_: the shard never
    /// waits for a host thread.
    bool close_fd(uint32_t index);
    /// Whether a calling thread uses the slot's fd right now.
    bool callers_inside(uint32_t index) const;
    bool callers_inside_any() const;
    /// Goes on with the closes whose callers have left.
    void retry_fd_waits();
    /// Finishes the calls held in the stream's lines (or in one) with result; how many.
    int64_t finish_queued(Slot &s, int64_t result, int only_line = -1);
    /// A closing stream's write line, once no write is in the kernel: its held writes are
    /// sent without waiting, in order, while each goes whole; the rest fail CANCELED.
    void send_held_at_close(uint32_t index);
    /// Adds op to the slot's ops in the kernel and starts it.
    void begin_in_slot(Op *op);
    bool only_notifications_left(const Slot &s) const;
    void abort_if_only_notifications(uint32_t index);
    void answer_closers(uint32_t index, Request *also = nullptr);
    void free_op(Op *op);

    Runtime &rt_;
    const uint32_t id_;
    const uint32_t epoch_;
    struct Traits {
        bool zero_copy = false, fixed_files = false, multishot_accept = false, multishot_recv = false;
        bool sockets_block = false;
        uint64_t recv_ring_bytes = 0;
    } traits_; ///< set before start() returns
    const uint32_t first_gen_;        ///< the generation new slots start at
    std::atomic<uint32_t> max_gen_;   ///< the highest generation a slot has had (read after stop, or in a forked child)
    const BackendConfig config_;
    std::unique_ptr<Backend> backend_;
    BackendKind backend_kind_ = BackendKind::automatic;
    std::string backend_reason_;
    int wake_fd_ = -1;
    char thread_name_[16] = {};
    std::thread thread_;

    // incoming queue (any thread)
    std::mutex mu_;
    Request *head_ = nullptr;
    Request *tail_ = nullptr;
    std::atomic<bool> has_incoming_{false};
    std::atomic<bool> awake_{true};
    std::atomic<bool> stop_requested_{false};
    bool exited_ = false; ///< guarded by mu_: the thread is gone, post() refuses
    struct LookupResult {
        uint32_t id;
        int64_t result;
        Address address;
        AddressList all;
    };
    std::vector<LookupResult> lookup_results_; ///< guarded by mu_
    std::vector<uint64_t> closed_tokens_;      ///< lingering closes done off the shard; guarded by mu_
    /// Closes of sockets that linger (SO_LINGER with unsent data can make close() wait for
    /// seconds): a helper thread closes the fd, then the shard answers the close requests.
    std::unordered_map<uint64_t, std::vector<Request *>> lingering_;
    uint64_t next_linger_token_ = 0;
    /// Closes fd here, or, when it lingers, on a helper thread: 0, or the token the shard
    /// gets back (through closed_tokens_) once it is closed.
    uint64_t close_socket(int fd);
    /// Answers reqs now, or when the lingering close of token is done.
    void answer_when_closed(uint64_t token, std::vector<Request *> reqs);

    // shard-thread state
    bool stopping_ = false;
    std::vector<Slot> slots_;
    std::deque<uint32_t> free_slots_; ///< first-in first-out: a slot rests as long as possible
    std::vector<std::unique_ptr<Op>> op_pool_;
    std::vector<Op *> free_ops_;
    std::unordered_map<int64_t, Op *> async_ops_; ///< async ops started or queued, by op id
    std::unordered_map<uint32_t, Op *> lookups_;  ///< host-name lookups not yet answered, by lookup_id
    std::unordered_set<Op *> timers_;             ///< timers not yet completed
    /// Per unanswered lookup, the flag its resolver job reads: set when the operation ends
    /// without the answer, so a queued lookup nobody waits for is never made.
    std::unordered_map<uint32_t, std::shared_ptr<std::atomic<bool>>> lookup_flags_;
    void abandon_lookup(uint32_t id);
    std::vector<std::pair<uint32_t, Request *>> closers_; ///< close requests waiting for their slot's ops to drain
    std::vector<uint32_t> fd_waits_; ///< closing slots whose fd a calling thread still uses
    std::set<std::pair<int64_t, Op *>> held_deadlines_; ///< the deadlines of calls held in lines
    uint32_t next_lookup_ = 0;
    ShardStats stats_;
    std::array<std::atomic<uint64_t>, 15> baseline_{}; ///< counter values at the last reset
    FastTable fast_;
    // Completed on calling threads (fast path), so updated with atomic adds.
    CallerStats caller_stats_;
};

/// True on a shard thread: a blocking call there would deadlock.
bool on_shard_thread();

/// What a timeout_ms of TIMEOUT_FROM_OPTION stands for in a request of this kind on a slot:
/// the handle's read_timeout or write_timeout option (-1 when the request takes neither).
inline int64_t timeout_from_option(const FastSlot &f, gen::RequestKind kind) {
    const auto *t = FastSlot::option_timeout(f, gen::timeout_option(kind));
    return t != nullptr ? t->load(std::memory_order_relaxed) : -1;
}

} // namespace uringnet
