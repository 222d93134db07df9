/* Generated from api/net.json by codegen/generate.py (template c/simple_adapters.cpp.j2). Do not
 * edit: change the spec or the template and run codegen/generate.py. */
// RuntimeValue adapters: each decodes Simple's arguments (core/simple_rt.hpp), calls the C
// API with the spec's defaults for what Simple does not pass, and encodes the result.
#include <cstring>
#include <string>
#include <vector>

#include "simple_rt.hpp"
#include "simple_stream.hpp"
#include "uringnet/uringnet_simple.h"

namespace s = uringnet::simple;

extern "C" {

UN_API int64_t monoio_runtime_init(void) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_runtime_init();
    return result;
}

UN_API int64_t monoio_runtime_init_global(void) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_runtime_init();
    return result;
}

UN_API int64_t monoio_runtime_shutdown(void) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_runtime_shutdown();
    return result;
}

UN_API int64_t monoio_configure_entries(int64_t entries) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_runtime_configure_entries(entries);
    return result;
}

UN_API int64_t monoio_get_num_cores(void) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_runtime_num_cores();
    return result;
}

UN_API un_rv_t monoio_get_stats(void) {
    int64_t err = 0;
    (void)err;
    std::vector<char> out_out(65536);
    const int64_t result = un_runtime_stats(out_out.data(), static_cast<uint32_t>(out_out.size()));
    // The text's length, not result: some operations return a value beside their text.
    return result < 0 ? s::kNil : s::make_text(out_out.data(), std::strlen(out_out.data()));
}

UN_API int64_t monoio_configure_backend(int64_t backend) {
    int64_t err = 0;
    (void)err;
    if (!s::fits_i32(backend)) {
        err = UN_ERR_INVALID_ARGUMENT;
        return err;
    }
    const int64_t result = un_runtime_configure_backend(static_cast<un_backend_t>(backend));
    return result;
}

UN_API int64_t monoio_configure_sqpoll(int64_t enabled) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_runtime_configure_sqpoll(enabled != 0);
    return result;
}

UN_API un_rv_t monoio_runtime_backend(void) {
    int64_t err = 0;
    (void)err;
    std::vector<char> out_out(256);
    const int64_t result =
        un_runtime_backend(out_out.data(), static_cast<uint32_t>(out_out.size()));
    // The text's length, not result: some operations return a value beside their text.
    return result < 0 ? s::kNil : s::make_text(out_out.data(), std::strlen(out_out.data()));
}

UN_API int64_t monoio_reset_stats(void) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_runtime_reset_stats();
    return result;
}

UN_API int64_t monoio_configure_shards(int64_t shards) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_runtime_configure_shards(shards);
    return result;
}

UN_API int64_t monoio_configure_wake_signal(int64_t signal) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_runtime_configure_wake_signal(signal);
    return result;
}

UN_API int64_t monoio_timer(int64_t timeout_ms) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_timer(timeout_ms);
    return result;
}

UN_API int64_t monoio_tcp_listen(un_rv_t addr) {
    int64_t err = 0;
    (void)err;
    std::string addr_text;
    if ((err = s::text(addr, addr_text)) != 0) {
        return err;
    }
    const int64_t result = un_tcp_listen(addr_text.c_str(), 0, 0);
    return result;
}

UN_API int64_t monoio_tcp_listen_flags(un_rv_t addr, int64_t flags) {
    int64_t err = 0;
    (void)err;
    std::string addr_text;
    if ((err = s::text(addr, addr_text)) != 0) {
        return err;
    }
    if (!s::fits_u32(flags)) {
        err = UN_ERR_INVALID_ARGUMENT;
        return err;
    }
    const int64_t result = un_tcp_listen(addr_text.c_str(), 0, static_cast<uint32_t>(flags));
    return result;
}

UN_API int64_t monoio_tcp_accept(int64_t listener) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_tcp_accept(listener, UN_TIMEOUT_FROM_OPTION);
    return result;
}

UN_API int64_t monoio_tcp_accept_timeout(int64_t listener, int64_t timeout_ms) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_tcp_accept(listener, timeout_ms);
    return result;
}

UN_API int64_t monoio_tcp_connect(un_rv_t addr) {
    int64_t err = 0;
    (void)err;
    std::string addr_text;
    if ((err = s::text(addr, addr_text)) != 0) {
        return err;
    }
    const int64_t result = un_tcp_connect(addr_text.c_str(), -1);
    return result;
}

