// Blocking reads and writes on the calling thread, waiting there in the kernel as a plain
// blocking socket does (the rules are in fast_path.hpp; docs/architecture.md explains why).
#include "caller_path.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <mutex>
#include <vector>

#include "handle.hpp"
#include "shard.hpp"

namespace uringnet {
namespace {

// ---- wake-ups ----
//
// Each calling thread that ever waits has one eventfd; the shard writes to it (under the
// slot's park lock, while the caller is parked there) to end the caller's ppoll. The fds are
// listed here so that runtime shutdown closes them (and a thread that exits closes its own):
// no fd outlives the runtime. Heap-allocated and replaced in a forked child, whose copies of
// the locks may be held by threads it does not have.
struct Wakeups {
    struct alignas(64) Stripe { // (one cache line each: threads on different slots do not share one)
        std::mutex mu;
    };
    std::array<Stripe, 64> park; ///< striped by slot address: guards FastSlot::parked
    std::mutex mu;                   ///< guards fds
    std::vector<int> fds;
    std::atomic<uint64_t> epoch{1};  ///< bumped when fds are closed: threads make new ones
};
std::atomic<Wakeups *> g_wakeups{new Wakeups};

std::mutex &park_lock(const FastSlot &f) {
    return g_wakeups.load(std::memory_order_acquire)->park[(reinterpret_cast<uintptr_t>(&f) / sizeof(FastSlot)) % 64].mu;
}

struct ThreadWakeup {
    int fd = -1;
    uint64_t epoch = 0;
    ThreadWakeup() = default;
    ThreadWakeup(const ThreadWakeup &) = delete; // (a copy's destructor would close the fd)
    ThreadWakeup &operator=(const ThreadWakeup &) = delete;
    ~ThreadWakeup() {
        Wakeups &w = *g_wakeups.load(std::memory_order_acquire);
        std::lock_guard lk(w.mu);
        if (fd >= 0 && epoch == w.epoch.load(std::memory_order_relaxed)) {
            w.fds.erase(std::find(w.fds.begin(), w.fds.end(), fd));
            close(fd);
        }
    }
};
thread_local ThreadWakeup t_wakeup;

// This thread's wake-up eventfd, or -1 when none can be had. Called only while the caller
// is counted in a live slot's users, so shutdown cannot close the fds meanwhile.
int thread_wakeup() {
    Wakeups &w = *g_wakeups.load(std::memory_order_acquire);
    const uint64_t epoch = w.epoch.load(std::memory_order_acquire);
    if (t_wakeup.fd >= 0 && t_wakeup.epoch == epoch) {
        return t_wakeup.fd;
    }
    const int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    std::lock_guard lk(w.mu);
    w.fds.push_back(fd);
    t_wakeup.fd = fd;
    t_wakeup.epoch = epoch;
    return fd;
}

// ---- one call ----

constexpr int64_t kHandOver = INT64_MIN; ///< the call goes on in the shard

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
        if (wake_fd_ >= 0) {
            {
                std::lock_guard lk(park_lock(f_));
                f_.parked[line_] = 0;
            }
            shard_.count_caller_wait(-1);
        }
    }
    CallerCall(const CallerCall &) = delete;
    CallerCall &operator=(const CallerCall &) = delete;

