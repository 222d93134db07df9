#include "address.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/un.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string_view>

#include "uringnet/uringnet.h"

namespace uringnet {
namespace {

bool parse_port(std::string_view s, uint16_t &port) {
    if (s.empty() || s.size() > 5) {
        return false;
    }
    uint32_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
        v = v * 10 + static_cast<uint32_t>(c - '0');
    }
    if (v > 65535) {
        return false;
    }
    port = static_cast<uint16_t>(v);
    return true;
}

bool valid_host_name(std::string_view host) {
    if (host.empty() || host.size() > 253) {
        return false;
    }
    for (char c : host) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
        if (!ok) {
            return false;
        }
    }
    return true;
}

// "localhost" and every name under ".localhost" (any case, with or without the final dot)
// mean the loopback address without a lookup (RFC 6761, section 6.3), so they work on a
// machine without /etc/hosts and never reach a name server.
bool is_localhost(std::string_view host) {
    if (!host.empty() && host.back() == '.') {
        host.remove_suffix(1);
    }
    constexpr std::string_view kName = "localhost";
    if (host.size() < kName.size()) {
        return false;
    }
    const std::string_view tail = host.substr(host.size() - kName.size());
    for (size_t i = 0; i < kName.size(); ++i) {
        if ((tail[i] | 0x20) != kName[i]) {
            return false;
        }
    }
    return host.size() == kName.size() || host[host.size() - kName.size() - 1] == '.';
}

void set_port(Address &out, uint16_t port) {
    if (out.family() == AF_INET) {
        reinterpret_cast<sockaddr_in *>(&out.storage)->sin_port = htons(port);
    } else {
        reinterpret_cast<sockaddr_in6 *>(&out.storage)->sin6_port = htons(port);
    }
}

// Resolves host with getaddrinfo; numeric_only for bracketed IPv6 (allows "%scope"). out is
// the first IPv4 address (else the first): what one address means for a name like
// "localhost" that resolves to both, whatever order gai.conf gives; all (when asked) gets
// every address, in getaddrinfo's order.
int64_t lookup(const std::string &host, bool numeric_only, Address &out, AddressList *all) {
    addrinfo hints{};
    hints.ai_family = numeric_only ? AF_INET6 : AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = numeric_only ? AI_NUMERICHOST : 0;
    addrinfo *res = nullptr;
    const int rc = getaddrinfo(host.c_str(), nullptr, &hints, &res);
    if (rc != 0 || res == nullptr) {
        return numeric_only ? UN_ERR_BAD_ADDRESS : UN_ERR_UNKNOWN_HOST;
    }
    const addrinfo *pick = res;
    for (const addrinfo *ai = res; ai != nullptr; ai = ai->ai_next) {
        if (ai->ai_family == AF_INET) {
            pick = ai;
            break;
        }
    }
    std::memcpy(&out.storage, pick->ai_addr, pick->ai_addrlen);
    out.len = pick->ai_addrlen;
    for (const addrinfo *ai = res; all != nullptr && !numeric_only && ai != nullptr; ai = ai->ai_next) {
        if ((ai->ai_family != AF_INET && ai->ai_family != AF_INET6) || ai->ai_addrlen > sizeof(sockaddr_storage)) {
            continue;
        }
        Address a;
        std::memcpy(&a.storage, ai->ai_addr, ai->ai_addrlen);
        a.len = ai->ai_addrlen;
        if (std::find(all->begin(), all->end(), a) == all->end()) {
            all->push_back(a);
        }
    }
    freeaddrinfo(res);
    return 0;
}

} // namespace

namespace {

constexpr std::string_view kUnix = "unix:";

// "unix:/run/app.sock" (a path, relative ones too) or "unix:@name" (Linux's abstract
// namespace: no file). A path must fit sun_path with its NUL, an abstract name after the
// leading NUL; an empty one is malformed (no autobind).
int64_t to_unix_address(std::string_view rest, Address &out) {
    out = Address{};
    auto *sun = reinterpret_cast<sockaddr_un *>(&out.storage);
    sun->sun_family = AF_UNIX;
    const bool abstract = !rest.empty() && rest.front() == '@';
    const std::string_view name = abstract ? rest.substr(1) : rest;
    if (name.empty() || name.size() + 1 > sizeof sun->sun_path) {
        return UN_ERR_BAD_ADDRESS;
    }
    std::memcpy(sun->sun_path + (abstract ? 1 : 0), name.data(), name.size());
    out.len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size() + 1);
    return 0;
}

