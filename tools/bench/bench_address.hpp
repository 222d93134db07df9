// Where bench-server listens and bench-load connects for "port" N: 127.0.0.1:N, or, with
// BENCH_UNIX_DIR set, the Unix stream socket DIR/bench-N.sock (the same servers on AF_UNIX).
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace bench {

/// The Unix socket path for port, or "" for TCP.
inline std::string unix_path(int port) {
    const char *dir = std::getenv("BENCH_UNIX_DIR");
    return dir != nullptr ? std::string(dir) + "/bench-" + std::to_string(port) + ".sock" : "";
}

/// The address as uringnet's text ("127.0.0.1:N" or "unix:PATH").
inline std::string address_text(int port) {
    const std::string path = unix_path(port);
    return path.empty() ? "127.0.0.1:" + std::to_string(port) : "unix:" + path;
}

/// The address as a sockaddr for plain sockets; returns its length (family in ss).
inline socklen_t sockaddr_of(int port, sockaddr_storage &ss) {
    ss = sockaddr_storage{};
    const std::string path = unix_path(port);
    if (path.empty()) {
        auto *sa = reinterpret_cast<sockaddr_in *>(&ss);
        sa->sin_family = AF_INET;
        sa->sin_port = htons(static_cast<uint16_t>(port));
        sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return sizeof *sa;
    }
    auto *sa = reinterpret_cast<sockaddr_un *>(&ss);
    sa->sun_family = AF_UNIX;
    std::snprintf(sa->sun_path, sizeof sa->sun_path, "%s", path.c_str());
    return sizeof *sa;
}

} // namespace bench
