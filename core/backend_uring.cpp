// The io_uring backend: each Op is one SQE (plus a linked timeout when it has a deadline);
// its CQE(s) complete it. The wake-up is a read of the shard's eventfd kept armed in the ring.
#include <liburing.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <vector>

#include <sched.h>

#include "backend.hpp"
#include "shard.hpp"
#include "uring_recv_ring.hpp"
#include "uring_setup.hpp"

namespace uringnet {
namespace {

// user_data: an Op's address; with the low bit set, its linked timeout; kCancelTag for
// cancel SQEs (their CQEs carry nothing we need); kWakeTag for the eventfd read; kProbeTag
// for the start-up probe of multishot receive.
constexpr uint64_t kTimeoutBit = 1;
constexpr uint64_t kCancelTag = 2;
constexpr uint64_t kWakeTag = 4;
constexpr uint64_t kProbeTag = 6;
// Zero-copy send pays for itself only on large buffers (the kernel pins the pages and
// posts a second completion when it no longer needs them).
constexpr uint32_t kZeroCopyMin = 64 * 1024;
// The registered-file table covers fds below this (and below RLIMIT_NOFILE).
constexpr rlim_t kMaxFixedFiles = 65536;

class UringBackend final : public Backend {
  public:
    UringBackend(Shard &shard, int wake_fd, unsigned recv_buffers, unsigned recv_buffer_size)
        : shard_(shard), wake_fd_(wake_fd), recv_ring_(recv_buffers, recv_buffer_size) {}
    ~UringBackend() override {
        if (ready_) {
            io_uring_queue_exit(&ring_); // (recv_ring_, a member, is unmapped after this)
        }
    }

    int setup(unsigned entries, bool sqpoll, std::string &missing) {
        if (const int err = create_ring(ring_, entries, sqpoll)) {
            return err;
        }
        ready_ = true;
        const UringOpcodes offered = probe_opcodes(ring_, missing);
        if (!missing.empty()) {
            return EOPNOTSUPP;
        }
        zero_copy_ = offered.zero_copy;
        multishot_accept_ = offered.multishot_accept;
        // A sparse table of registered files indexed by fd: operations on a registered socket
        // skip the kernel's per-operation file lookup and reference counting. Optional.
        rlimit rl{};
        getrlimit(RLIMIT_NOFILE, &rl);
        const unsigned table = static_cast<unsigned>(std::min<rlim_t>(rl.rlim_cur, kMaxFixedFiles));
        if (io_uring_register_files_sparse(&ring_, table) == 0) {
            fixed_.assign(table, false);
        }
        multishot_recv_ = recv_ring_.setup(ring_) && recv_ring_.probe_multishot(ring_, kProbeTag);
        arm_wake();
        return 0;
    }

    BackendKind kind() const override { return BackendKind::io_uring; }
    bool zero_copy() const override { return zero_copy_; }
    bool fixed_files() const override { return !fixed_.empty(); }
    int socket_flags() const override { return 0; }