int64_t to_address(const char *text, Address &out, AddressList *all, bool may_look_up) {
    if (text == nullptr) {
        return UN_ERR_BAD_ADDRESS;
    }
    const std::string_view s(text);
    if (s.substr(0, kUnix.size()) == kUnix) {
        return to_unix_address(s.substr(kUnix.size()), out);
    }
    std::string_view host, port_text;
    bool bracketed = false;
    if (!s.empty() && s.front() == '[') {
        const size_t close = s.find(']');
        if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != ':') {
            return UN_ERR_BAD_ADDRESS;
        }
        host = s.substr(1, close - 1);
        port_text = s.substr(close + 2);
        bracketed = true;
    } else {
        const size_t colon = s.rfind(':');
        if (colon == std::string_view::npos) {
            return UN_ERR_BAD_ADDRESS;
        }
        host = s.substr(0, colon);
        port_text = s.substr(colon + 1);
        if (host.find(':') != std::string_view::npos) {
            return UN_ERR_BAD_ADDRESS; // an IPv6 literal needs brackets: "[::1]:80"
        }
    }
    uint16_t port = 0;
    if (host.empty() || !parse_port(port_text, port)) {
        return UN_ERR_BAD_ADDRESS;
    }
    out = Address{};
    const std::string host_str(host);
    if (bracketed) {
        auto *sin6 = reinterpret_cast<sockaddr_in6 *>(&out.storage);
        if (inet_pton(AF_INET6, host_str.c_str(), &sin6->sin6_addr) == 1) {
            sin6->sin6_family = AF_INET6;
            out.len = sizeof(sockaddr_in6);
        } else if (int64_t err = lookup(host_str, true, out, nullptr)) {
            return err;
        }
    } else {
        auto *sin = reinterpret_cast<sockaddr_in *>(&out.storage);
        if (inet_pton(AF_INET, host_str.c_str(), &sin->sin_addr) == 1) {
            sin->sin_family = AF_INET;
            out.len = sizeof(sockaddr_in);
        } else {
            // Digits and dots only, but not a valid IPv4 literal ("256.1.1.1", "1.2.3"):
            // malformed, not a name to look up.
            if (host.find_first_not_of("0123456789.") == std::string_view::npos) {
                return UN_ERR_BAD_ADDRESS;
            }
            if (!valid_host_name(host)) {
                return UN_ERR_BAD_ADDRESS;
            }
            if (is_localhost(host)) { // RFC 6761 6.3: loopback, never looked up
                sin->sin_family = AF_INET;
                sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                out.len = sizeof(sockaddr_in);
                set_port(out, port);
                if (all != nullptr) { // both loopbacks, as a hosts file lists them
                    Address v6;
                    auto *l6 = reinterpret_cast<sockaddr_in6 *>(&v6.storage);
                    l6->sin6_family = AF_INET6;
                    l6->sin6_addr = in6addr_loopback;
                    v6.len = sizeof(sockaddr_in6);
                    set_port(v6, port);
                    *all = {v6, out};
                }
                return 0;
            }
            if (!may_look_up) {
                return UN_ERR_UNKNOWN_HOST;
            }
            if (int64_t err = lookup(host_str, false, out, all)) {
                return err;
            }
            if (all != nullptr) {
                for (Address &a : *all) {
                    set_port(a, port);
                }
            }
        }
    }
    set_port(out, port);
    return 0;
}

// The addresses of all whose family is (or is not) AF_INET6, in order.
AddressList of_family(const AddressList &all, bool v6) {
    AddressList out;
    for (const Address &a : all) {
        if ((a.family() == AF_INET6) == v6) {
            out.push_back(a);
        }
    }
    return out;
}

} // namespace

bool Address::operator==(const Address &o) const {
    return len == o.len && std::memcmp(&storage, &o.storage, len) == 0;
}

int64_t resolve_address(const char *text, Address &out, AddressList &all) {
    all.clear();
    return to_address(text, out, &all, true);
}

int64_t parse_address(const char *text, Address &out) { return to_address(text, out, nullptr, false); }

AddressList connect_order(const AddressList &all) {
    const AddressList v6 = of_family(all, true), other = of_family(all, false);
    AddressList out;
    for (size_t i = 0; i < std::max(v6.size(), other.size()); ++i) {
        if (i < v6.size()) {
            out.push_back(v6[i]);
        }
        if (i < other.size()) {
            out.push_back(other[i]);
        }
    }
    return out;
}

AddressList bind_order(const AddressList &all) {
    AddressList out = all;
    std::stable_partition(out.begin(), out.end(), [](const Address &a) { return a.family() == AF_INET; });
    return out;
}

int64_t prepare_address(const char *text, Address &out, AddressList &all, std::string &lookup) {
    all.clear();
    const int64_t rc = to_address(text, out, &all, false);
    if (rc == UN_ERR_UNKNOWN_HOST) { // well-formed, but a name
        lookup = text;
        return 0;
    }
    return rc;
}

std::string format_address(const sockaddr *sa, socklen_t len) {
    char ip[INET6_ADDRSTRLEN] = {};
    if (sa->sa_family == AF_UNIX) {
        const auto *sun = reinterpret_cast<const sockaddr_un *>(sa);
        const size_t offset = offsetof(sockaddr_un, sun_path);
        if (len <= offset) {
            return {}; // unnamed (an unbound socket): no address
        }
        const size_t n = std::min<size_t>(len - offset, sizeof sun->sun_path);
        if (sun->sun_path[0] == '\0') { // abstract: every byte of the length is the name's
            return std::string(kUnix) + "@" + std::string(sun->sun_path + 1, n - 1);
        }
        return std::string(kUnix) + std::string(sun->sun_path, strnlen(sun->sun_path, n));
    }
    if (sa->sa_family == AF_INET && len >= sizeof(sockaddr_in)) {
        const auto *sin = reinterpret_cast<const sockaddr_in *>(sa);
        inet_ntop(AF_INET, &sin->sin_addr, ip, sizeof ip);
        return std::string(ip) + ":" + std::to_string(ntohs(sin->sin_port));
    }
    if (sa->sa_family == AF_INET6 && len >= sizeof(sockaddr_in6)) {
        const auto *sin6 = reinterpret_cast<const sockaddr_in6 *>(sa);
        inet_ntop(AF_INET6, &sin6->sin6_addr, ip, sizeof ip);
        return "[" + std::string(ip) + "]:" + std::to_string(ntohs(sin6->sin6_port));
    }
    return {};
}

} // namespace uringnet
