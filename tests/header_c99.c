/* The public header must compile as strict C99 and link against the shared library. */
#include <stdio.h>
#include <string.h>

#include "uringnet/uringnet.h"
#include "uringnet/uringnet_simple.h"

int main(void) {
    un_tcp_stream_t s = 0;
    un_tcp_listener_t l = 0;
    un_rv_t nil = 3;
    (void)nil;
    (void)s;
    (void)l;
    if (un_abi_version() != UN_ABI_VERSION || strcmp(un_version(), UN_VERSION) != 0) {
        fprintf(stderr, "ABI or version mismatch\n");
        return 1;
    }
    if (un_error_class(UN_ERR_CONNECTION_REFUSED) != UN_ERR_REFUSED) {
        fprintf(stderr, "error class mismatch\n");
        return 1;
    }
    printf("C99: uringnet %s, ABI %d, spec %s\n", un_version(), UN_ABI_VERSION, un_spec_checksum());
    return 0;
}