    void start(Op *op, int fd) override {
        const bool timed = op->deadline_ns >= 0;
        io_uring_sqe *sqe = get_sqe(timed ? 2 : 1);
        switch (op->kind) {
        case OpKind::accept:
            io_uring_prep_accept(sqe, fd, nullptr, nullptr, SOCK_CLOEXEC);
            break;
        case OpKind::connect:
            io_uring_prep_connect(sqe, fd, op->target->sa(), op->target->len);
            break;
        case OpKind::read:
            if (op->take_fd) {
                io_uring_prep_recvmsg(sqe, fd, &op->req->msg, MSG_CMSG_CLOEXEC);
            } else {
                io_uring_prep_recv(sqe, fd, op->buf, op->len, 0);
            }
            break;
        case OpKind::write:
            op->io_fd = fd;
            if (op->pass_fd >= 0) {
                io_uring_prep_sendmsg(sqe, fd, &op->req->msg, MSG_NOSIGNAL);
                break;
            }
            // A write with a deadline is never sent zero-copy: its completion would wait for
            // the notification, which waits for the peer to take the data, so no deadline
            // (and no fallback on a refusal, see on_cqe) could end it.
            // (Unix sockets refuse it, and a refusal would turn it off for every socket.)
            op->zero_copy = zero_copy_ && !timed && op->len - op->done >= kZeroCopyMin &&
                            shard_.slot(op->slot).family != AF_UNIX;
            if (op->zero_copy) {
                // The write completes only after the notification: the caller's buffer is
                // the kernel's until then.
                io_uring_prep_send_zc(sqe, fd, static_cast<const char *>(op->buf) + op->done, op->len - op->done,
                                      MSG_NOSIGNAL, 0);
                shard_.count_zero_copy();
            } else {
                io_uring_prep_send(sqe, fd, static_cast<const char *>(op->buf) + op->done,
                                   op->len - op->done, MSG_NOSIGNAL);
            }
            break;
        case OpKind::recvmsg:
            io_uring_prep_recvmsg(sqe, fd, &op->req->msg, 0);
            break;
        case OpKind::sendmsg:
            io_uring_prep_sendmsg(sqe, fd, &op->req->msg, MSG_NOSIGNAL);
            break;
        case OpKind::lookup: // never started: it waits with arm_deadline
        case OpKind::timer:  // likewise
        case OpKind::race:   // likewise (its attempts are connect ops)
        case OpKind::after_writes: // never started: it waits in its stream's write line
            io_uring_prep_nop(sqe);
            break;
        }
        if (op->kind != OpKind::connect) {
            use_fixed_file(sqe, fd);
        }
        io_uring_sqe_set_data(sqe, op);
        op->pending = 1;
        ++pending_;
        if (timed) {
            sqe->flags |= IOSQE_IO_LINK;
            set_time_left(op);
            io_uring_sqe *t = io_uring_get_sqe(&ring_);
            io_uring_prep_link_timeout(t, &op->ts, 0);
            io_uring_sqe_set_data64(t, reinterpret_cast<uint64_t>(op) | kTimeoutBit);
            op->pending = 2;
            ++pending_;
        }
        shard_.count_sqes(op->pending);
    }

    void cancel(Op *op) override {
        // A waiting op is in the kernel only as its deadline.
        submit_cancel(reinterpret_cast<uint64_t>(op) | (op->waiting() ? kTimeoutBit : 0));
    }

    bool multishot_accept() const override { return multishot_accept_; }

    bool multishot_recv() const override { return multishot_recv_; }
    uint64_t recv_ring_bytes() const override {
        return multishot_recv_ ? recv_ring_.bytes() : 0;
    }

    void start_multishot(Op *op, int fd) override {
        io_uring_sqe *sqe = get_sqe(1);
        if (op->kind == OpKind::read) {
            recv_ring_.prep_multishot_recv(sqe, fd);
        } else {
            io_uring_prep_multishot_accept(sqe, fd, nullptr, nullptr, SOCK_CLOEXEC);
        }
        use_fixed_file(sqe, fd);
        io_uring_sqe_set_data(sqe, op);
        op->pending = 1;
        ++pending_;
        shard_.count_sqes(1);
    }

    void arm_deadline(Op *op) override {
        set_time_left(op);
        io_uring_sqe *t = get_sqe(1);
        io_uring_prep_timeout(t, &op->ts, 0, 0);
        io_uring_sqe_set_data64(t, reinterpret_cast<uint64_t>(op) | kTimeoutBit);
        op->pending = 1;
        ++pending_;
        shard_.count_sqes(1);
    }

    void add_fd(int fd) override {
        if (fd >= 0 && static_cast<size_t>(fd) < fixed_.size() &&
            io_uring_register_files_update(&ring_, static_cast<unsigned>(fd), &fd, 1) == 1) {
            fixed_[static_cast<size_t>(fd)] = true;
            shard_.count_fixed_file();
        }
    }