UN_API int64_t monoio_tcp_connect_timeout(un_rv_t addr, int64_t timeout_ms) {
    int64_t err = 0;
    (void)err;
    std::string addr_text;
    if ((err = s::text(addr, addr_text)) != 0) {
        return err;
    }
    const int64_t result = un_tcp_connect(addr_text.c_str(), timeout_ms);
    return result;
}

UN_API int64_t monoio_tcp_read(int64_t stream, un_rv_t buf, int64_t max_len) {
    int64_t err = 0;
    (void)err;
    s::Bytes buf_bytes;
    if ((err = s::bytes_out(buf, max_len, buf_bytes)) != 0) {
        return err;
    }
    const int64_t result = s::stream_read(
        stream, buf_bytes.data(), static_cast<uint32_t>(buf_bytes.size()), UN_TIMEOUT_FROM_OPTION);
    if (result > 0 || result == UN_ERR_TRUNCATED) {
        const size_t n = result > 0 ? static_cast<size_t>(result) : buf_bytes.size();
        if ((err = s::store_bytes(buf, buf_bytes, n)) != 0) {
            s::stream_unread(stream, buf_bytes.data(), n); // (nothing lost)
            return err;
        }
    }
    return result;
}

UN_API int64_t monoio_tcp_read_timeout(int64_t stream, un_rv_t buf, int64_t max_len,
                                       int64_t timeout_ms) {
    int64_t err = 0;
    (void)err;
    s::Bytes buf_bytes;
    if ((err = s::bytes_out(buf, max_len, buf_bytes)) != 0) {
        return err;
    }
    const int64_t result = s::stream_read(stream, buf_bytes.data(),
                                          static_cast<uint32_t>(buf_bytes.size()), timeout_ms);
    if (result > 0 || result == UN_ERR_TRUNCATED) {
        const size_t n = result > 0 ? static_cast<size_t>(result) : buf_bytes.size();
        if ((err = s::store_bytes(buf, buf_bytes, n)) != 0) {
            s::stream_unread(stream, buf_bytes.data(), n); // (nothing lost)
            return err;
        }
    }
    return result;
}

UN_API int64_t monoio_tcp_write(int64_t stream, un_rv_t buf, int64_t len) {
    int64_t err = 0;
    (void)err;
    s::Bytes buf_bytes;
    if ((err = s::bytes_in(buf, len, buf_bytes)) != 0) {
        return err;
    }
    const int64_t result = un_tcp_write(
        stream, buf_bytes.data(), static_cast<uint32_t>(buf_bytes.size()), UN_TIMEOUT_FROM_OPTION);
    return result;
}

UN_API int64_t monoio_tcp_write_timeout(int64_t stream, un_rv_t buf, int64_t len,
                                        int64_t timeout_ms) {
    int64_t err = 0;
    (void)err;
    s::Bytes buf_bytes;
    if ((err = s::bytes_in(buf, len, buf_bytes)) != 0) {
        return err;
    }
    const int64_t result =
        un_tcp_write(stream, buf_bytes.data(), static_cast<uint32_t>(buf_bytes.size()), timeout_ms);
    return result;
}

UN_API int64_t monoio_tcp_close(int64_t stream) {
    int64_t err = 0;
    (void)err;
    const int64_t result = s::stream_close(stream);
    return result;
}

UN_API int64_t monoio_tcp_listener_close(int64_t listener) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_tcp_listener_close(listener);
    return result;
}

UN_API un_rv_t monoio_tcp_local_addr(int64_t handle) {
    int64_t err = 0;
    (void)err;
    std::vector<char> out_out(256);
    const int64_t result =
        un_socket_local_addr(handle, out_out.data(), static_cast<uint32_t>(out_out.size()));
    // The text's length, not result: some operations return a value beside their text.
    return result < 0 ? s::kNil : s::make_text(out_out.data(), std::strlen(out_out.data()));
}

UN_API un_rv_t monoio_udp_local_addr(int64_t handle) {
    int64_t err = 0;
    (void)err;
    std::vector<char> out_out(256);
    const int64_t result =
        un_socket_local_addr(handle, out_out.data(), static_cast<uint32_t>(out_out.size()));
    // The text's length, not result: some operations return a value beside their text.
    return result < 0 ? s::kNil : s::make_text(out_out.data(), std::strlen(out_out.data()));
}

UN_API int64_t monoio_tcp_flush(int64_t stream) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_tcp_flush(stream);
    return result;
}

