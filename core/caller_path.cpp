// Blocking reads and writes on the calling thread, waiting there in the kernel as a plain
// blocking socket does (the rules are in fast_path.hpp and caller_wake.hpp;
// docs/architecture.md explains why).
#include "caller_path.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <mutex>
#include <vector>

#include "call.hpp"
#include "caller_wake.hpp"
#include "handle.hpp"
#include "shard.hpp"

namespace uringnet {
namespace {

// ---- one call ----

constexpr int64_t kHandOver = INT64_MIN; ///< the call goes on in the shard
constexpr int64_t kWaitOn = INT64_MIN + 1; ///< a read goes on waiting in ppoll

bool would_block(int e) { return e == EAGAIN || e == EWOULDBLOCK || e == EINTR; }

// Counts the caller in the slot's users while the handle is live; false (uncounted) when it
// is not, or when reading and the stream's reads go through its shard.
bool enter(FastSlot &f, int64_t h, int &fd, bool reading) {
    f.users.fetch_add(1, std::memory_order_seq_cst);
    const uint64_t key = f.key.load(std::memory_order_seq_cst);
    if ((key & FastSlot::kLive) == 0 || FastSlot::gen_of(key) != handle::decode(h).gen ||
        (reading && (key & FastSlot::kShardReads) != 0)) {
        f.users.fetch_sub(1, std::memory_order_seq_cst);
        return false;
    }
    fd = FastSlot::fd_of(key);
    return true;
}

// A call on the calling thread: first in its line, counted in the slot's users.
class CallerCall {
  public:
    CallerCall(Shard &shard, FastSlot &f, Request &req, std::shared_lock<std::shared_mutex> &lk, int line, int fd,
               int64_t timeout_ms)
        : shard_(shard), f_(f), req_(req), lk_(lk), line_(line), fd_(fd),
          gen_(handle::decode(req.handle).gen), cancels_(f.cancels.load(std::memory_order_seq_cst)),
          deadline_(timeout_ms < 0 ? -1 : deadline_after(now_ns(), timeout_ms)) {}
    ~CallerCall() {
        if (waker_ != nullptr) {
            unpark(f_, line_);
            shard_.count_caller_wait(-1);
        }
    }
    CallerCall(const CallerCall &) = delete;
    CallerCall &operator=(const CallerCall &) = delete;

    /// Parks this caller in its line (the first time: in recv or in ppoll), then checks what
    /// a waker changes first: 0 to go on and wait, an error code, or kHandOver.
    int64_t park_and_check(bool in_recv, CallerWaker *w = nullptr) {
        if (waker_ == nullptr) {
            waker_ = w != nullptr ? w : thread_waker();
            if (waker_ == nullptr) {
                return kHandOver; // (no eventfd to be had: the shard waits instead)
            }
            lk_.unlock(); // from now on the slot's users count keeps the shard and fd alive
            park(f_, line_, *waker_, in_recv);
            in_recv_ = in_recv;
            shard_.count_caller_wait(1);
        } else if (in_recv_ != in_recv) {
            // From recv to ppoll (a timed read a signal interrupted): a waker must now write
            // the eventfd, not shut the socket or send the signal.
            park(f_, line_, *waker_, in_recv);
            in_recv_ = in_recv;
        }
        // Checked after parking: a change made before it is seen here, one made after wakes us.
        if (const int64_t r = ended()) {
            return r;
        }
        if (f_.cancels.load(std::memory_order_seq_cst) != cancels_) {
            return UN_ERR_CANCELED;
        }
        return f_.lines[line_].handover_asked() ? kHandOver : 0;
    }

    /// SHUT_DOWN or CANCELED when the handle was closed or the runtime stops, else 0.
    int64_t ended() const {
        const uint64_t key = f_.key.load(std::memory_order_seq_cst);
        if ((key & FastSlot::kLive) == 0 || FastSlot::gen_of(key) != gen_) {
            return key == FastSlot::kStopped ? UN_ERR_SHUT_DOWN : UN_ERR_CANCELED;
        }
        return 0;
    }

    /// Waits in ppoll until the fd is ready for events or something ends the call: 0 to try
    /// again, an error code, or kHandOver.
    int64_t wait(short events) {
        if (const int64_t r = park_and_check(false)) {
            return r;
        }
        timespec ts{}, *tsp = nullptr;
        if (deadline_ >= 0) {
            const int64_t left = deadline_ - now_ns();
            if (left <= 0) {
                return UN_ERR_TIMED_OUT;
            }
            ts = {static_cast<time_t>(left / 1000000000), static_cast<long>(left % 1000000000)};
            tsp = &ts;
        }
        pollfd p[2] = {{fd_, events, 0}, {waker_->fd, POLLIN, 0}};
        const int n = ppoll(p, 2, tsp, nullptr);
        if (n > 0 && p[1].revents != 0) {
            eventfd_t v;
            eventfd_read(waker_->fd, &v);
        } else if (n < 0 && errno == EINTR && interruptible()) {
            return UN_ERR_INTERRUPTED; // a host's signal, and the host wants to see it
        }
        return 0;
    }