    void remove_fd(int fd) override {
        // Unregister before the fd is closed: a registered file keeps the socket open.
        if (fd >= 0 && static_cast<size_t>(fd) < fixed_.size() && fixed_[static_cast<size_t>(fd)]) {
            int none = -1;
            io_uring_register_files_update(&ring_, static_cast<unsigned>(fd), &none, 1);
            fixed_[static_cast<size_t>(fd)] = false;
        }
    }

    bool ready() override { return !set_aside_.empty() || io_uring_cq_ready(&ring_) > 0; }

    void poll(bool block, int64_t limit_ns) override {
        // -EINTR / -EBUSY / -ETIME: fall through and reap what is there. Not blocking still
        // enters the kernel to get events, so deferred completion work runs (DEFER_TASKRUN).
        if (!block) {
            (void)io_uring_submit_and_get_events(&ring_);
        } else if (limit_ns < 0) {
            (void)io_uring_submit_and_wait(&ring_, 1);
        } else {
            __kernel_timespec ts{limit_ns / 1000000000, limit_ns % 1000000000};
            io_uring_cqe *first = nullptr;
            (void)io_uring_submit_and_wait_timeout(&ring_, &first, 1, &ts, nullptr);
        }
        shard_.count_submit();
        if (!set_aside_.empty()) { // completions get_sqe reaped to make room: they came first
            std::vector<SetAside> earlier;
            earlier.swap(set_aside_);
            for (const SetAside &c : earlier) {
                on_cqe(c.user_data, c.res, c.flags);
            }
        }
        io_uring_cqe *cqe;
        unsigned head, seen = 0;
        io_uring_for_each_cqe(&ring_, head, cqe) {
            on_cqe(cqe->user_data, cqe->res, cqe->flags);
            ++seen;
        }
        io_uring_cq_advance(&ring_, seen);
    }

    uint64_t pending() const override { return pending_; }

    void stop_wake() override {
        waking_ = false;
        submit_cancel(kWakeTag);
    }

  private:
    // op->ts: the time from now to op's deadline (0 when it has passed), for a timeout SQE.
    static void set_time_left(Op *op) {
        const int64_t left = std::max<int64_t>(op->deadline_ns - now_ns(), 0);
        op->ts.tv_sec = left / 1000000000;
        op->ts.tv_nsec = left % 1000000000;
    }

    // Points sqe at fd's slot in the registered-file table when fd is registered.
    void use_fixed_file(io_uring_sqe *sqe, int fd) const {
        if (fd >= 0 && static_cast<size_t>(fd) < fixed_.size() && fixed_[static_cast<size_t>(fd)]) {
            sqe->fd = fd; // the table is indexed by fd
            sqe->flags |= IOSQE_FIXED_FILE;
        }
    }

    io_uring_sqe *get_sqe(unsigned needed) {
        while (io_uring_sq_space_left(&ring_) < needed) {
            const int r = io_uring_submit(&ring_);
            shard_.count_submit();
            if (r == -EBUSY || r == -EAGAIN || r == -ENOMEM) {
                // The completion queue is full (or the kernel is short of memory): the
                // kernel takes no more until completions are reaped. Set them aside for
                // poll() to deliver (in order, before newer ones) instead of spinning here.
                set_aside_cqes();
                if (r == -ENOMEM) {
                    sched_yield();
                }
            }
        }
        return io_uring_get_sqe(&ring_);
    }

    struct SetAside {
        uint64_t user_data;
        int32_t res;
        uint32_t flags;
    };
    std::vector<SetAside> set_aside_; ///< reaped by get_sqe, delivered by poll

    void set_aside_cqes() {
        io_uring_cqe *cqe;
        unsigned head, seen = 0;
        io_uring_for_each_cqe(&ring_, head, cqe) {
            set_aside_.push_back({cqe->user_data, cqe->res, cqe->flags});
            ++seen;
        }
        io_uring_cq_advance(&ring_, seen);
    }

