// Text addresses ("127.0.0.1:80", "[::1]:80", "localhost:80", "unix:/run/app.sock",
// "unix:@name") to socket addresses and back.
#pragma once

#include <sys/socket.h>

#include <cstdint>
#include <string>

namespace uringnet {

struct Address {
    sockaddr_storage storage{};
    socklen_t len = 0;

    const sockaddr *sa() const { return reinterpret_cast<const sockaddr *>(&storage); }
    int family() const { return storage.ss_family; }
};

/// Parses text into out. "unix:/path" and "unix:@name" (abstract) are Unix domain addresses
/// (a path longer than sun_path is BAD_ADDRESS). IP literals are parsed directly, "localhost" and names under
/// ".localhost" are 127.0.0.1 without a lookup (RFC 6761); another host name is resolved with
/// getaddrinfo on the calling thread (never the runtime thread). Returns 0 or an error code
/// (BAD_ADDRESS, UNKNOWN_HOST).
int64_t resolve_address(const char *text, Address &out);

/// Like resolve_address, but a host name is never looked up: it gives UNKNOWN_HOST. For
/// callers that must not touch the resolver (the fuzzer: no lookup may leave the machine).
int64_t parse_address(const char *text, Address &out);

/// For the calling thread: parses an IP literal into out, or, for a well-formed host name,
/// leaves out empty and copies text into lookup (the runtime looks it up). Returns 0 or
/// BAD_ADDRESS.
int64_t prepare_address(const char *text, Address &out, std::string &lookup);

/// "127.0.0.1:80", "[::1]:80", "unix:/path" or "unix:@name"; empty for an unnamed Unix
/// socket (an unbound sender) and an unknown family.
std::string format_address(const sockaddr *sa, socklen_t len);

} // namespace uringnet