    int64_t read() {
        auto &a = req_.args.tcp_read;
        if (shard_.sockets_block() && a.timeout_ms != 0) {
            // At most a slice inside recv (the read's deadline when that is nearer), then ppoll.
            const uint32_t slice = a.timeout_ms > 0 && a.timeout_ms < kRecvSliceMs ? static_cast<uint32_t>(a.timeout_ms)
                                                                                   : kRecvSliceMs;
            CallerWaker *w = thread_waker();
            if (w != nullptr && recv_timeout(slice)) {
                const int64_t r = read_in_recv(*w);
                if (r != kWaitOn) {
                    return r;
                }
            }
        }
        // A stream whose reads had to wait (request, then response) most likely has to again:
        // wait first, and save the recv that would only say EAGAIN. Every 8th such read tries
        // first anyway, to notice when data is there by then; a read that may not wait (timeout
        // 0) always tries.
        uint8_t &waits = f_.read_waits; // (only the line's holder touches it)
        if (waits != 0 && (++waits & 7) != 0 && a.timeout_ms != 0) {
            if (const int64_t r = wait(POLLIN)) {
                return r;
            }
        }
        for (bool first = true;; first = false) {
            if (const int32_t err = f_.read_err.load(std::memory_order_acquire)) {
                return gen::error_from_errno(-err); // a reset stream stays reset
            }
            const ssize_t n = recv(fd_, a.buf, a.max_len, MSG_DONTWAIT);
            if (n == 0) { // (a read that waited inside recv first may find the socket shut by a closer)
                if (const int64_t r = ended()) {
                    return r;
                }
            }
            if (n >= 0) {
                if (first && waits != 0 && (waits & 7) == 0) {
                    waits = 0; // there without waiting
                }
                shard_.count_fast(true, static_cast<uint64_t>(n));
                return n;
            }
            const int e = errno;
            if (!would_block(e)) {
                return reset(e);
            }
            waits = waits == 0 ? 1 : waits;
            if (const int64_t r = wait(POLLIN)) {
                return r;
            }
        }
    }

    /// The socket's SO_RCVTIMEO for a read inside recv: set only when it changes (a stream read
    /// with one timeout, or none, pays once). False when it cannot be set.
    bool recv_timeout(uint32_t ms) {
        if (f_.recv_timeout_ms.load(std::memory_order_relaxed) == ms) {
            return true;
        }
        const timeval tv{static_cast<time_t>(ms / 1000), static_cast<suseconds_t>(ms % 1000 * 1000)};
        if (setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) != 0) {
            return false;
        }
        f_.recv_timeout_ms.store(ms, std::memory_order_relaxed);
        return true;
    }

    /// A read on a blocking socket: sleeps inside recv, as a plain blocking read does, parked
    /// so that the shard can end it (caller_wake.hpp says how), for at most its slice (the
    /// socket's SO_RCVTIMEO, rounded up to the kernel's tick, never early). When the slice
    /// ends without data, or a host's signal interrupted the recv, the rest of the read waits
    /// in ppoll: kWaitOn.
    int64_t read_in_recv(CallerWaker &w) {
        auto &a = req_.args.tcp_read;
        while (true) {
            if (const int32_t err = f_.read_err.load(std::memory_order_acquire)) {
                return gen::error_from_errno(-err);
            }
            if (const int64_t r = park_and_check(true, &w)) {
                return r;
            }
            const ssize_t n = recv(fd_, a.buf, a.max_len, 0);
            if (n > 0) {
                shard_.count_fast(true, static_cast<uint64_t>(n));
                return n;
            }
            if (n == 0) { // the end of the stream, or the shard shut it to end this read
                if (const int64_t r = ended()) {
                    return r;
                }
                shard_.count_fast(true, 0);
                return 0;
            }
            const int e = errno;
            if (would_block(e)) { // the slice ran out, or a host's signal came
                if (e != EINTR && deadline_ >= 0 && now_ns() >= deadline_) {
                    return UN_ERR_TIMED_OUT;
                }
                if (e == EINTR && interruptible()) {
                    return UN_ERR_INTERRUPTED; // (nothing was read)
                }
                if (const int64_t r = park_and_check(true, &w)) {
                    return r;
                }
                return kWaitOn; // the rest where the shard can wake it
            }
            return reset(e);
        }
    }

