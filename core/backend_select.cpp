// Picks a shard's backend: io_uring where the kernel allows it, epoll where it refuses it
// (seccomp, kernel.io_uring_disabled, old kernels), or whatever was forced. Resource
// exhaustion is an error with a hint, never a silent fallback.
#include <cerrno>
#include <cstring>

#include "backend.hpp"
#include "uringnet/uringnet.h"

namespace uringnet {

BackendChoice make_backend(Shard &shard, const BackendConfig &config, int wake_fd) {
    BackendChoice c;
    std::string reason;
    if (config.want == BackendKind::epoll) {
        reason = "epoll, forced by " + config.forced_by;
    } else {
        int err = 0;
        std::string missing;
        c.backend = make_uring_backend(shard, config, wake_fd, err, missing);
        if (c.backend) {
            c.reason = config.want == BackendKind::io_uring
                           ? "io_uring, forced by " + config.forced_by
                           : "io_uring: the kernel set up a ring and has every opcode the core uses";
            if (config.sqpoll) {
                c.reason += " (SQPOLL on)";
            }
            return c;
        }
        const std::string why =
            missing.empty() ? std::string("io_uring_setup failed with ") + strerrorname_np(err) +
                                  " (" + std::strerror(err) + ")"
                            : "the kernel lacks io_uring's " + missing;
        if (err == ENOMEM) {
            c.error = UN_ERR_IO_URING_NO_MEMORY;
            c.reason = why + ": raise the locked-memory limit (ulimit -l) or configure fewer ring entries";
            return c;
        }
        if (err == EMFILE || err == ENFILE) {
            c.error = UN_ERR_NO_RESOURCES;
            c.reason = why + ": out of file descriptors (raise ulimit -n)";
            return c;
        }
        if (config.want == BackendKind::io_uring) {
            c.error = UN_ERR_IO_URING_UNAVAILABLE;
            c.reason = why + ", and io_uring was forced by " + config.forced_by;
            return c;
        }
        reason = "epoll: io_uring is unavailable here (" + why + ")";
    }
    int64_t error = 0;
    c.backend = make_epoll_backend(shard, wake_fd, error);
    c.error = error;
    c.reason = c.backend ? reason : reason + "; epoll_create1 failed too";
    return c;
}

} // namespace uringnet