UN_API int64_t monoio_tcp_shutdown(int64_t stream, int64_t how) {
    int64_t err = 0;
    (void)err;
    if (!s::fits_i32(how)) {
        err = UN_ERR_INVALID_ARGUMENT;
        return err;
    }
    const int64_t result = un_tcp_shutdown(stream, static_cast<un_shutdown_how_t>(how));
    return result;
}

UN_API un_rv_t monoio_tcp_peer_addr(int64_t handle) {
    int64_t err = 0;
    (void)err;
    std::vector<char> out_out(256);
    const int64_t result =
        un_socket_peer_addr(handle, out_out.data(), static_cast<uint32_t>(out_out.size()));
    // The text's length, not result: some operations return a value beside their text.
    return result < 0 ? s::kNil : s::make_text(out_out.data(), std::strlen(out_out.data()));
}

UN_API int64_t monoio_tcp_set_nodelay(int64_t handle, int64_t enabled) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_socket_set_option(handle, UN_SOCKET_OPTION_NODELAY, enabled);
    return result;
}

UN_API int64_t monoio_tcp_set_keepalive(int64_t handle, int64_t secs) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_socket_set_option(handle, UN_SOCKET_OPTION_KEEPALIVE, secs);
    return result;
}

UN_API int64_t monoio_udp_set_broadcast(int64_t handle, int64_t enabled) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_socket_set_option(handle, UN_SOCKET_OPTION_BROADCAST, enabled);
    return result;
}

UN_API int64_t monoio_udp_set_multicast_ttl(int64_t handle, int64_t ttl) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_socket_set_option(handle, UN_SOCKET_OPTION_MULTICAST_TTL, ttl);
    return result;
}

UN_API int64_t monoio_socket_set_option(int64_t handle, int64_t option, int64_t value) {
    int64_t err = 0;
    (void)err;
    if (!s::fits_i32(option)) {
        err = UN_ERR_INVALID_ARGUMENT;
        return err;
    }
    const int64_t result =
        un_socket_set_option(handle, static_cast<un_socket_option_t>(option), value);
    return result;
}

UN_API int64_t monoio_socket_get_option(int64_t handle, int64_t option) {
    int64_t err = 0;
    (void)err;
    if (!s::fits_i32(option)) {
        err = UN_ERR_INVALID_ARGUMENT;
        return err;
    }
    const int64_t result = un_socket_get_option(handle, static_cast<un_socket_option_t>(option));
    return result;
}

UN_API int64_t monoio_socket_cancel(int64_t handle) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_socket_cancel(handle);
    return result;
}

UN_API int64_t monoio_tcp_adopt_listener(int64_t fd) {
    int64_t err = 0;
    (void)err;
    if (!s::fits_i32(fd)) {
        err = UN_ERR_INVALID_ARGUMENT;
        return err;
    }
    const int64_t result = un_tcp_adopt_listener(static_cast<int32_t>(fd));
    return result;
}

UN_API int64_t monoio_tcp_adopt_stream(int64_t fd) {
    int64_t err = 0;
    (void)err;
    if (!s::fits_i32(fd)) {
        err = UN_ERR_INVALID_ARGUMENT;
        return err;
    }
    const int64_t result = un_tcp_adopt_stream(static_cast<int32_t>(fd));
    return result;
}

UN_API int64_t monoio_unix_send_fd(int64_t stream, int64_t fd) {
    int64_t err = 0;
    (void)err;
    if (!s::fits_i32(fd)) {
        err = UN_ERR_INVALID_ARGUMENT;
        return err;
    }
    const int64_t result =
        un_unix_send_fd(stream, static_cast<int32_t>(fd), UN_TIMEOUT_FROM_OPTION);
    return result;
}

UN_API int64_t monoio_unix_send_handle(int64_t stream, int64_t handle) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_unix_send_handle(stream, handle, UN_TIMEOUT_FROM_OPTION);
    return result;
}

UN_API int64_t monoio_unix_recv_fd(int64_t stream) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_unix_recv_fd(stream, UN_TIMEOUT_FROM_OPTION);
    return result;
}

UN_API int64_t monoio_udp_bind(un_rv_t addr) {
    int64_t err = 0;
    (void)err;
    std::string addr_text;
    if ((err = s::text(addr, addr_text)) != 0) {
        return err;
    }
    const int64_t result = un_udp_bind(addr_text.c_str(), 0);
    return result;
}

