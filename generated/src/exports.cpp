/* Generated from api/net.json by codegen/generate.py (template c/exports.cpp.j2). Do not edit:
 * change the spec or the template and run codegen/generate.py. */
// The C exports: each checks what can be checked on the calling thread, then either runs
// a caller operation or posts a request to the runtime thread and waits for it.
#include "call.hpp"
#include "requests.hpp"
#include "uringnet/uringnet.h"

extern "C" {

UN_API int64_t un_runtime_init(void) {
    return uringnet::gen::handle_runtime_init();
}

UN_API int64_t un_runtime_shutdown(void) {
    return uringnet::gen::handle_runtime_shutdown();
}

UN_API int64_t un_runtime_configure_entries(int64_t entries) {
    return uringnet::gen::handle_runtime_configure_entries(entries);
}

UN_API int64_t un_runtime_num_cores(void) {
    return uringnet::gen::handle_runtime_num_cores();
}

UN_API int64_t un_runtime_stats(char *out, uint32_t out_len) {
    if (out == nullptr && out_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    uringnet::Request req(uringnet::gen::RequestKind::runtime_stats);
    req.args.runtime_stats = {out, out_len};
    return uringnet::call(req);
}

UN_API un_tcp_listener_t un_tcp_listen(const char *addr, int32_t backlog) {
    if (addr == nullptr) {
        return UN_ERR_BAD_ADDRESS;
    }
    uringnet::Request req(uringnet::gen::RequestKind::tcp_listen);
    req.args.tcp_listen = {addr, backlog};
    if (int64_t err = uringnet::resolve_address(addr, req.address)) {
        return err;
    }
    return uringnet::call(req);
}

UN_API un_tcp_stream_t un_tcp_accept(un_tcp_listener_t listener, int64_t timeout_ms) {
    uringnet::Request req(uringnet::gen::RequestKind::tcp_accept);
    req.args.tcp_accept = {listener, timeout_ms};
    return uringnet::call(req, listener, UN_HANDLE_TCP_LISTENER);
}

UN_API un_tcp_stream_t un_tcp_connect(const char *addr, int64_t timeout_ms) {
    if (addr == nullptr) {
        return UN_ERR_BAD_ADDRESS;
    }
    uringnet::Request req(uringnet::gen::RequestKind::tcp_connect);
    req.args.tcp_connect = {addr, timeout_ms};
    if (int64_t err = uringnet::resolve_address(addr, req.address)) {
        return err;
    }
    return uringnet::call(req);
}

UN_API int64_t un_tcp_read(un_tcp_stream_t stream, void *buf, uint32_t max_len,
                           int64_t timeout_ms) {
    if (buf == nullptr && max_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    uringnet::Request req(uringnet::gen::RequestKind::tcp_read);
    req.args.tcp_read = {stream, buf, max_len, timeout_ms};
    return uringnet::call(req, stream, UN_HANDLE_TCP_STREAM);
}

UN_API int64_t un_tcp_write(un_tcp_stream_t stream, const void *buf, uint32_t len,
                            int64_t timeout_ms) {
    if (buf == nullptr && len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    uringnet::Request req(uringnet::gen::RequestKind::tcp_write);
    req.args.tcp_write = {stream, buf, len, timeout_ms};
    return uringnet::call(req, stream, UN_HANDLE_TCP_STREAM);
}

UN_API int64_t un_tcp_close(un_tcp_stream_t stream) {
    uringnet::Request req(uringnet::gen::RequestKind::tcp_close);
    req.args.tcp_close = {stream};
    return uringnet::call(req, stream, UN_HANDLE_TCP_STREAM);
}

UN_API int64_t un_tcp_listener_close(un_tcp_listener_t listener) {
    uringnet::Request req(uringnet::gen::RequestKind::tcp_listener_close);
    req.args.tcp_listener_close = {listener};
    return uringnet::call(req, listener, UN_HANDLE_TCP_LISTENER);
}

UN_API int64_t un_tcp_listener_local_addr(un_tcp_listener_t listener, char *out, uint32_t out_len) {
    if (out == nullptr && out_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    uringnet::Request req(uringnet::gen::RequestKind::tcp_listener_local_addr);
    req.args.tcp_listener_local_addr = {listener, out, out_len};
    return uringnet::call(req, listener, UN_HANDLE_TCP_LISTENER);
}

} // extern "C"
