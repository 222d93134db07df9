// The public header must compile as strict C++11 and link against the shared library.
#include <cstdio>
#include <cstring>

#include "uringnet/uringnet.h"
#include "uringnet/uringnet_simple.h"

int main() {
    if (un_abi_version() != UN_ABI_VERSION || std::strcmp(un_spec_checksum(), UN_SPEC_CHECKSUM) != 0) {
        std::fprintf(stderr, "ABI or spec checksum mismatch\n");
        return 1;
    }
    if (std::strcmp(un_error_name(UN_ERR_BAD_HANDLE), "BAD_HANDLE") != 0) {
        return 1;
    }
    std::printf("C++: uringnet %s\n", un_version());
    return 0;
}