    void submit_cancel(uint64_t user_data) {
        io_uring_sqe *sqe = get_sqe(1);
        io_uring_prep_cancel64(sqe, user_data, 0);
        io_uring_sqe_set_data64(sqe, kCancelTag);
        ++pending_;
    }

    void arm_wake() {
        io_uring_sqe *sqe = get_sqe(1);
        io_uring_prep_read(sqe, wake_fd_, &wake_buf_, sizeof wake_buf_, 0);
        io_uring_sqe_set_data64(sqe, kWakeTag);
        ++pending_;
    }

    void on_cqe(uint64_t data, int res, unsigned flags) {
        if (data == LIBURING_UDATA_TIMEOUT) { // poll's time limit where the kernel lacks EXT_ARG
            return;
        }
        if (data == kProbeTag) { // the start-up probe's receive, ending late (not counted)
            if (flags & IORING_CQE_F_BUFFER) {
                recv_ring_.give_back(flags >> IORING_CQE_BUFFER_SHIFT);
            }
            return;
        }
        --pending_;
        if (data == kCancelTag) {
            return;
        }
        if (data == kWakeTag) {
            shard_.count_wakeup();
            if (waking_) {
                arm_wake();
            }
            return;
        }
        Op *op = reinterpret_cast<Op *>(data & ~kTimeoutBit);
        if (op->state == OpState::multishot && (data & kTimeoutBit) == 0) {
            const bool more = (flags & IORING_CQE_F_MORE) != 0;
            if (more) {
                ++pending_; // the operation stays armed
            } else {
                --op->pending;
            }
            if (op->kind != OpKind::read) {
                shard_.on_multishot_accept(op, res, more);
            } else if (flags & IORING_CQE_F_BUFFER) {
                const unsigned bid = flags >> IORING_CQE_BUFFER_SHIFT;
                shard_.on_multishot_recv(op, res, recv_ring_.buffer(bid), more);
                recv_ring_.give_back(bid);
            } else {
                shard_.on_multishot_recv(op, res, nullptr, more);
            }
            return;
        }
        if (data & kTimeoutBit) {
            if (res == -ETIME) {
                op->timed_out = true;
            }
        } else if ((flags & IORING_CQE_F_NOTIF) == 0) {
            if (op->zero_copy && (res == -EOPNOTSUPP || res == -EINVAL) && op->pending == 1) {
                zero_copy_ = false; // this kernel or socket refuses it: plain sends from now on
                --op->pending;
                start(op, op->io_fd);
                return;
            }
            op->res = res;
            if (flags & IORING_CQE_F_MORE) { // a zero-copy send: its notification follows
                ++op->pending;
                ++pending_;
                op->to(OpState::notif_only);
            }
        }
        if (--op->pending == 0) {
            shard_.on_op_done(op);
        } else if (op->state == OpState::notif_only && (data & kTimeoutBit) == 0 && (flags & IORING_CQE_F_NOTIF) == 0) {
            shard_.on_notif_only(op);
        }
    }

    Shard &shard_;
    const int wake_fd_;
    io_uring ring_{};
    bool ready_ = false;
    bool waking_ = true;
    bool zero_copy_ = false; ///< the kernel has IORING_OP_SEND_ZC
    bool multishot_accept_ = false;
    bool multishot_recv_ = false; ///< streams receive through recv_ring_
    RecvBufferRing recv_ring_; ///< unmapped after the destructor has exited the ring
    std::vector<bool> fixed_; ///< fds registered in the ring's file table
    uint64_t wake_buf_ = 0;
    uint64_t pending_ = 0; ///< SQEs whose CQE has not arrived
};

} // namespace

std::unique_ptr<Backend> make_uring_backend(Shard &shard, const BackendConfig &config, int wake_fd,
                                            int &errno_out, std::string &missing) {
    auto b = std::make_unique<UringBackend>(shard, wake_fd, config.recv_buffers, config.recv_buffer_size);
    errno_out = b->setup(config.entries, config.sqpoll, missing);
    return errno_out == 0 ? std::move(b) : nullptr;
}

} // namespace uringnet
