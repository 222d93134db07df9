// The epoll backend, for machines that refuse io_uring: every socket is non-blocking and
// registered edge-triggered; an Op first tries its syscall, and on EAGAIN waits in its fd's
// reader or writer queue until the fd is ready. Deadlines live in an ordered set that
// bounds epoll_wait. Completions are queued and delivered from poll(), like CQEs.
#include <climits>
#include <algorithm>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <deque>
#include <set>
#include <unordered_map>
#include <utility>

#include "backend.hpp"
#include "shard.hpp"

namespace uringnet {
namespace {

bool waits_for_read(OpKind k) { return k == OpKind::accept || k == OpKind::read || k == OpKind::recvmsg; }

class EpollBackend final : public Backend {
  public:
    EpollBackend(Shard &shard, int wake_fd) : shard_(shard), wake_fd_(wake_fd) {}
    ~EpollBackend() override {
        if (ep_ >= 0) {
            close(ep_);
        }
    }

    int setup() {
        ep_ = epoll_create1(EPOLL_CLOEXEC);
        if (ep_ < 0) {
            return errno;
        }
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = wake_fd_;
        return epoll_ctl(ep_, EPOLL_CTL_ADD, wake_fd_, &ev) == 0 ? 0 : errno;
    }

    BackendKind kind() const override { return BackendKind::epoll; }
    int socket_flags() const override { return SOCK_NONBLOCK; }

    void add_fd(int fd) override {
        if (fds_.count(fd) != 0) {
            return;
        }
        fds_[fd];
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
        ev.data.fd = fd;
        epoll_ctl(ep_, EPOLL_CTL_ADD, fd, &ev);
    }

    void remove_fd(int fd) override {
        if (fds_.erase(fd) != 0) {
            epoll_ctl(ep_, EPOLL_CTL_DEL, fd, nullptr);
        }
    }

    void start(Op *op, int fd) override {
        op->io_fd = fd;
        add_fd(fd);
        WaitQueue &q = queue_of(op);
        // Behind others waiting in the same direction: keep their order, do not try yet.
        if (q.empty() && attempt(op)) {
            finished(op);
            return;
        }
        q.push_back(op);
        ++waiting_;
        if (op->deadline_ns >= 0) {
            timers_.emplace(op->deadline_ns, op);
        }
    }

    void cancel(Op *op) override {
        if (op->waiting()) { // keeps op->res: it may hold the result the op was given
            if (disarm(op)) {
                finished(op);
            }
        } else if (unqueue(op)) {
            op->res = -ECANCELED;
            finished(op);
        }
    }

    // A waiting op (a host-name lookup) has only its deadline here.
    void arm_deadline(Op *op) override {
        timers_.emplace(op->deadline_ns, op);
        ++waiting_;
    }

    bool ready() override { return !done_.empty(); }

    void poll(bool block, int64_t limit_ns) override {
        int timeout = 0;
        if (block && done_.empty()) {
            int64_t left = limit_ns;
            if (!timers_.empty()) {
                const int64_t to_timer = std::max<int64_t>(timers_.begin()->first - now_ns(), 0);
                left = left < 0 ? to_timer : std::min(left, to_timer);
            }
            // (a deadline weeks away is waited for in steps of INT_MAX ms at most)
            timeout = left < 0 ? -1 : static_cast<int>(std::min<int64_t>((left + 999999) / 1000000, INT_MAX));
        }
        epoll_event events[64];
        const int n = epoll_wait(ep_, events, 64, timeout);
        shard_.count_submit();
        for (int i = 0; i < n; ++i) {
            const int fd = events[i].data.fd;
            if (fd == wake_fd_) {
                uint64_t v;
                [[maybe_unused]] ssize_t r = read(wake_fd_, &v, sizeof v);
                shard_.count_wakeup();
                continue;
            }
            auto it = fds_.find(fd);
            if (it == fds_.end()) {
                continue;
            }
            const uint32_t e = events[i].events;
            if (e & (EPOLLIN | EPOLLRDHUP | EPOLLERR | EPOLLHUP)) {
                retry(it->second.readers);
            }
            if (e & (EPOLLOUT | EPOLLERR | EPOLLHUP)) {
                retry(fds_[fd].writers);
            }
        }
        expire_timers();
        deliver();
    }

    uint64_t pending() const override { return waiting_ + done_.size(); }

    void stop_wake() override {}

  private:
    struct FdQueues { // intrusive: an idle socket costs two pointers per direction
        WaitQueue readers, writers;
    };

    WaitQueue &queue_of(Op *op) {
        FdQueues &f = fds_[op->io_fd];
        return waits_for_read(op->kind) ? f.readers : f.writers;
    }

