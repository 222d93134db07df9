// Creating and binding the socket of a listener or a UDP socket (core/bind_socket.hpp).
#include "bind_socket.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>

#include "shard.hpp"
#include "socket_options.hpp"

namespace uringnet {
namespace {

// Whether a Unix socket file at addr is stale: a socket file that nobody listens on (a
// non-blocking connect is refused). A live listener (or a full one: EAGAIN) is not.
bool stale_unix_socket(const Address &addr) {
    const auto *sun = reinterpret_cast<const sockaddr_un *>(&addr.storage);
    struct stat st {};
    if (sun->sun_path[0] == '\0' || lstat(sun->sun_path, &st) != 0 || !S_ISSOCK(st.st_mode)) {
        return false; // abstract (no file), gone, or not a socket: never removed
    }
    const int probe = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (probe < 0) {
        return false;
    }
    const bool refused = connect(probe, addr.sa(), addr.len) != 0 && errno == ECONNREFUSED;
    close(probe);
    return refused;
}

} // namespace

// Creates a socket for addr, applies bind_flag values and binds it; returns fd or an error.
// Unix sockets get neither SO_REUSEADDR nor ever SO_REUSEPORT (REUSE_PORT is UNSUPPORTED);
// their file is replaced only with UNLINK_STALE and only when nobody listens on it.
int64_t bind_socket(Shard &shard, const Address &addr, int type, uint32_t flags) {
    if ((flags & ~uint32_t{UN_BIND_FLAG_REUSE_PORT | UN_BIND_FLAG_V6_ONLY | UN_BIND_FLAG_UNLINK_STALE}) != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    const bool unix_socket = addr.family() == AF_UNIX;
    if (unix_socket && (flags & UN_BIND_FLAG_REUSE_PORT)) {
        return UN_ERR_UNSUPPORTED;
    }
    if (!unix_socket && (flags & UN_BIND_FLAG_UNLINK_STALE)) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    const int fd = socket(addr.family(), type | shard.socket_flags(), 0);
    if (fd < 0) {
        return errno_code();
    }
    const int one = 1;
    int rc = 0;
    if (type == SOCK_STREAM && !unix_socket) {
        rc = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    }
    if (rc == 0 && (flags & UN_BIND_FLAG_REUSE_PORT)) {
        rc = setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    }
    if (rc == 0 && (flags & UN_BIND_FLAG_V6_ONLY)) {
        rc = addr.family() == AF_INET6 ? setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one)
                                       : (errno = EINVAL, -1);
    }
    if (rc == 0) {
        rc = bind(fd, addr.sa(), addr.len);
        if (rc != 0 && errno == EADDRINUSE && (flags & UN_BIND_FLAG_UNLINK_STALE) && stale_unix_socket(addr)) {
            unlink(reinterpret_cast<const sockaddr_un *>(&addr.storage)->sun_path);
            rc = bind(fd, addr.sa(), addr.len);
        }
    }
    if (rc != 0) {
        // (A path in a directory that does not exist: nothing to bind there.)
        const int64_t err = unix_socket && errno == ENOENT ? UN_ERR_ADDRESS_NOT_AVAILABLE : errno_code();
        close(fd);
        return err;
    }
    return fd;
}

} // namespace uringnet
