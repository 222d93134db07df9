// Handlers of the adopt operations (tcp_adopt_listener, tcp_adopt_stream, udp_adopt): a
// socket the host made becomes a handle of the shard (see Shard::adopt_fd).
#include <fcntl.h>
#include <sys/socket.h>

#include <cerrno>

#include "runtime.hpp"
#include "socket_options.hpp"

namespace uringnet::gen {

// ---- adopting the caller's sockets ----

namespace {

// Checks that fd is an open IPv4/IPv6 socket of the type wanted (and, for TCP, listening
// or not) and, when it is, makes it a handle of this shard: the handle or an error; on an
// error the fd is left as it was.
int64_t adopt(Shard &shard, int fd, int type, int listening, uint32_t kind) {
    if (fd < 0 || fcntl(fd, F_GETFD) < 0) {
        return UN_ERR_INVALID_ARGUMENT; // not an open fd
    }
    int v = 0;
    socklen_t len = sizeof v;
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len) != 0 || v != type) {
        return UN_ERR_WRONG_KIND; // not a socket, or not this type
    }
    int family = 0;
    len = sizeof family;
    if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &family, &len) != 0 || (family != AF_INET && family != AF_INET6 && family != AF_UNIX)) {
        return UN_ERR_WRONG_KIND;
    }
    if (listening >= 0) {
        len = sizeof v;
        if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &v, &len) != 0 || (v != 0) != (listening != 0)) {
            return UN_ERR_WRONG_KIND;
        }
    }
    if (kind == UN_HANDLE_TCP_STREAM) {
        sockaddr_storage peer{};
        len = sizeof peer;
        if (getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &len) != 0) {
            return errno == ENOTCONN ? UN_ERR_NOT_CONNECTED : errno_code();
        }
    }
    const int fl = fcntl(fd, F_GETFL);
    const bool nonblocking = (shard.socket_flags() & SOCK_NONBLOCK) != 0;
    if (fl < 0 || fcntl(fd, F_SETFL, nonblocking ? (fl | O_NONBLOCK) : (fl & ~O_NONBLOCK)) != 0 ||
        fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
        return errno_code();
    }
    const int64_t h = shard.adopt_fd(fd, kind, family);
    if (h < 0 && fl >= 0) {
        fcntl(fd, F_SETFL, fl); // (left as it was)
    }
    return h;
}

} // namespace

void handle_tcp_adopt_listener(Shard &shard, Request &req, const TcpAdoptListenerArgs &args) {
    shard.complete(req, adopt(shard, args.fd, SOCK_STREAM, 1, UN_HANDLE_TCP_LISTENER));
}

void handle_tcp_adopt_stream(Shard &shard, Request &req, const TcpAdoptStreamArgs &args) {
    shard.complete(req, adopt(shard, args.fd, SOCK_STREAM, 0, UN_HANDLE_TCP_STREAM));
}

void handle_udp_adopt(Shard &shard, Request &req, const UdpAdoptArgs &args) {
    shard.complete(req, adopt(shard, args.fd, SOCK_DGRAM, -1, UN_HANDLE_UDP_SOCKET));
}

} // namespace uringnet::gen