UN_API int64_t monoio_udp_send_to(int64_t socket, un_rv_t buf, int64_t len, un_rv_t addr) {
    int64_t err = 0;
    (void)err;
    s::Bytes buf_bytes;
    if ((err = s::bytes_in(buf, len, buf_bytes)) != 0) {
        return err;
    }
    std::string addr_text;
    if ((err = s::text(addr, addr_text)) != 0) {
        return err;
    }
    const int64_t result =
        un_udp_send_to(socket, buf_bytes.data(), static_cast<uint32_t>(buf_bytes.size()),
                       addr_text.c_str(), UN_TIMEOUT_FROM_OPTION);
    return result;
}

UN_API int64_t monoio_udp_send_to_timeout(int64_t socket, un_rv_t buf, int64_t len, un_rv_t addr,
                                          int64_t timeout_ms) {
    int64_t err = 0;
    (void)err;
    s::Bytes buf_bytes;
    if ((err = s::bytes_in(buf, len, buf_bytes)) != 0) {
        return err;
    }
    std::string addr_text;
    if ((err = s::text(addr, addr_text)) != 0) {
        return err;
    }
    const int64_t result =
        un_udp_send_to(socket, buf_bytes.data(), static_cast<uint32_t>(buf_bytes.size()),
                       addr_text.c_str(), timeout_ms);
    return result;
}

UN_API int64_t monoio_udp_recv_from(int64_t socket, un_rv_t buf, int64_t max_len, un_rv_t sender) {
    int64_t err = 0;
    (void)err;
    s::Bytes buf_bytes;
    if ((err = s::bytes_out(buf, max_len, buf_bytes)) != 0) {
        return err;
    }
    if ((err = s::check_array(sender)) != 0) {
        return err;
    }
    std::vector<char> from_out(256);
    const int64_t result = un_udp_recv_from(
        socket, buf_bytes.data(), static_cast<uint32_t>(buf_bytes.size()), from_out.data(),
        static_cast<uint32_t>(from_out.size()), UN_TIMEOUT_FROM_OPTION);
    if (result > 0 || result == UN_ERR_TRUNCATED) {
        const size_t n = result > 0 ? static_cast<size_t>(result) : buf_bytes.size();
        if ((err = s::store_bytes(buf, buf_bytes, n)) != 0) {
            return err;
        }
    }
    if ((result >= 0 || result == UN_ERR_TRUNCATED) &&
        (err = s::store_text(sender, from_out.data())) != 0) {
        return err;
    }
    return result;
}

UN_API int64_t monoio_udp_recv_from_timeout(int64_t socket, un_rv_t buf, int64_t max_len,
                                            un_rv_t sender, int64_t timeout_ms) {
    int64_t err = 0;
    (void)err;
    s::Bytes buf_bytes;
    if ((err = s::bytes_out(buf, max_len, buf_bytes)) != 0) {
        return err;
    }
    if ((err = s::check_array(sender)) != 0) {
        return err;
    }
    std::vector<char> from_out(256);
    const int64_t result =
        un_udp_recv_from(socket, buf_bytes.data(), static_cast<uint32_t>(buf_bytes.size()),
                         from_out.data(), static_cast<uint32_t>(from_out.size()), timeout_ms);
    if (result > 0 || result == UN_ERR_TRUNCATED) {
        const size_t n = result > 0 ? static_cast<size_t>(result) : buf_bytes.size();
        if ((err = s::store_bytes(buf, buf_bytes, n)) != 0) {
            return err;
        }
    }
    if ((result >= 0 || result == UN_ERR_TRUNCATED) &&
        (err = s::store_text(sender, from_out.data())) != 0) {
        return err;
    }
    return result;
}

UN_API int64_t monoio_udp_connect(int64_t socket, un_rv_t addr) {
    int64_t err = 0;
    (void)err;
    std::string addr_text;
    if ((err = s::text(addr, addr_text)) != 0) {
        return err;
    }
    const int64_t result = un_udp_connect(socket, addr_text.c_str());
    return result;
}

UN_API int64_t monoio_udp_send(int64_t socket, un_rv_t buf, int64_t len) {
    int64_t err = 0;
    (void)err;
    s::Bytes buf_bytes;
    if ((err = s::bytes_in(buf, len, buf_bytes)) != 0) {
        return err;
    }
    const int64_t result = un_udp_send(
        socket, buf_bytes.data(), static_cast<uint32_t>(buf_bytes.size()), UN_TIMEOUT_FROM_OPTION);
    return result;
}

