// Socket options and multicast membership: the spec's option numbers mapped to setsockopt
// and getsockopt, with the ranges and the per-protocol rules the spec gives.
#include "socket_options.hpp"

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>
#include <climits>
#include <cstring>

#include "address.hpp"
#include "requests.hpp"

namespace uringnet {

int64_t get_int(int fd, int level, int name) {
    int v = 0;
    socklen_t len = sizeof v;
    if (getsockopt(fd, level, name, &v, &len) != 0) {
        return errno_code();
    }
    return v;
}

namespace {

// The longest SO_LINGER a socket may have (the spec's linger option): its close waits on a
// helper thread, and a runtime shutdown waits for it.
constexpr int64_t kMaxLingerSeconds = 30;

struct IntOpt {
    int level;
    int name;
};

// The (level, name) of a plain integer option for a socket of this family.
bool int_option(int64_t option, int family, IntOpt &o) {
    const bool v6 = family == AF_INET6;
    switch (option) {
    case UN_SOCKET_OPTION_NODELAY:
        o = {IPPROTO_TCP, TCP_NODELAY};
        return true;
    case UN_SOCKET_OPTION_RECV_BUFFER:
        o = {SOL_SOCKET, SO_RCVBUF};
        return true;
    case UN_SOCKET_OPTION_SEND_BUFFER:
        o = {SOL_SOCKET, SO_SNDBUF};
        return true;
    case UN_SOCKET_OPTION_TTL:
        o = v6 ? IntOpt{IPPROTO_IPV6, IPV6_UNICAST_HOPS} : IntOpt{IPPROTO_IP, IP_TTL};
        return true;
    case UN_SOCKET_OPTION_REUSE_ADDRESS:
        o = {SOL_SOCKET, SO_REUSEADDR};
        return true;
    case UN_SOCKET_OPTION_REUSE_PORT:
        o = {SOL_SOCKET, SO_REUSEPORT};
        return true;
    case UN_SOCKET_OPTION_BROADCAST:
        o = {SOL_SOCKET, SO_BROADCAST};
        return true;
    case UN_SOCKET_OPTION_MULTICAST_TTL:
        o = v6 ? IntOpt{IPPROTO_IPV6, IPV6_MULTICAST_HOPS} : IntOpt{IPPROTO_IP, IP_MULTICAST_TTL};
        return true;
    case UN_SOCKET_OPTION_MULTICAST_LOOP:
        o = v6 ? IntOpt{IPPROTO_IPV6, IPV6_MULTICAST_LOOP} : IntOpt{IPPROTO_IP, IP_MULTICAST_LOOP};
        return true;
    default:
        return false;
    }
}

// The range of values an integer option takes.
bool in_range(int64_t option, int64_t v) {
    switch (option) {
    case UN_SOCKET_OPTION_RECV_BUFFER:
    case UN_SOCKET_OPTION_SEND_BUFFER:
        return v > 0 && v <= INT_MAX / 2;
    case UN_SOCKET_OPTION_TTL:
        return v >= 1 && v <= 255;
    case UN_SOCKET_OPTION_MULTICAST_TTL:
        return v >= 0 && v <= 255;
    default:
        return v == 0 || v == 1; // the boolean options
    }
}

bool is_udp_only(int64_t option) {
    return option == UN_SOCKET_OPTION_BROADCAST || option == UN_SOCKET_OPTION_MULTICAST_TTL ||
           option == UN_SOCKET_OPTION_MULTICAST_LOOP;
}

bool is_tcp_only(int64_t option) {
    return option == UN_SOCKET_OPTION_NODELAY || option == UN_SOCKET_OPTION_KEEPALIVE;
}

bool is_peer_credential(int64_t option) {
    return option == UN_SOCKET_OPTION_PEER_PID || option == UN_SOCKET_OPTION_PEER_UID ||
           option == UN_SOCKET_OPTION_PEER_GID;
}

// Options that have no meaning on this kind and family of socket: UNSUPPORTED. (Unix sockets
// have no TCP or IP level; peer credentials are a Unix socket's.)
bool unsupported(const Slot &s, int64_t option) {
    const bool udp = s.kind == UN_HANDLE_UDP_SOCKET;
    if ((udp && is_tcp_only(option)) || (!udp && is_udp_only(option))) {
        return true;
    }
    if (s.family == AF_UNIX) {
        return is_tcp_only(option) || option == UN_SOCKET_OPTION_TTL || option == UN_SOCKET_OPTION_MULTICAST_TTL ||
               option == UN_SOCKET_OPTION_MULTICAST_LOOP || option == UN_SOCKET_OPTION_BROADCAST ||
               option == UN_SOCKET_OPTION_REUSE_PORT;
    }
    return is_peer_credential(option);
}

} // namespace

int64_t set_option(Slot &s, FastSlot &f, int64_t option, int64_t value) {
    if (unsupported(s, option)) {
        return UN_ERR_UNSUPPORTED;
    }
    if (is_peer_credential(option)) {
        return UN_ERR_INVALID_ARGUMENT; // read-only
    }
    if (auto *t = FastSlot::option_timeout(f, option)) { // remembered by the handle, not the kernel's
        if (value < -1 || value > INT32_MAX) {
            return UN_ERR_INVALID_ARGUMENT;
        }
        t->store(static_cast<int32_t>(value), std::memory_order_relaxed);
        return 0;
    }
    if (option == UN_SOCKET_OPTION_KEEPALIVE) {
        const int on = value > 0 ? 1 : 0;
        if (value > INT_MAX) {
            return UN_ERR_INVALID_ARGUMENT;
        }
        if (on) {
            const int idle = static_cast<int>(value);
            if (int64_t err = check(setsockopt(s.fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle))) {
                return err;
            }
        }
        return check(setsockopt(s.fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on));
    }
    if (option == UN_SOCKET_OPTION_LINGER) {
        if (value > kMaxLingerSeconds) {
            return UN_ERR_INVALID_ARGUMENT;
        }
        linger l{value >= 0 ? 1 : 0, value >= 0 ? static_cast<int>(value) : 0};
        return check(setsockopt(s.fd, SOL_SOCKET, SO_LINGER, &l, sizeof l));
    }
    IntOpt o;
    if (!int_option(option, s.family, o)) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    if (!in_range(option, value)) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    const int v = static_cast<int>(value);
    return check(setsockopt(s.fd, o.level, o.name, &v, sizeof v));
}

int64_t get_option(Slot &s, const FastSlot &f, int64_t option) {
    if (unsupported(s, option)) {
        return UN_ERR_UNSUPPORTED;
    }
    if (is_peer_credential(option)) {
        // SO_PEERCRED: the peer's, as of its connect (or socketpair); a listener's or an
        // unconnected socket's reads pid 0 and the overflow ids, as the kernel gives them.
        ucred c{};
        socklen_t len = sizeof c;
        if (getsockopt(s.fd, SOL_SOCKET, SO_PEERCRED, &c, &len) != 0) {
            return errno_code();
        }
        return option == UN_SOCKET_OPTION_PEER_PID   ? static_cast<int64_t>(c.pid)
               : option == UN_SOCKET_OPTION_PEER_UID ? static_cast<int64_t>(c.uid)
                                                     : static_cast<int64_t>(c.gid);
    }
    if (const auto *t = FastSlot::option_timeout(f, option)) {
        return t->load(std::memory_order_relaxed);
    }
    if (option == UN_SOCKET_OPTION_KEEPALIVE) {
        const int64_t on = get_int(s.fd, SOL_SOCKET, SO_KEEPALIVE);
        return on <= 0 ? on : get_int(s.fd, IPPROTO_TCP, TCP_KEEPIDLE);
    }
    if (option == UN_SOCKET_OPTION_LINGER) {
        linger l{};
        socklen_t len = sizeof l;
        if (getsockopt(s.fd, SOL_SOCKET, SO_LINGER, &l, &len) != 0) {
            return errno_code();
        }
        return l.l_onoff ? l.l_linger : -1;
    }
    IntOpt o;
    if (!int_option(option, s.family, o)) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    return get_int(s.fd, o.level, o.name);
}

int64_t multicast(const Slot &s, const char *group_text, const char *iface, bool join) {
    std::string g(group_text);
    if (g.size() > 2 && g.front() == '[' && g.back() == ']') {
        g = g.substr(1, g.size() - 2);
    }
    unsigned ifindex = 0;
    if (iface[0] != '\0') {
        ifindex = if_nametoindex(iface);
        if (ifindex == 0) {
            return UN_ERR_NO_SUCH_INTERFACE;
        }
    }
    in_addr v4{};
    in6_addr v6{};
    if (inet_pton(AF_INET, g.c_str(), &v4) == 1) {
        if (!IN_MULTICAST(ntohl(v4.s_addr))) {
            return UN_ERR_BAD_ADDRESS;
        }
        ip_mreqn m{};
        m.imr_multiaddr = v4;
        m.imr_ifindex = static_cast<int>(ifindex);
        return check(setsockopt(s.fd, IPPROTO_IP, join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, &m,
                                sizeof m));
    }
    if (inet_pton(AF_INET6, g.c_str(), &v6) == 1) {
        if (!IN6_IS_ADDR_MULTICAST(&v6)) {
            return UN_ERR_BAD_ADDRESS;
        }
        if (s.family != AF_INET6) {
            return UN_ERR_UNSUPPORTED; // an IPv4 socket cannot join an IPv6 group
        }
        ipv6_mreq m{};
        m.ipv6mr_multiaddr = v6;
        m.ipv6mr_interface = ifindex;
        return check(setsockopt(s.fd, IPPROTO_IPV6, join ? IPV6_JOIN_GROUP : IPV6_LEAVE_GROUP, &m,
                                sizeof m));
    }
    return UN_ERR_BAD_ADDRESS;
}

} // namespace uringnet
