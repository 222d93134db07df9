// Fuzz target: text addresses. Parsing never crashes, returns 0 or BAD_ADDRESS /
// UNKNOWN_HOST, and whatever parses formats back to text that parses to the same address.
// Host names are never looked up here (parse_address), so no query can leave the machine.
#include <netinet/in.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "address.hpp"
#include "uringnet/uringnet.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string text(reinterpret_cast<const char *>(data), size);
    uringnet::Address a;
    const int64_t rc = uringnet::parse_address(text.c_str(), a);
    if (rc != 0 && rc != UN_ERR_BAD_ADDRESS && rc != UN_ERR_UNKNOWN_HOST) {
        std::abort();
    }
    if (rc == 0) {
        const std::string back = uringnet::format_address(a.sa(), a.len);
        uringnet::Address again;
        if (back.empty() || uringnet::parse_address(back.c_str(), again) != 0 || again.len != a.len ||
            again.family() != a.family()) {
            std::abort();
        }
        // Same address and port (IPv6 scope ids are not part of the text form).
        const size_t cmp = a.family() == AF_INET ? sizeof(sockaddr_in) : offsetof(sockaddr_in6, sin6_scope_id);
        if (std::memcmp(&a.storage, &again.storage, cmp) != 0) {
            std::abort();
        }
    }
    return 0;
}