    /// Waits until the fd is ready for events or something ends the call: 0 to try again, an
    /// error code, or kHandOver.
    int64_t wait(short events) {
        if (wake_fd_ < 0) {
            wake_fd_ = thread_wakeup();
            if (wake_fd_ < 0) {
                return kHandOver; // (no eventfd to be had: the shard waits instead)
            }
            lk_.unlock(); // from now on the slot's users count keeps the shard and fd alive
            {
                std::lock_guard lk(park_lock(f_));
                f_.parked[line_] = wake_fd_ + 1;
            }
            shard_.count_caller_wait(1);
        }
        // Checked after parking: a change made before it is seen here, one made after wakes us.
        const uint64_t key = f_.key.load(std::memory_order_seq_cst);
        if ((key & FastSlot::kLive) == 0 || FastSlot::gen_of(key) != gen_) {
            return key == FastSlot::kStopped ? UN_ERR_SHUT_DOWN : UN_ERR_CANCELED;
        }
        if (f_.cancels.load(std::memory_order_seq_cst) != cancels_) {
            return UN_ERR_CANCELED;
        }
        if (f_.lines[line_].handover_asked()) {
            return kHandOver;
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
        pollfd p[2] = {{fd_, events, 0}, {wake_fd_, POLLIN, 0}};
        if (ppoll(p, 2, tsp, nullptr) > 0 && p[1].revents != 0) {
            eventfd_t v;
            eventfd_read(wake_fd_, &v);
        }
        return 0;
    }

    int64_t read() {
        auto &a = req_.args.tcp_read;
        // A stream whose reads had to wait (request, then response) most likely has to again:
        // wait first, and save the recv that would only say EAGAIN. Every 8th such read tries
        // first anyway, to notice when data is there by then.
        uint8_t &waits = f_.read_waits; // (only the line's holder touches it)
        if (waits != 0 && (++waits & 7) != 0) {
            if (const int64_t r = wait(POLLIN)) {
                return r;
            }
        }
        for (bool first = true;; first = false) {
            if (const int32_t err = f_.read_err.load(std::memory_order_acquire)) {
                return gen::error_from_errno(-err); // a reset stream stays reset
            }
            const ssize_t n = recv(fd_, a.buf, a.max_len, MSG_DONTWAIT);
            if (n >= 0) {
                if (first && waits != 0 && (waits & 7) == 0) {
                    waits = 0; // there without waiting
                }
                shard_.count_fast(true, static_cast<uint64_t>(n));
                return n;
            }
            const int e = errno;
            if (!would_block(e)) {
                f_.read_err.store(-e, std::memory_order_release);
                return gen::error_from_errno(e);
            }
            waits = waits == 0 ? 1 : waits;
            if (const int64_t r = wait(POLLIN)) {
                return r;
            }
        }
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
        return r != 0 ? r : static_cast<int64_t>(a.len);
    }

    /// What is left of the call, for the shard: the rest of the buffer and of the time.
    void rest_for_shard() {
        int64_t &timeout = req_.kind == gen::RequestKind::tcp_read ? req_.args.tcp_read.timeout_ms
                                                                    : req_.args.tcp_write.timeout_ms;
        if (deadline_ >= 0) {
            timeout = std::max<int64_t>(0, (deadline_ - now_ns() + 999999) / 1000000);
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
    int wake_fd_ = -1;
    uint32_t sent_ = 0;
};

// Lets go of the line; when the shard holds calls behind it, tells the shard to go on with
// them (through its queue, so after anything this caller posted).
void release_line(Shard &shard, FastSlot &f, int line, const Request &req) {
    if (f.lines[line].release()) {
        auto resume = std::make_unique<Request>(req.kind);
        resume->handle = req.handle;
        resume->detached = true;
        resume->line_msg = LineMsg::resume;
        shard.post(resume.release());
    }
}

} // namespace

int wake_callers(FastSlot &f) {
    std::lock_guard lk(park_lock(f));
    int n = 0;
    for (const int parked : f.parked) {
        if (parked != 0) {
            eventfd_write(parked - 1, 1);
            ++n;
        }
    }
    return n;
}

void close_caller_wakeups() {
    Wakeups &w = *g_wakeups.load(std::memory_order_acquire);
    std::lock_guard lk(w.mu);
    w.epoch.fetch_add(1, std::memory_order_release);
    for (const int fd : w.fds) {
        close(fd);
    }
    w.fds.clear();
}

void caller_path_after_fork() {
    Wakeups *old = g_wakeups.load(std::memory_order_relaxed);
    auto *fresh = new Wakeups; // (the old one is left alone: its locks may be held)
    fresh->fds = old->fds;     // the child's copies: closed at its runtime's shutdown
    fresh->epoch.store(old->epoch.load() + 1);
    g_wakeups.store(fresh, std::memory_order_release);
}

void count_in_line(FastSlot &f, Request &req) {
    const int line = req.kind == gen::RequestKind::tcp_read ? kReadLine : kWriteLine;
    f.lines[line].count();
    req.line_slot = &f;
    req.line = static_cast<uint8_t>(line);
}

bool call_on_caller(Shard &shard, FastSlot &f, Request &req, std::shared_lock<std::shared_mutex> &lk, int64_t &result) {
    const bool reading = req.kind == gen::RequestKind::tcp_read;
    const int line = reading ? kReadLine : kWriteLine;
    if ((reading ? req.args.tcp_read.max_len : req.args.tcp_write.len) == 0 ||
        (reading && (f.key.load(std::memory_order_acquire) & FastSlot::kShardReads) != 0) || !f.lines[line].take()) {
        return false; // the shard gives the precise answer, or serves earlier calls first
    }
    int fd;
    const bool entered = enter(f, req.handle, fd, reading);
    int64_t r = kHandOver;
    uint32_t sent = 0;
    if (entered) {
        CallerCall call(shard, f, req, lk, line, fd, reading ? req.args.tcp_read.timeout_ms : req.args.tcp_write.timeout_ms);
        r = reading ? call.read() : call.write();
        if (r == kHandOver) {
            call.rest_for_shard();
            sent = call.sent();
        }
    }
    if (r != kHandOver) {
        release_line(shard, f, line, req);
        f.users.fetch_sub(1, std::memory_order_seq_cst);
        result = r;
        return true;
    }
    // Hand over: the shard runs the rest first, before the calls it holds behind this one.
    count_in_line(f, req);
    req.line_msg = LineMsg::hand_over;
    shard.post(&req);
    release_line(shard, f, line, req);
    if (entered) {
        f.users.fetch_sub(1, std::memory_order_seq_cst);
    }
    if (lk.owns_lock()) {
        lk.unlock();
    }
    req.done.acquire();
    result = req.result < 0 ? req.result : req.result + sent;
    return true;
}

} // namespace uringnet
