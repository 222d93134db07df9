// Text addresses ("127.0.0.1:80", "[::1]:80", "localhost:80", "unix:/run/app.sock",
// "unix:@name") to socket addresses and back.
#pragma once

#include <sys/socket.h>

#include <cstdint>
#include <string>
#include <vector>

namespace uringnet {

struct Address {
    sockaddr_storage storage{};
    socklen_t len = 0;

    const sockaddr *sa() const { return reinterpret_cast<const sockaddr *>(&storage); }
    int family() const { return storage.ss_family; }
    bool operator==(const Address &o) const;
};

/// Every address of a host name (getaddrinfo's order, without repeats).
using AddressList = std::vector<Address>;

/// Parses text into out. "unix:/path" and "unix:@name" (abstract) are Unix domain addresses
/// (a path longer than sun_path is BAD_ADDRESS). IP literals are parsed directly, "localhost" and names under
/// ".localhost" are the loopback addresses without a lookup (RFC 6761: out 127.0.0.1, all
/// [::1] and 127.0.0.1); another host name is resolved with getaddrinfo on the calling thread
/// (a resolver thread, never a shard): out is its first IPv4 address (else its first), all
/// every address. all stays empty for a literal. Returns 0 or an error code (BAD_ADDRESS,
/// UNKNOWN_HOST).
int64_t resolve_address(const char *text, Address &out, AddressList &all);

/// Like resolve_address, but a host name is never looked up: it gives UNKNOWN_HOST. For
/// callers that must not touch the resolver (the fuzzer: no lookup may leave the machine).
int64_t parse_address(const char *text, Address &out);

/// For the calling thread: parses an IP literal into out (localhost: out and all as
/// resolve_address gives them), or, for another well-formed host name, leaves out empty and
/// copies text into lookup (the runtime looks it up). Returns 0 or BAD_ADDRESS.
int64_t prepare_address(const char *text, Address &out, AddressList &all, std::string &lookup);

/// The order a connect tries a name's addresses in (RFC 8305 section 4): the families
/// interleaved, IPv6 first, each family in the order it was given.
AddressList connect_order(const AddressList &all);

/// The order a listener or UDP socket tries to bind a name's addresses in: IPv4 first (what
/// a client that resolves the name to one address usually gets), then the others, each in
/// the order given.
AddressList bind_order(const AddressList &all);

/// "127.0.0.1:80", "[::1]:80", "unix:/path" or "unix:@name"; empty for an unnamed Unix
/// socket (an unbound sender) and an unknown family.
std::string format_address(const sockaddr *sa, socklen_t len);

} // namespace uringnet
