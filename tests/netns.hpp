// Network namespaces for tests that need more than loopback (multicast, broadcast, a host
// with no DNS). Everything runs in forked children inside namespaces the test creates, so
// no packet can leave the machine; where namespaces cannot be created the test SKIPs.
#pragma once

#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>

namespace test {

/// Brings an interface up (with multicast) in the calling thread's namespace.
inline bool link_up(const char *name) {
    const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    ifreq ifr{};
    std::snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", name);
    bool ok = ioctl(fd, SIOCGIFFLAGS, &ifr) == 0;
    ifr.ifr_flags |= IFF_UP | IFF_MULTICAST;
    ok = ok && ioctl(fd, SIOCSIFFLAGS, &ifr) == 0;
    close(fd);
    return ok;
}

/// Runs fn in a forked child; returns the child's pid. fn's result is its exit status.
inline pid_t spawn(const std::function<int()> &fn) {
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        _exit(fn());
    }
    return pid;
}

/// Waits for a child; returns its exit status (or 128 + signal).
inline int wait_child(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/// Runs fn in a child inside a fresh network namespace whose only interface is lo (up).
/// Returns fn's exit status, or -1 when the namespace cannot be created (why says so).
inline int in_fresh_netns(const std::function<int()> &fn, std::string &why) {
    int pipefd[2];
    if (pipe(pipefd) != 0) {
        why = "pipe failed";
        return -1;
    }
    const pid_t pid = spawn([&] {
        close(pipefd[0]);
        char ok = unshare(CLONE_NEWNET) == 0 && link_up("lo") ? 1 : 0;
        [[maybe_unused]] ssize_t n = write(pipefd[1], &ok, 1);
        close(pipefd[1]);
        return ok ? fn() : 99;
    });
    close(pipefd[1]);
    char ok = 0;
    [[maybe_unused]] ssize_t n = read(pipefd[0], &ok, 1);
    close(pipefd[0]);
    const int rc = wait_child(pid);
    if (!ok) {
        why = "cannot create a network namespace here (needs root / CAP_SYS_ADMIN)";
        return -1;
    }
    return rc;
}

/// Two namespaces joined by a veth pair: "a" (192.0.2.1, fd00:75::1 on una) and
/// "b" (192.0.2.2, fd00:75::2 on unb). Removed again by the destructor.
class VethPair {
  public:
    VethPair() : a_("uringnet-a-" + std::to_string(getpid())), b_("uringnet-b-" + std::to_string(getpid())) {
        const std::string q = " >/dev/null 2>&1";
        const std::string cmds[] = {
            "ip netns add " + a_,
            "ip netns add " + b_,
            "ip -n " + a_ + " link add una type veth peer name unb netns " + b_,
            "ip -n " + a_ + " link set lo up",
            "ip -n " + b_ + " link set lo up",
            "ip -n " + a_ + " addr add 192.0.2.1/24 broadcast 192.0.2.255 dev una",
            "ip -n " + b_ + " addr add 192.0.2.2/24 broadcast 192.0.2.255 dev unb",
            "ip -n " + a_ + " addr add fd00:75::1/64 dev una nodad",
            "ip -n " + b_ + " addr add fd00:75::2/64 dev unb nodad",
            "ip -n " + a_ + " link set una up",
            "ip -n " + b_ + " link set unb up",
            "ip -n " + a_ + " route add 224.0.0.0/4 dev una",
            "ip -n " + b_ + " route add 224.0.0.0/4 dev unb",
        };
        for (const auto &c : cmds) {
            if (std::system((c + q).c_str()) != 0) {
                why_ = "cannot set up network namespaces with veth (" + c + " failed)";
                return;
            }
        }
        ok_ = true;
    }
    ~VethPair() {
        std::system(("ip netns del " + a_ + " >/dev/null 2>&1").c_str());
        std::system(("ip netns del " + b_ + " >/dev/null 2>&1").c_str());
    }
    bool ok() const { return ok_; }
    const std::string &why() const { return why_; }

    /// Runs fn in a child that has entered namespace "a" or "b"; returns the pid.
    pid_t run_in(char which, const std::function<int()> &fn) const {
        const std::string path = "/var/run/netns/" + (which == 'a' ? a_ : b_);
        return spawn([path, fn] {
            const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0 || setns(fd, CLONE_NEWNET) != 0) {
                return 98;
            }
            close(fd);
            return fn();
        });
    }

  private:
    std::string a_, b_, why_;
    bool ok_ = false;
};

/// A one-byte signal between the children of a test.
struct Signal {
    int fd[2];
    Signal() {
        if (pipe(fd) != 0) {
            fd[0] = fd[1] = -1;
        }
    }
    ~Signal() {
        close(fd[0]);
        close(fd[1]);
    }
    void post() const { [[maybe_unused]] ssize_t n = write(fd[1], "x", 1); }
    bool wait() const {
        char c;
        return read(fd[0], &c, 1) == 1;
    }
};

/// In a child: report a failed expectation and give the exit status to return.
#define CHILD_EXPECT(cond)                                                                         \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            std::fprintf(stderr, "%s:%d: child expectation failed: %s\n", __FILE__, __LINE__, #cond); \
            return 1;                                                                              \
        }                                                                                          \
    } while (0)

} // namespace test