    // Runs the op's syscall once; false when it would block.
    bool attempt(Op *op) {
        const int fd = op->io_fd;
        ssize_t r = 0;
        switch (op->kind) {
        case OpKind::accept:
            r = accept4(fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
            break;
        case OpKind::connect:
            if (!op->connect_started) {
                op->connect_started = true;
                r = connect(fd, op->target->sa(), op->target->len);
                if (r != 0 && errno == EINPROGRESS) {
                    return false;
                }
            } else {
                int err = 0;
                socklen_t len = sizeof err;
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
                if (err == 0) {
                    // Writable and no error: connected (or not yet, on a spurious edge).
                    sockaddr_storage ss;
                    socklen_t sl = sizeof ss;
                    if (getpeername(fd, reinterpret_cast<sockaddr *>(&ss), &sl) != 0) {
                        return false;
                    }
                }
                op->res = -err;
                return true;
            }
            break;
        case OpKind::read:
            r = op->take_fd ? recvmsg(fd, &op->req->msg, MSG_CMSG_CLOEXEC) : recv(fd, op->buf, op->len, 0);
            break;
        case OpKind::write:
            r = op->pass_fd >= 0 ? sendmsg(fd, &op->req->msg, MSG_NOSIGNAL)
                                 : send(fd, static_cast<const char *>(op->buf) + op->done, op->len - op->done, MSG_NOSIGNAL);
            break;
        case OpKind::recvmsg:
            r = recvmsg(fd, &op->req->msg, 0);
            break;
        case OpKind::sendmsg:
            r = sendmsg(fd, &op->req->msg, MSG_NOSIGNAL);
            break;
        case OpKind::lookup: // never started: it waits with arm_deadline
        case OpKind::timer:  // likewise
        case OpKind::race:   // likewise (its attempts are connect ops)
        case OpKind::after_writes: // never started: it waits in its stream's write line
            return false;
        }
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return false;
        }
        op->res = r < 0 ? -errno : static_cast<int32_t>(r);
        return true;
    }

    // Tries the waiting ops of one direction in order until one would block.
    void retry(WaitQueue &q) {
        while (!q.empty()) {
            Op *op = q.front();
            if (!attempt(op)) {
                return;
            }
            q.pop_front();
            --waiting_;
            if (op->deadline_ns >= 0) {
                timers_.erase({op->deadline_ns, op});
            }
            finished(op);
        }
    }

    // Takes a waiting op out of its queue and timers; false when it was not waiting.
    bool unqueue(Op *op) {
        auto it = fds_.find(op->io_fd);
        if (it == fds_.end()) {
            return false;
        }
        WaitQueue &q = waits_for_read(op->kind) ? it->second.readers : it->second.writers;
        if (!q.erase(op)) {
            return false;
        }
        --waiting_;
        if (op->deadline_ns >= 0) {
            timers_.erase({op->deadline_ns, op});
        }
        return true;
    }

    bool disarm(Op *op) {
        if (timers_.erase({op->deadline_ns, op}) == 0) {
            return false;
        }
        --waiting_;
        return true;
    }

    void expire_timers() {
        const int64_t now = now_ns();
        while (!timers_.empty() && timers_.begin()->first <= now) {
            Op *op = timers_.begin()->second;
            if (op->waiting()) {
                disarm(op);
                op->timed_out = true;
                finished(op);
                continue;
            }
            unqueue(op);
            op->timed_out = true;
            op->res = -ECANCELED; // as io_uring reports an op whose linked timeout fired
            finished(op);
        }
    }

    void finished(Op *op) { done_.push_back(op); }

    void deliver() {
        // on_op_done may start new ops (a write's remainder) that finish at once: they are
        // appended and delivered in this same loop.
        while (!done_.empty()) {
            Op *op = done_.front();
            done_.pop_front();
            shard_.on_op_done(op);
        }
    }

    Shard &shard_;
    const int wake_fd_;
    int ep_ = -1;
    std::unordered_map<int, FdQueues> fds_;
    std::set<std::pair<int64_t, Op *>> timers_;
    std::deque<Op *> done_;
    uint64_t waiting_ = 0;
};

} // namespace

std::unique_ptr<Backend> make_epoll_backend(Shard &shard, int wake_fd, int64_t &error) {
    auto b = std::make_unique<EpollBackend>(shard, wake_fd);
    const int err = b->setup();
    error = err == 0 ? 0 : UN_ERR_NO_RESOURCES;
    return err == 0 ? std::move(b) : nullptr;
}

} // namespace uringnet