UN_API int64_t monoio_udp_send_timeout(int64_t socket, un_rv_t buf, int64_t len,
                                       int64_t timeout_ms) {
    int64_t err = 0;
    (void)err;
    s::Bytes buf_bytes;
    if ((err = s::bytes_in(buf, len, buf_bytes)) != 0) {
        return err;
    }
    const int64_t result =
        un_udp_send(socket, buf_bytes.data(), static_cast<uint32_t>(buf_bytes.size()), timeout_ms);
    return result;
}

UN_API int64_t monoio_udp_recv(int64_t socket, un_rv_t buf, int64_t max_len) {
    int64_t err = 0;
    (void)err;
    s::Bytes buf_bytes;
    if ((err = s::bytes_out(buf, max_len, buf_bytes)) != 0) {
        return err;
    }
    const int64_t result = un_udp_recv(
        socket, buf_bytes.data(), static_cast<uint32_t>(buf_bytes.size()), UN_TIMEOUT_FROM_OPTION);
    if (result > 0 || result == UN_ERR_TRUNCATED) {
        const size_t n = result > 0 ? static_cast<size_t>(result) : buf_bytes.size();
        if ((err = s::store_bytes(buf, buf_bytes, n)) != 0) {
            return err;
        }
    }
    return result;
}

UN_API int64_t monoio_udp_recv_timeout(int64_t socket, un_rv_t buf, int64_t max_len,
                                       int64_t timeout_ms) {
    int64_t err = 0;
    (void)err;
    s::Bytes buf_bytes;
    if ((err = s::bytes_out(buf, max_len, buf_bytes)) != 0) {
        return err;
    }
    const int64_t result =
        un_udp_recv(socket, buf_bytes.data(), static_cast<uint32_t>(buf_bytes.size()), timeout_ms);
    if (result > 0 || result == UN_ERR_TRUNCATED) {
        const size_t n = result > 0 ? static_cast<size_t>(result) : buf_bytes.size();
        if ((err = s::store_bytes(buf, buf_bytes, n)) != 0) {
            return err;
        }
    }
    return result;
}

UN_API int64_t monoio_udp_close(int64_t socket) {
    int64_t err = 0;
    (void)err;
    const int64_t result = un_udp_close(socket);
    return result;
}

UN_API int64_t monoio_udp_join_multicast(int64_t socket, un_rv_t group, un_rv_t iface) {
    int64_t err = 0;
    (void)err;
    std::string group_text;
    if ((err = s::text(group, group_text)) != 0) {
        return err;
    }
    std::string iface_text;
    if ((err = s::text(iface, iface_text)) != 0) {
        return err;
    }
    const int64_t result = un_udp_join_multicast(socket, group_text.c_str(), iface_text.c_str());
    return result;
}

UN_API int64_t monoio_udp_leave_multicast(int64_t socket, un_rv_t group, un_rv_t iface) {
    int64_t err = 0;
    (void)err;
    std::string group_text;
    if ((err = s::text(group, group_text)) != 0) {
        return err;
    }
    std::string iface_text;
    if ((err = s::text(iface, iface_text)) != 0) {
        return err;
    }
    const int64_t result = un_udp_leave_multicast(socket, group_text.c_str(), iface_text.c_str());
    return result;
}

UN_API int64_t monoio_udp_adopt(int64_t fd) {
    int64_t err = 0;
    (void)err;
    if (!s::fits_i32(fd)) {
        err = UN_ERR_INVALID_ARGUMENT;
        return err;
    }
    const int64_t result = un_udp_adopt(static_cast<int32_t>(fd));
    return result;
}

UN_API un_rv_t monoio_block_on(un_rv_t value) {
    return value;
}

UN_API int64_t monoio_spawn_local(un_rv_t task) {
    (void)task;
    return UN_ERR_UNSUPPORTED;
}

UN_API int64_t monoio_uringnet_abi_version(void) {
    return un_abi_version();
}

UN_API un_rv_t monoio_uringnet_spec_checksum(void) {
    return s::make_text(un_spec_checksum(), std::strlen(un_spec_checksum()));
}

UN_API int64_t monoio_uringnet_rt_linked(void) {
    return s::runtime_linked() ? 1 : 0;
}

UN_API un_rv_t monoio_bytes_to_text(un_rv_t bytes) {
    return s::bytes_text(bytes);
}

UN_API int64_t monoio_runtime_ensure(void) {
    const int64_t r = un_runtime_init();
    return r == UN_ERR_ALREADY_INITIALIZED ? 0 : r;
}

} // extern "C"
