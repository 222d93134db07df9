/* Generated from api/net.json by codegen/generate.py (template tests/op_errors.hpp.j2). Do not
 * edit: change the spec or the template and run codegen/generate.py. */
// The errors each operation lists in the spec, for tests and fuzzers that check every code an
// operation returns is one it promises (not merely one that exists somewhere).
#pragma once

#include <cstdint>
#include <cstring>

namespace op_errors {

struct Entry {
    const char *name;
    int request;
    const int64_t *blocking; ///< codes the blocking form may return, 0-terminated
    const int64_t *
        submit; ///< codes the *_submit form may return (at once or as the completion), 0-terminated
};

inline constexpr int64_t runtime_init_blocking[] = {-16, -30, -34, -27, -13, -18, 0};
inline constexpr int64_t runtime_init_submit[] = {0};
inline constexpr int64_t runtime_shutdown_blocking[] = {-14, -15, -18, 0};
inline constexpr int64_t runtime_shutdown_submit[] = {0};
inline constexpr int64_t runtime_configure_entries_blocking[] = {-13, 0};
inline constexpr int64_t runtime_configure_entries_submit[] = {0};
inline constexpr int64_t runtime_num_cores_blocking[] = {0};
inline constexpr int64_t runtime_num_cores_submit[] = {0};
inline constexpr int64_t runtime_stats_blocking[] = {-14, -15, -39, -19, -13, 0};
inline constexpr int64_t runtime_stats_submit[] = {-14, -15, -39, -19, -13, 0};
inline constexpr int64_t runtime_configure_backend_blocking[] = {-13, 0};
inline constexpr int64_t runtime_configure_backend_submit[] = {0};
inline constexpr int64_t runtime_configure_sqpoll_blocking[] = {0};
inline constexpr int64_t runtime_configure_sqpoll_submit[] = {0};
inline constexpr int64_t runtime_backend_blocking[] = {-14, -15, -39, -19, -13, -18, 0};
inline constexpr int64_t runtime_backend_submit[] = {-14, -15, -39, -19, -13, 0};
inline constexpr int64_t runtime_reset_stats_blocking[] = {-14, -15, -39, 0};
inline constexpr int64_t runtime_reset_stats_submit[] = {-14, -15, -39, 0};
inline constexpr int64_t runtime_configure_shards_blocking[] = {-13, 0};
inline constexpr int64_t runtime_configure_shards_submit[] = {0};
inline constexpr int64_t runtime_configure_recv_buffers_blocking[] = {-13, 0};
inline constexpr int64_t runtime_configure_recv_buffers_submit[] = {0};
inline constexpr int64_t runtime_configure_wake_signal_blocking[] = {-13, 0};
inline constexpr int64_t runtime_configure_wake_signal_submit[] = {0};
inline constexpr int64_t runtime_configure_interruptible_blocking[] = {0};
inline constexpr int64_t runtime_configure_interruptible_submit[] = {0};
inline constexpr int64_t runtime_configure_connect_delay_blocking[] = {-13, 0};
inline constexpr int64_t runtime_configure_connect_delay_submit[] = {0};
inline constexpr int64_t timer_blocking[] = {-14, -15, -39, -18, -40, 0};
inline constexpr int64_t timer_submit[] = {-14, -15, -39, -17, 0};
inline constexpr int64_t tcp_listen_blocking[] = {-14, -15, -39, -12, -13, -28, -21,
                                                  -22, -23, -29, -27, -18, 0};
inline constexpr int64_t tcp_listen_submit[] = {-14, -15, -39, -12, -13, -28, -21,
                                                -22, -23, -29, -27, -17, 0};
inline constexpr int64_t tcp_accept_blocking[] = {-14, -15, -39, -8,  -9,  -10, -11,
                                                  -17, -4,  -27, -25, -18, -40, 0};
inline constexpr int64_t tcp_accept_submit[] = {-14, -15, -39, -8,  -9,  -10,
                                                -11, -17, -4,  -27, -25, 0};
inline constexpr int64_t tcp_connect_blocking[] = {-14, -15, -39, -12, -28, -20,
                                                   -24, -4,  -27, -18, -40, 0};
inline constexpr int64_t tcp_connect_submit[] = {-14, -15, -39, -12, -28, -20,
                                                 -24, -4,  -27, -17, 0};
inline constexpr int64_t tcp_read_blocking[] = {-14, -15, -39, -8, -9,  -10, -11,
                                                -13, -17, -4,  -3, -18, -40, 0};
inline constexpr int64_t tcp_read_submit[] = {-14, -15, -39, -8, -9, -10, -11, -13, -17, -4, -3, 0};
inline constexpr int64_t tcp_write_blocking[] = {-14, -15, -39, -8,  -9,  -10, -11, -13,
                                                 -17, -4,  -3,  -26, -18, -40, 0};
inline constexpr int64_t tcp_write_submit[] = {-14, -15, -39, -8, -9,  -10, -11,
                                               -13, -17, -4,  -3, -26, 0};
inline constexpr int64_t tcp_close_blocking[] = {-14, -15, -39, -8, -9, -10, -11, 0};
inline constexpr int64_t tcp_close_submit[] = {-14, -15, -39, -8, -9, -10, -11, 0};
inline constexpr int64_t tcp_listener_close_blocking[] = {-14, -15, -39, -8, -9, -10, -11, 0};
inline constexpr int64_t tcp_listener_close_submit[] = {-14, -15, -39, -8, -9, -10, -11, 0};
inline constexpr int64_t socket_local_addr_blocking[] = {-14, -15, -39, -8, -9, -11, -19, -18, 0};
inline constexpr int64_t socket_local_addr_submit[] = {-14, -15, -39, -8, -9, -11, -19, 0};
inline constexpr int64_t tcp_flush_blocking[] = {-14, -15, -39, -8, -9, -10, -11, -18, -17, 0};
inline constexpr int64_t tcp_flush_submit[] = {-14, -15, -39, -8, -9, -10, -11, -17, 0};
inline constexpr int64_t tcp_shutdown_blocking[] = {-14, -15, -39, -8,  -9,  -10,
                                                    -11, -13, -6,  -18, -17, 0};
inline constexpr int64_t tcp_shutdown_submit[] = {-14, -15, -39, -8, -9, -10, -11, -13, -6, -17, 0};
inline constexpr int64_t socket_peer_addr_blocking[] = {-14, -15, -39, -8,  -9, -10,
                                                        -11, -19, -6,  -18, 0};
inline constexpr int64_t socket_peer_addr_submit[] = {-14, -15, -39, -8, -9, -10, -11, -19, -6, 0};
inline constexpr int64_t socket_set_option_blocking[] = {-14, -15, -39, -8,  -9,
                                                         -11, -13, -29, -18, 0};
inline constexpr int64_t socket_set_option_submit[] = {-14, -15, -39, -8, -9, -11, -13, -29, 0};
inline constexpr int64_t socket_get_option_blocking[] = {-14, -15, -39, -8,  -9,
                                                         -11, -13, -29, -18, 0};
inline constexpr int64_t socket_get_option_submit[] = {-14, -15, -39, -8, -9, -11, -13, -29, 0};
inline constexpr int64_t socket_cancel_blocking[] = {-14, -15, -39, -8, -9, -11, 0};
inline constexpr int64_t socket_cancel_submit[] = {-14, -15, -39, -8, -9, -11, 0};
inline constexpr int64_t tcp_adopt_listener_blocking[] = {-14, -15, -39, -13, -10, -27, -18, 0};
inline constexpr int64_t tcp_adopt_listener_submit[] = {-14, -15, -39, -13, -10, -27, 0};
inline constexpr int64_t tcp_adopt_stream_blocking[] = {-14, -15, -39, -13, -10, -6, -27, -18, 0};
inline constexpr int64_t tcp_adopt_stream_submit[] = {-14, -15, -39, -13, -10, -6, -27, 0};
inline constexpr int64_t unix_send_fd_blocking[] = {-14, -15, -39, -8,  -9,  -10, -11,
                                                    -13, -29, -17, -26, -18, 0};
inline constexpr int64_t unix_send_fd_submit[] = {-14, -15, -39, -8,  -9,  -10,
                                                  -11, -13, -29, -17, -26, 0};
inline constexpr int64_t unix_send_handle_blocking[] = {-14, -15, -39, -8,  -9,  -10,
                                                        -11, -29, -17, -26, -18, 0};
inline constexpr int64_t unix_send_handle_submit[] = {-14, -15, -39, -8,  -9, -10,
                                                      -11, -29, -17, -26, 0};
inline constexpr int64_t unix_recv_fd_blocking[] = {-14, -15, -39, -8,  -9, -10, -11,
                                                    -29, -42, -41, -17, -4, -18, 0};
inline constexpr int64_t unix_recv_fd_submit[] = {-14, -15, -39, -8,  -9, -10, -11,
                                                  -29, -42, -41, -17, -4, 0};
inline constexpr int64_t udp_bind_blocking[] = {-14, -15, -39, -12, -13, -28, -21,
                                                -22, -23, -29, -27, -18, 0};
inline constexpr int64_t udp_bind_submit[] = {-14, -15, -39, -12, -13, -28, -21,
                                              -22, -23, -29, -27, -17, 0};
inline constexpr int64_t udp_send_to_blocking[] = {-14, -15, -39, -8,  -9,  -10, -11, -12, -28, -27,
                                                   -13, -23, -32, -24, -17, -4,  -29, -18, 0};
inline constexpr int64_t udp_send_to_submit[] = {-14, -15, -39, -8,  -9,  -10, -11, -12, -28,
                                                 -27, -13, -23, -32, -24, -17, -4,  -29, 0};
inline constexpr int64_t udp_recv_from_blocking[] = {-14, -15, -39, -8, -9,  -10, -11, -13,
                                                     -19, -31, -17, -4, -18, -40, 0};
inline constexpr int64_t udp_recv_from_submit[] = {-14, -15, -39, -8,  -9, -10, -11,
                                                   -13, -19, -31, -17, -4, 0};
inline constexpr int64_t udp_connect_blocking[] = {-14, -15, -39, -8,  -9,  -10, -11, -12,
                                                   -28, -27, -24, -29, -18, -17, 0};
inline constexpr int64_t udp_connect_submit[] = {-14, -15, -39, -8,  -9,  -10, -11,
                                                 -12, -28, -27, -24, -29, -17, 0};
inline constexpr int64_t udp_send_blocking[] = {-14, -15, -39, -8,  -9, -10, -11, -13,
                                                -6,  -20, -32, -17, -4, -18, 0};
inline constexpr int64_t udp_send_submit[] = {-14, -15, -39, -8,  -9,  -10, -11,
                                              -13, -6,  -20, -32, -17, -4,  0};
inline constexpr int64_t udp_recv_blocking[] = {-14, -15, -39, -8, -9,  -10, -11, -13,
                                                -31, -20, -17, -4, -18, -40, 0};
inline constexpr int64_t udp_recv_submit[] = {-14, -15, -39, -8,  -9, -10, -11,
                                              -13, -31, -20, -17, -4, 0};
inline constexpr int64_t udp_close_blocking[] = {-14, -15, -39, -8, -9, -10, -11, 0};
inline constexpr int64_t udp_close_submit[] = {-14, -15, -39, -8, -9, -10, -11, 0};
inline constexpr int64_t udp_join_multicast_blocking[] = {-14, -15, -39, -8,  -9,  -10, -11,
                                                          -12, -33, -13, -21, -29, -18, 0};
inline constexpr int64_t udp_join_multicast_submit[] = {-14, -15, -39, -8,  -9,  -10, -11,
                                                        -12, -33, -13, -21, -29, 0};
inline constexpr int64_t udp_leave_multicast_blocking[] = {-14, -15, -39, -8,  -9,  -10, -11,
                                                           -12, -33, -13, -22, -29, -18, 0};
inline constexpr int64_t udp_leave_multicast_submit[] = {-14, -15, -39, -8,  -9,  -10, -11,
                                                         -12, -33, -13, -22, -29, 0};
inline constexpr int64_t udp_adopt_blocking[] = {-14, -15, -39, -13, -10, -27, -18, 0};
inline constexpr int64_t udp_adopt_submit[] = {-14, -15, -39, -13, -10, -27, 0};
inline constexpr int64_t poll_blocking[] = {-14, -39, -13, -18, 0};
inline constexpr int64_t poll_submit[] = {0};
inline constexpr int64_t completion_fd_blocking[] = {-27, 0};
inline constexpr int64_t completion_fd_submit[] = {0};
inline constexpr int64_t set_completion_callback_blocking[] = {0};
inline constexpr int64_t set_completion_callback_submit[] = {0};
inline constexpr int64_t op_cancel_blocking[] = {-14, -15, -39, -37, -13, 0};
inline constexpr int64_t op_cancel_submit[] = {0};
inline constexpr int64_t batch_begin_blocking[] = {-13, 0};
inline constexpr int64_t batch_begin_submit[] = {0};
inline constexpr int64_t batch_end_blocking[] = {-13, 0};
inline constexpr int64_t batch_end_submit[] = {0};

inline constexpr Entry kTable[] = {
    {"runtime_init", 1, runtime_init_blocking, runtime_init_submit},
    {"runtime_shutdown", 2, runtime_shutdown_blocking, runtime_shutdown_submit},
    {"runtime_configure_entries", 3, runtime_configure_entries_blocking,
     runtime_configure_entries_submit},
    {"runtime_num_cores", 4, runtime_num_cores_blocking, runtime_num_cores_submit},
    {"runtime_stats", 5, runtime_stats_blocking, runtime_stats_submit},
    {"runtime_configure_backend", 6, runtime_configure_backend_blocking,
     runtime_configure_backend_submit},
    {"runtime_configure_sqpoll", 7, runtime_configure_sqpoll_blocking,
     runtime_configure_sqpoll_submit},
    {"runtime_backend", 8, runtime_backend_blocking, runtime_backend_submit},
    {"runtime_reset_stats", 9, runtime_reset_stats_blocking, runtime_reset_stats_submit},
    {"runtime_configure_shards", 30, runtime_configure_shards_blocking,
     runtime_configure_shards_submit},
    {"runtime_configure_recv_buffers", 66, runtime_configure_recv_buffers_blocking,
     runtime_configure_recv_buffers_submit},
    {"runtime_configure_wake_signal", 67, runtime_configure_wake_signal_blocking,
     runtime_configure_wake_signal_submit},
    {"runtime_configure_interruptible", 68, runtime_configure_interruptible_blocking,
     runtime_configure_interruptible_submit},
    {"runtime_configure_connect_delay", 70, runtime_configure_connect_delay_blocking,
     runtime_configure_connect_delay_submit},
    {"timer", 69, timer_blocking, timer_submit},
    {"tcp_listen", 10, tcp_listen_blocking, tcp_listen_submit},
    {"tcp_accept", 11, tcp_accept_blocking, tcp_accept_submit},
    {"tcp_connect", 12, tcp_connect_blocking, tcp_connect_submit},
    {"tcp_read", 13, tcp_read_blocking, tcp_read_submit},
    {"tcp_write", 14, tcp_write_blocking, tcp_write_submit},
    {"tcp_close", 15, tcp_close_blocking, tcp_close_submit},
    {"tcp_listener_close", 16, tcp_listener_close_blocking, tcp_listener_close_submit},
    {"socket_local_addr", 17, socket_local_addr_blocking, socket_local_addr_submit},
    {"tcp_flush", 18, tcp_flush_blocking, tcp_flush_submit},
    {"tcp_shutdown", 19, tcp_shutdown_blocking, tcp_shutdown_submit},
    {"socket_peer_addr", 20, socket_peer_addr_blocking, socket_peer_addr_submit},
    {"socket_set_option", 21, socket_set_option_blocking, socket_set_option_submit},
    {"socket_get_option", 22, socket_get_option_blocking, socket_get_option_submit},
    {"socket_cancel", 23, socket_cancel_blocking, socket_cancel_submit},
    {"tcp_adopt_listener", 24, tcp_adopt_listener_blocking, tcp_adopt_listener_submit},
    {"tcp_adopt_stream", 25, tcp_adopt_stream_blocking, tcp_adopt_stream_submit},
    {"unix_send_fd", 71, unix_send_fd_blocking, unix_send_fd_submit},
    {"unix_send_handle", 72, unix_send_handle_blocking, unix_send_handle_submit},
    {"unix_recv_fd", 73, unix_recv_fd_blocking, unix_recv_fd_submit},
    {"udp_bind", 40, udp_bind_blocking, udp_bind_submit},
    {"udp_send_to", 41, udp_send_to_blocking, udp_send_to_submit},
    {"udp_recv_from", 42, udp_recv_from_blocking, udp_recv_from_submit},
    {"udp_connect", 43, udp_connect_blocking, udp_connect_submit},
    {"udp_send", 44, udp_send_blocking, udp_send_submit},
    {"udp_recv", 45, udp_recv_blocking, udp_recv_submit},
    {"udp_close", 46, udp_close_blocking, udp_close_submit},
    {"udp_join_multicast", 47, udp_join_multicast_blocking, udp_join_multicast_submit},
    {"udp_leave_multicast", 48, udp_leave_multicast_blocking, udp_leave_multicast_submit},
    {"udp_adopt", 49, udp_adopt_blocking, udp_adopt_submit},
    {"poll", 60, poll_blocking, poll_submit},
    {"completion_fd", 61, completion_fd_blocking, completion_fd_submit},
    {"set_completion_callback", 62, set_completion_callback_blocking,
     set_completion_callback_submit},
    {"op_cancel", 63, op_cancel_blocking, op_cancel_submit},
    {"batch_begin", 64, batch_begin_blocking, batch_begin_submit},
    {"batch_end", 65, batch_end_blocking, batch_end_submit},
};

inline const Entry *by_name(const char *name) {
    for (const Entry &e : kTable) {
        if (std::strcmp(e.name, name) == 0) {
            return &e;
        }
    }
    return nullptr;
}

inline const Entry *by_request(int request) {
    for (const Entry &e : kTable) {
        if (e.request == request) {
            return &e;
        }
    }
    return nullptr;
}

inline bool in(const int64_t *codes, int64_t code) {
    for (; *codes != 0; ++codes) {
        if (*codes == code) {
            return true;
        }
    }
    return false;
}

/// True when `code` is a success (>= 0) or an error the named operation's blocking form lists.
inline bool listed(const char *op, int64_t code) {
    const Entry *e = by_name(op);
    return e != nullptr && (code >= 0 || in(e->blocking, code));
}

/// True when `code` is a success or an error the *_submit form of request number `request` lists.
inline bool listed_submit(int request, int64_t code) {
    const Entry *e = by_request(request);
    return e != nullptr && (code >= 0 || in(e->submit, code));
}

} // namespace op_errors