    /// A read failed: when the connection did, this and every later read of the stream say so.
    int64_t reset(int e) {
        if (breaks_stream(e)) {
            f_.read_err.store(-e, std::memory_order_release);
        }
        return gen::error_from_errno(e);
    }

    int64_t write() {
        auto &a = req_.args.tcp_write;
        const char *buf = static_cast<const char *>(a.buf);
        int64_t r = 0;
        while (sent_ < a.len) {
            const ssize_t n = send(fd_, buf + sent_, a.len - sent_, MSG_DONTWAIT | MSG_NOSIGNAL);
            if (n > 0) {
                sent_ += static_cast<uint32_t>(n);
                continue;
            }
            const int e = errno;
            if (n < 0 && !would_block(e)) {
                r = gen::error_from_errno(e);
                break;
            }
            if ((r = wait(POLLOUT)) != 0) {
                break;
            }
        }
        if (sent_ > 0) {
            shard_.count_fast(false, sent_);
        }
        if (r == UN_ERR_INTERRUPTED && sent_ > 0) {
            return sent_; // (interrupted after a part: a short write, as write(2) returns)
        }
        return r != 0 ? r : static_cast<int64_t>(a.len);
    }

    /// What is left of the call, for the shard: the rest of the buffer and of the time.
    void rest_for_shard() {
        int64_t &timeout = req_.kind == gen::RequestKind::tcp_read ? req_.args.tcp_read.timeout_ms
                                                                    : req_.args.tcp_write.timeout_ms;
        if (deadline_ >= 0) {
            timeout = ms_left(deadline_);
        }
        if (req_.kind == gen::RequestKind::tcp_write) {
            auto &a = req_.args.tcp_write;
            a.buf = static_cast<const char *>(a.buf) + sent_;
            a.len -= sent_;
        }
    }
    uint32_t sent() const { return sent_; }

  private:
    Shard &shard_;
    FastSlot &f_;
    Request &req_;
    std::shared_lock<std::shared_mutex> &lk_;
    const int line_;
    const int fd_;
    const uint32_t gen_;
    const uint32_t cancels_;
    const int64_t deadline_;
    CallerWaker *waker_ = nullptr; ///< set once parked
    bool in_recv_ = false;         ///< parked inside recv (else in ppoll)
    uint32_t sent_ = 0;
};

} // namespace

bool call_on_caller(Shard &shard, FastSlot &f, Request &req, std::shared_lock<std::shared_mutex> &lk, uint32_t epoch,
                    int64_t &result) {
    const bool reading = req.kind == gen::RequestKind::tcp_read;
    const int line = reading ? kReadLine : kWriteLine;
    if ((reading ? req.args.tcp_read.max_len : req.args.tcp_write.len) == 0) {
        return false; // the shard gives the precise answer
    }
    // The generation first: a stale handle is refused before it touches the line, and while
    // this call is counted in users the slot is never freed (so never reused) under it.
    int fd;
    if (!enter(f, req.handle, fd, reading)) {
        return false;
    }
    if (!f.lines[line].take()) {
        f.users.fetch_sub(1, std::memory_order_seq_cst);
        return false; // the shard serves earlier calls first
    }
    int64_t &timeout = reading ? req.args.tcp_read.timeout_ms : req.args.tcp_write.timeout_ms;
    if (timeout == UN_TIMEOUT_FROM_OPTION) { // (the handle is live: its own option)
        timeout = timeout_from_option(f, req.kind);
    }
    int64_t r;
    uint32_t sent = 0;
    {
        CallerCall call(shard, f, req, lk, line, fd, timeout);
        r = reading ? call.read() : call.write();
        if (r == kHandOver) {
            call.rest_for_shard();
            sent = call.sent();
        }
    }
    if (r != kHandOver) {
        release_line(shard, f, line, req);
        f.users.fetch_sub(1, std::memory_order_seq_cst);
        shard.count_call(r);
        result = r;
        return true;
    }
    // Hand over: the shard runs the rest first, before the calls it holds behind this one.
    // (The request is posted before the line is let go, so that it stays ahead of every
    // call the resume lets go on.)
    count_held_line(f, req);
    req.line_msg = LineMsg::hand_over;
    CallerWaker *w = interruptible_wait(shard, req); // (still counted in users)
    shard.post(&req);
    release_line(shard, f, line, req);
    f.users.fetch_sub(1, std::memory_order_seq_cst);
    if (lk.owns_lock()) {
        lk.unlock();
    }
    const int64_t r_shard = wait_posted(shard, req, w, epoch);
    if (r_shard == UN_ERR_INTERRUPTED && sent > 0) {
        result = sent; // (a write interrupted after a part: a short write)
    } else {
        result = r_shard < 0 ? r_shard : r_shard + sent;
    }
    return true;
}

} // namespace uringnet
