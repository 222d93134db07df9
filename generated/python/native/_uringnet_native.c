/* Generated from api/net.json by codegen/generate.py (template python/native.c.j2). Do not edit:
 * change the spec or the template and run codegen/generate.py. */
/*
 * _uringnet_native: the blocking operations of the C ABI as a CPython extension, for the Python
 * package (uringnet/__init__.py uses it when it imports, ctypes otherwise).
 *
 * It does not link to liburingnet: uringnet/__init__.py hands it the addresses of the functions
 * of the library it loaded with ctypes (bind), so both paths call one copy of the library (one
 * runtime per process).
 *
 * Every function takes the operation's parameters without its output buffers and their lengths
 * (a read's max_len stays), releases the GIL around the call, and returns the error code (an int
 * below 0) on failure; on success: the result (int), the bytes read, (result, text) for text out,
 * (bytes, text) for both. A blocking call a signal interrupts (INTERRUPTED) runs Python's signal
 * handlers and, unless one raised (Ctrl-C's KeyboardInterrupt), is made again with what is left
 * of its timeout. The *_into forms read into a writable buffer (bytearray, memoryview, array)
 * without a copy and return the count. Writes take any buffer (bytes, bytearray, memoryview).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>
#include <string.h>
#include <time.h>

#include "uringnet/uringnet.h"

#define INTERRUPTED (-40)

static __typeof__(un_runtime_init) *p_runtime_init;
static __typeof__(un_runtime_shutdown) *p_runtime_shutdown;
static __typeof__(un_runtime_configure_entries) *p_runtime_configure_entries;
static __typeof__(un_runtime_num_cores) *p_runtime_num_cores;
static __typeof__(un_runtime_stats) *p_runtime_stats;
static __typeof__(un_runtime_configure_backend) *p_runtime_configure_backend;
static __typeof__(un_runtime_configure_sqpoll) *p_runtime_configure_sqpoll;
static __typeof__(un_runtime_backend) *p_runtime_backend;
static __typeof__(un_runtime_reset_stats) *p_runtime_reset_stats;
static __typeof__(un_runtime_configure_shards) *p_runtime_configure_shards;
static __typeof__(un_runtime_configure_recv_buffers) *p_runtime_configure_recv_buffers;
static __typeof__(un_runtime_configure_wake_signal) *p_runtime_configure_wake_signal;
static __typeof__(un_runtime_configure_interruptible) *p_runtime_configure_interruptible;
static __typeof__(un_runtime_configure_connect_delay) *p_runtime_configure_connect_delay;
static __typeof__(un_timer) *p_timer;
static __typeof__(un_tcp_listen) *p_tcp_listen;
static __typeof__(un_tcp_accept) *p_tcp_accept;
static __typeof__(un_tcp_connect) *p_tcp_connect;
static __typeof__(un_tcp_read) *p_tcp_read;
static __typeof__(un_tcp_write) *p_tcp_write;
static __typeof__(un_tcp_close) *p_tcp_close;
static __typeof__(un_tcp_listener_close) *p_tcp_listener_close;
static __typeof__(un_socket_local_addr) *p_socket_local_addr;
static __typeof__(un_tcp_flush) *p_tcp_flush;
static __typeof__(un_tcp_shutdown) *p_tcp_shutdown;
static __typeof__(un_socket_peer_addr) *p_socket_peer_addr;
static __typeof__(un_socket_set_option) *p_socket_set_option;
static __typeof__(un_socket_get_option) *p_socket_get_option;
static __typeof__(un_socket_cancel) *p_socket_cancel;
static __typeof__(un_tcp_adopt_listener) *p_tcp_adopt_listener;
static __typeof__(un_tcp_adopt_stream) *p_tcp_adopt_stream;
static __typeof__(un_unix_send_fd) *p_unix_send_fd;
static __typeof__(un_unix_send_handle) *p_unix_send_handle;
static __typeof__(un_unix_recv_fd) *p_unix_recv_fd;
static __typeof__(un_udp_bind) *p_udp_bind;
static __typeof__(un_udp_send_to) *p_udp_send_to;
static __typeof__(un_udp_recv_from) *p_udp_recv_from;
static __typeof__(un_udp_connect) *p_udp_connect;
static __typeof__(un_udp_send) *p_udp_send;
static __typeof__(un_udp_recv) *p_udp_recv;
static __typeof__(un_udp_close) *p_udp_close;
static __typeof__(un_udp_join_multicast) *p_udp_join_multicast;
static __typeof__(un_udp_leave_multicast) *p_udp_leave_multicast;
static __typeof__(un_udp_adopt) *p_udp_adopt;
static __typeof__(un_completion_fd) *p_completion_fd;
static __typeof__(un_op_cancel) *p_op_cancel;
static __typeof__(un_batch_begin) *p_batch_begin;
static __typeof__(un_batch_end) *p_batch_end;

static int64_t now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* After INTERRUPTED: runs the signal handlers (-1: one raised), then shortens *timeout_ms to
 * what is left before deadline (no deadline: a negative timeout, wait for ever). */
static int after_interrupt(int64_t *timeout_ms, int64_t deadline) {
    if (PyErr_CheckSignals() < 0) {
        return -1;
    }
    if (timeout_ms != NULL && *timeout_ms >= 0) {
        int64_t left = deadline - now_ms();
        *timeout_ms = left > 0 ? left : 0;
    }
    return 0;
}

static int arg_i64(PyObject *o, int64_t *out) {
    long long v = PyLong_AsLongLong(o);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

static int arg_i32(PyObject *o, int32_t *out) {
    long long v = PyLong_AsLongLong(o);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (v < INT32_MIN || v > INT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "value out of range for a 32-bit integer");
        return -1;
    }
    *out = (int32_t)v;
    return 0;
}

static int arg_u32(PyObject *o, uint32_t *out) {
    long long v = PyLong_AsLongLong(o);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (v < 0 || v > UINT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "value out of range for an unsigned 32-bit integer");
        return -1;
    }
    *out = (uint32_t)v;
    return 0;
}

static int arg_text(PyObject *o, const char **out) {
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(o, &n);
    if (s == NULL) {
        return -1;
    }
    if ((size_t)n != strlen(s)) {
        PyErr_SetString(PyExc_ValueError, "embedded NUL character");
        return -1;
    }
    *out = s;
    return 0;
}

static int check_nargs(const char *name, Py_ssize_t nargs, Py_ssize_t want) {
    if (nargs != want) {
        PyErr_Format(PyExc_TypeError, "%s() takes %zd arguments (%zd given)", name, want, nargs);
        return -1;
    }
    return 0;
}

static PyObject *n_runtime_init(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("runtime_init", nargs, 0) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_runtime_init();
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_runtime_shutdown(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("runtime_shutdown", nargs, 0) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_runtime_shutdown();
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_runtime_configure_entries(PyObject *self, PyObject *const *args,
                                             Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("runtime_configure_entries", nargs, 1) < 0) {
        return NULL;
    }
    int64_t entries;
    if (arg_i64(args[0], &entries) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_runtime_configure_entries(entries);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_runtime_num_cores(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("runtime_num_cores", nargs, 0) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_runtime_num_cores();
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_runtime_stats(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("runtime_stats", nargs, 0) < 0) {
        return NULL;
    }

    char out[65536];
    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_runtime_stats(out, sizeof out);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return Py_BuildValue("(Ls)", (long long)r, out);
}

static PyObject *n_runtime_configure_backend(PyObject *self, PyObject *const *args,
                                             Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("runtime_configure_backend", nargs, 1) < 0) {
        return NULL;
    }
    int32_t backend;
    if (arg_i32(args[0], &backend) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_runtime_configure_backend((un_backend_t)backend);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_runtime_configure_sqpoll(PyObject *self, PyObject *const *args,
                                            Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("runtime_configure_sqpoll", nargs, 1) < 0) {
        return NULL;
    }
    int on = PyObject_IsTrue(args[0]);
    if (on < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_runtime_configure_sqpoll(on != 0);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_runtime_backend(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("runtime_backend", nargs, 0) < 0) {
        return NULL;
    }

    char out[512];
    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_runtime_backend(out, sizeof out);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return Py_BuildValue("(Ls)", (long long)r, out);
}

static PyObject *n_runtime_reset_stats(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("runtime_reset_stats", nargs, 0) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_runtime_reset_stats();
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_runtime_configure_shards(PyObject *self, PyObject *const *args,
                                            Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("runtime_configure_shards", nargs, 1) < 0) {
        return NULL;
    }
    int64_t shards;
    if (arg_i64(args[0], &shards) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_runtime_configure_shards(shards);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_runtime_configure_recv_buffers(PyObject *self, PyObject *const *args,
                                                  Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("runtime_configure_recv_buffers", nargs, 2) < 0) {
        return NULL;
    }
    uint32_t count;
    if (arg_u32(args[0], &count) < 0) {
        return NULL;
    }
    uint32_t size;
    if (arg_u32(args[1], &size) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_runtime_configure_recv_buffers(count, size);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_runtime_configure_wake_signal(PyObject *self, PyObject *const *args,
                                                 Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("runtime_configure_wake_signal", nargs, 1) < 0) {
        return NULL;
    }
    int64_t signal;
    if (arg_i64(args[0], &signal) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_runtime_configure_wake_signal(signal);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_runtime_configure_interruptible(PyObject *self, PyObject *const *args,
                                                   Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("runtime_configure_interruptible", nargs, 1) < 0) {
        return NULL;
    }
    int on = PyObject_IsTrue(args[0]);
    if (on < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_runtime_configure_interruptible(on != 0);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_runtime_configure_connect_delay(PyObject *self, PyObject *const *args,
                                                   Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("runtime_configure_connect_delay", nargs, 1) < 0) {
        return NULL;
    }
    int64_t delay_ms;
    if (arg_i64(args[0], &delay_ms) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_runtime_configure_connect_delay(delay_ms);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_timer(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("timer", nargs, 1) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[0], &timeout_ms) < 0) {
        return NULL;
    }

    int64_t r;
    const int64_t deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : 0;
    for (;;) {
        PyThreadState *unlocked = PyEval_SaveThread();
        r = p_timer(timeout_ms);
        PyEval_RestoreThread(unlocked);
        if (r != INTERRUPTED) {
            break;
        }
        if (after_interrupt(&timeout_ms, deadline) < 0) {
            return NULL;
        }
    }

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_tcp_listen(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("tcp_listen", nargs, 3) < 0) {
        return NULL;
    }
    const char *addr;
    if (arg_text(args[0], &addr) < 0) {
        return NULL;
    }
    int32_t backlog;
    if (arg_i32(args[1], &backlog) < 0) {
        return NULL;
    }
    uint32_t flags;
    if (arg_u32(args[2], &flags) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_tcp_listen(addr, backlog, flags);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_tcp_accept(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("tcp_accept", nargs, 2) < 0) {
        return NULL;
    }
    int64_t listener;
    if (arg_i64(args[0], &listener) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[1], &timeout_ms) < 0) {
        return NULL;
    }

    int64_t r;
    const int64_t deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : 0;
    for (;;) {
        PyThreadState *unlocked = PyEval_SaveThread();
        r = p_tcp_accept(listener, timeout_ms);
        PyEval_RestoreThread(unlocked);
        if (r != INTERRUPTED) {
            break;
        }
        if (after_interrupt(&timeout_ms, deadline) < 0) {
            return NULL;
        }
    }

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_tcp_connect(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("tcp_connect", nargs, 2) < 0) {
        return NULL;
    }
    const char *addr;
    if (arg_text(args[0], &addr) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[1], &timeout_ms) < 0) {
        return NULL;
    }

    int64_t r;
    const int64_t deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : 0;
    for (;;) {
        PyThreadState *unlocked = PyEval_SaveThread();
        r = p_tcp_connect(addr, timeout_ms);
        PyEval_RestoreThread(unlocked);
        if (r != INTERRUPTED) {
            break;
        }
        if (after_interrupt(&timeout_ms, deadline) < 0) {
            return NULL;
        }
    }

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_tcp_read(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("tcp_read", nargs, 3) < 0) {
        return NULL;
    }
    int64_t stream;
    if (arg_i64(args[0], &stream) < 0) {
        return NULL;
    }
    uint32_t max_len;
    if (arg_u32(args[1], &max_len) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[2], &timeout_ms) < 0) {
        return NULL;
    }

    PyObject *out = PyBytes_FromStringAndSize(NULL, max_len);
    if (out == NULL) {
        return NULL;
    }
    int64_t r;
    const int64_t deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : 0;
    for (;;) {
        PyThreadState *unlocked = PyEval_SaveThread();
        r = p_tcp_read(stream, PyBytes_AS_STRING(out), max_len, timeout_ms);
        PyEval_RestoreThread(unlocked);
        if (r != INTERRUPTED) {
            break;
        }
        if (after_interrupt(&timeout_ms, deadline) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }

    if (r < 0) {
        Py_DECREF(out);
        return PyLong_FromLongLong(r);
    }
    if (r != max_len && _PyBytes_Resize(&out, (Py_ssize_t)r) < 0) {
        return NULL;
    }
    return out;
}

static PyObject *n_tcp_read_into(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("tcp_read_into", nargs, 3) < 0) {
        return NULL;
    }
    int64_t stream;
    if (arg_i64(args[0], &stream) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[2], &timeout_ms) < 0) {
        return NULL;
    }
    Py_buffer buf_view;
    if (PyObject_GetBuffer(args[1], &buf_view, PyBUF_WRITABLE) < 0) {
        PyErr_Format(PyExc_TypeError, "a writable bytes-like object is required, not '%.100s'",
                     Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    const uint32_t max_len = buf_view.len > UINT32_MAX ? UINT32_MAX : (uint32_t)buf_view.len;

    int64_t r;
    const int64_t deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : 0;
    for (;;) {
        PyThreadState *unlocked = PyEval_SaveThread();
        r = p_tcp_read(stream, buf_view.buf, max_len, timeout_ms);
        PyEval_RestoreThread(unlocked);
        if (r != INTERRUPTED) {
            break;
        }
        if (after_interrupt(&timeout_ms, deadline) < 0) {
            PyBuffer_Release(&buf_view);
            return NULL;
        }
    }
    PyBuffer_Release(&buf_view);
    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_tcp_write(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("tcp_write", nargs, 3) < 0) {
        return NULL;
    }
    int64_t stream;
    if (arg_i64(args[0], &stream) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[2], &timeout_ms) < 0) {
        return NULL;
    }
    Py_buffer buf_view;
    if (PyObject_GetBuffer(args[1], &buf_view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (buf_view.len > UINT32_MAX) {
        PyBuffer_Release(&buf_view);
        PyErr_SetString(PyExc_OverflowError, "buffer larger than 4 GiB");
        return NULL;
    }

    int64_t r;
    const int64_t deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : 0;
    for (;;) {
        PyThreadState *unlocked = PyEval_SaveThread();
        r = p_tcp_write(stream, buf_view.buf, (uint32_t)buf_view.len, timeout_ms);
        PyEval_RestoreThread(unlocked);
        if (r != INTERRUPTED) {
            break;
        }
        if (after_interrupt(&timeout_ms, deadline) < 0) {
            PyBuffer_Release(&buf_view);
            return NULL;
        }
    }
    PyBuffer_Release(&buf_view);
    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_tcp_close(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("tcp_close", nargs, 1) < 0) {
        return NULL;
    }
    int64_t stream;
    if (arg_i64(args[0], &stream) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_tcp_close(stream);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_tcp_listener_close(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("tcp_listener_close", nargs, 1) < 0) {
        return NULL;
    }
    int64_t listener;
    if (arg_i64(args[0], &listener) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_tcp_listener_close(listener);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_socket_local_addr(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("socket_local_addr", nargs, 1) < 0) {
        return NULL;
    }
    int64_t handle;
    if (arg_i64(args[0], &handle) < 0) {
        return NULL;
    }

    char out[512];
    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_socket_local_addr(handle, out, sizeof out);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return Py_BuildValue("(Ls)", (long long)r, out);
}

static PyObject *n_tcp_flush(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("tcp_flush", nargs, 1) < 0) {
        return NULL;
    }
    int64_t stream;
    if (arg_i64(args[0], &stream) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_tcp_flush(stream);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_tcp_shutdown(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("tcp_shutdown", nargs, 2) < 0) {
        return NULL;
    }
    int64_t stream;
    if (arg_i64(args[0], &stream) < 0) {
        return NULL;
    }
    int32_t how;
    if (arg_i32(args[1], &how) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_tcp_shutdown(stream, (un_shutdown_how_t)how);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_socket_peer_addr(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("socket_peer_addr", nargs, 1) < 0) {
        return NULL;
    }
    int64_t handle;
    if (arg_i64(args[0], &handle) < 0) {
        return NULL;
    }

    char out[512];
    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_socket_peer_addr(handle, out, sizeof out);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return Py_BuildValue("(Ls)", (long long)r, out);
}

static PyObject *n_socket_set_option(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("socket_set_option", nargs, 3) < 0) {
        return NULL;
    }
    int64_t handle;
    if (arg_i64(args[0], &handle) < 0) {
        return NULL;
    }
    int32_t option;
    if (arg_i32(args[1], &option) < 0) {
        return NULL;
    }
    int64_t value;
    if (arg_i64(args[2], &value) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_socket_set_option(handle, (un_socket_option_t)option, value);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_socket_get_option(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("socket_get_option", nargs, 2) < 0) {
        return NULL;
    }
    int64_t handle;
    if (arg_i64(args[0], &handle) < 0) {
        return NULL;
    }
    int32_t option;
    if (arg_i32(args[1], &option) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_socket_get_option(handle, (un_socket_option_t)option);
    PyEval_RestoreThread(unlocked);

    if (r < -1) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_socket_cancel(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("socket_cancel", nargs, 1) < 0) {
        return NULL;
    }
    int64_t handle;
    if (arg_i64(args[0], &handle) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_socket_cancel(handle);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_tcp_adopt_listener(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("tcp_adopt_listener", nargs, 1) < 0) {
        return NULL;
    }
    int32_t fd;
    if (arg_i32(args[0], &fd) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_tcp_adopt_listener(fd);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_tcp_adopt_stream(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("tcp_adopt_stream", nargs, 1) < 0) {
        return NULL;
    }
    int32_t fd;
    if (arg_i32(args[0], &fd) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_tcp_adopt_stream(fd);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_unix_send_fd(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("unix_send_fd", nargs, 3) < 0) {
        return NULL;
    }
    int64_t stream;
    if (arg_i64(args[0], &stream) < 0) {
        return NULL;
    }
    int32_t fd;
    if (arg_i32(args[1], &fd) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[2], &timeout_ms) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_unix_send_fd(stream, fd, timeout_ms);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_unix_send_handle(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("unix_send_handle", nargs, 3) < 0) {
        return NULL;
    }
    int64_t stream;
    if (arg_i64(args[0], &stream) < 0) {
        return NULL;
    }
    int64_t handle;
    if (arg_i64(args[1], &handle) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[2], &timeout_ms) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_unix_send_handle(stream, handle, timeout_ms);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_unix_recv_fd(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("unix_recv_fd", nargs, 2) < 0) {
        return NULL;
    }
    int64_t stream;
    if (arg_i64(args[0], &stream) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[1], &timeout_ms) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_unix_recv_fd(stream, timeout_ms);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_udp_bind(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("udp_bind", nargs, 2) < 0) {
        return NULL;
    }
    const char *addr;
    if (arg_text(args[0], &addr) < 0) {
        return NULL;
    }
    uint32_t flags;
    if (arg_u32(args[1], &flags) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_udp_bind(addr, flags);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_udp_send_to(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("udp_send_to", nargs, 4) < 0) {
        return NULL;
    }
    int64_t socket;
    if (arg_i64(args[0], &socket) < 0) {
        return NULL;
    }
    const char *addr;
    if (arg_text(args[2], &addr) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[3], &timeout_ms) < 0) {
        return NULL;
    }
    Py_buffer buf_view;
    if (PyObject_GetBuffer(args[1], &buf_view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (buf_view.len > UINT32_MAX) {
        PyBuffer_Release(&buf_view);
        PyErr_SetString(PyExc_OverflowError, "buffer larger than 4 GiB");
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_udp_send_to(socket, buf_view.buf, (uint32_t)buf_view.len, addr, timeout_ms);
    PyEval_RestoreThread(unlocked);
    PyBuffer_Release(&buf_view);
    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_udp_recv_from(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("udp_recv_from", nargs, 3) < 0) {
        return NULL;
    }
    int64_t socket;
    if (arg_i64(args[0], &socket) < 0) {
        return NULL;
    }
    uint32_t max_len;
    if (arg_u32(args[1], &max_len) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[2], &timeout_ms) < 0) {
        return NULL;
    }

    PyObject *out = PyBytes_FromStringAndSize(NULL, max_len);
    if (out == NULL) {
        return NULL;
    }
    char from[512];
    int64_t r;
    const int64_t deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : 0;
    for (;;) {
        PyThreadState *unlocked = PyEval_SaveThread();
        r = p_udp_recv_from(socket, PyBytes_AS_STRING(out), max_len, from, sizeof from, timeout_ms);
        PyEval_RestoreThread(unlocked);
        if (r != INTERRUPTED) {
            break;
        }
        if (after_interrupt(&timeout_ms, deadline) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }

    if (r < 0) {
        Py_DECREF(out);
        return PyLong_FromLongLong(r);
    }
    if (r != max_len && _PyBytes_Resize(&out, (Py_ssize_t)r) < 0) {
        return NULL;
    }
    PyObject *pair = Py_BuildValue("(Ns)", out, from);
    return pair;
}

static PyObject *n_udp_recv_from_into(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("udp_recv_from_into", nargs, 3) < 0) {
        return NULL;
    }
    int64_t socket;
    if (arg_i64(args[0], &socket) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[2], &timeout_ms) < 0) {
        return NULL;
    }
    Py_buffer buf_view;
    if (PyObject_GetBuffer(args[1], &buf_view, PyBUF_WRITABLE) < 0) {
        PyErr_Format(PyExc_TypeError, "a writable bytes-like object is required, not '%.100s'",
                     Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    const uint32_t max_len = buf_view.len > UINT32_MAX ? UINT32_MAX : (uint32_t)buf_view.len;

    char from[512];
    int64_t r;
    const int64_t deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : 0;
    for (;;) {
        PyThreadState *unlocked = PyEval_SaveThread();
        r = p_udp_recv_from(socket, buf_view.buf, max_len, from, sizeof from, timeout_ms);
        PyEval_RestoreThread(unlocked);
        if (r != INTERRUPTED) {
            break;
        }
        if (after_interrupt(&timeout_ms, deadline) < 0) {
            PyBuffer_Release(&buf_view);
            return NULL;
        }
    }
    PyBuffer_Release(&buf_view);
    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return Py_BuildValue("(Ls)", (long long)r, from);
}

static PyObject *n_udp_connect(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("udp_connect", nargs, 2) < 0) {
        return NULL;
    }
    int64_t socket;
    if (arg_i64(args[0], &socket) < 0) {
        return NULL;
    }
    const char *addr;
    if (arg_text(args[1], &addr) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_udp_connect(socket, addr);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_udp_send(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("udp_send", nargs, 3) < 0) {
        return NULL;
    }
    int64_t socket;
    if (arg_i64(args[0], &socket) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[2], &timeout_ms) < 0) {
        return NULL;
    }
    Py_buffer buf_view;
    if (PyObject_GetBuffer(args[1], &buf_view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (buf_view.len > UINT32_MAX) {
        PyBuffer_Release(&buf_view);
        PyErr_SetString(PyExc_OverflowError, "buffer larger than 4 GiB");
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_udp_send(socket, buf_view.buf, (uint32_t)buf_view.len, timeout_ms);
    PyEval_RestoreThread(unlocked);
    PyBuffer_Release(&buf_view);
    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_udp_recv(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("udp_recv", nargs, 3) < 0) {
        return NULL;
    }
    int64_t socket;
    if (arg_i64(args[0], &socket) < 0) {
        return NULL;
    }
    uint32_t max_len;
    if (arg_u32(args[1], &max_len) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[2], &timeout_ms) < 0) {
        return NULL;
    }

    PyObject *out = PyBytes_FromStringAndSize(NULL, max_len);
    if (out == NULL) {
        return NULL;
    }
    int64_t r;
    const int64_t deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : 0;
    for (;;) {
        PyThreadState *unlocked = PyEval_SaveThread();
        r = p_udp_recv(socket, PyBytes_AS_STRING(out), max_len, timeout_ms);
        PyEval_RestoreThread(unlocked);
        if (r != INTERRUPTED) {
            break;
        }
        if (after_interrupt(&timeout_ms, deadline) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }

    if (r < 0) {
        Py_DECREF(out);
        return PyLong_FromLongLong(r);
    }
    if (r != max_len && _PyBytes_Resize(&out, (Py_ssize_t)r) < 0) {
        return NULL;
    }
    return out;
}

static PyObject *n_udp_recv_into(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("udp_recv_into", nargs, 3) < 0) {
        return NULL;
    }
    int64_t socket;
    if (arg_i64(args[0], &socket) < 0) {
        return NULL;
    }
    int64_t timeout_ms;
    if (arg_i64(args[2], &timeout_ms) < 0) {
        return NULL;
    }
    Py_buffer buf_view;
    if (PyObject_GetBuffer(args[1], &buf_view, PyBUF_WRITABLE) < 0) {
        PyErr_Format(PyExc_TypeError, "a writable bytes-like object is required, not '%.100s'",
                     Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    const uint32_t max_len = buf_view.len > UINT32_MAX ? UINT32_MAX : (uint32_t)buf_view.len;

    int64_t r;
    const int64_t deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : 0;
    for (;;) {
        PyThreadState *unlocked = PyEval_SaveThread();
        r = p_udp_recv(socket, buf_view.buf, max_len, timeout_ms);
        PyEval_RestoreThread(unlocked);
        if (r != INTERRUPTED) {
            break;
        }
        if (after_interrupt(&timeout_ms, deadline) < 0) {
            PyBuffer_Release(&buf_view);
            return NULL;
        }
    }
    PyBuffer_Release(&buf_view);
    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_udp_close(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("udp_close", nargs, 1) < 0) {
        return NULL;
    }
    int64_t socket;
    if (arg_i64(args[0], &socket) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_udp_close(socket);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_udp_join_multicast(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("udp_join_multicast", nargs, 3) < 0) {
        return NULL;
    }
    int64_t socket;
    if (arg_i64(args[0], &socket) < 0) {
        return NULL;
    }
    const char *group;
    if (arg_text(args[1], &group) < 0) {
        return NULL;
    }
    const char *iface;
    if (arg_text(args[2], &iface) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_udp_join_multicast(socket, group, iface);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_udp_leave_multicast(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("udp_leave_multicast", nargs, 3) < 0) {
        return NULL;
    }
    int64_t socket;
    if (arg_i64(args[0], &socket) < 0) {
        return NULL;
    }
    const char *group;
    if (arg_text(args[1], &group) < 0) {
        return NULL;
    }
    const char *iface;
    if (arg_text(args[2], &iface) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_udp_leave_multicast(socket, group, iface);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_udp_adopt(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("udp_adopt", nargs, 1) < 0) {
        return NULL;
    }
    int32_t fd;
    if (arg_i32(args[0], &fd) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_udp_adopt(fd);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_completion_fd(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("completion_fd", nargs, 0) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_completion_fd();
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_op_cancel(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("op_cancel", nargs, 1) < 0) {
        return NULL;
    }
    int64_t op_id;
    if (arg_i64(args[0], &op_id) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_op_cancel(op_id);
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_batch_begin(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("batch_begin", nargs, 0) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_batch_begin();
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static PyObject *n_batch_end(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    (void)args;
    if (check_nargs("batch_end", nargs, 0) < 0) {
        return NULL;
    }

    int64_t r;
    PyThreadState *unlocked = PyEval_SaveThread();
    r = p_batch_end();
    PyEval_RestoreThread(unlocked);

    if (r < 0) {
        return PyLong_FromLongLong(r);
    }
    return PyLong_FromLongLong(r);
}

static const char *const NAMES[] = {
    "un_runtime_init",
    "un_runtime_shutdown",
    "un_runtime_configure_entries",
    "un_runtime_num_cores",
    "un_runtime_stats",
    "un_runtime_configure_backend",
    "un_runtime_configure_sqpoll",
    "un_runtime_backend",
    "un_runtime_reset_stats",
    "un_runtime_configure_shards",
    "un_runtime_configure_recv_buffers",
    "un_runtime_configure_wake_signal",
    "un_runtime_configure_interruptible",
    "un_runtime_configure_connect_delay",
    "un_timer",
    "un_tcp_listen",
    "un_tcp_accept",
    "un_tcp_connect",
    "un_tcp_read",
    "un_tcp_write",
    "un_tcp_close",
    "un_tcp_listener_close",
    "un_socket_local_addr",
    "un_tcp_flush",
    "un_tcp_shutdown",
    "un_socket_peer_addr",
    "un_socket_set_option",
    "un_socket_get_option",
    "un_socket_cancel",
    "un_tcp_adopt_listener",
    "un_tcp_adopt_stream",
    "un_unix_send_fd",
    "un_unix_send_handle",
    "un_unix_recv_fd",
    "un_udp_bind",
    "un_udp_send_to",
    "un_udp_recv_from",
    "un_udp_connect",
    "un_udp_send",
    "un_udp_recv",
    "un_udp_close",
    "un_udp_join_multicast",
    "un_udp_leave_multicast",
    "un_udp_adopt",
    "un_completion_fd",
    "un_op_cancel",
    "un_batch_begin",
    "un_batch_end",
};

static void **const SLOTS[] = {
    (void **)&p_runtime_init,
    (void **)&p_runtime_shutdown,
    (void **)&p_runtime_configure_entries,
    (void **)&p_runtime_num_cores,
    (void **)&p_runtime_stats,
    (void **)&p_runtime_configure_backend,
    (void **)&p_runtime_configure_sqpoll,
    (void **)&p_runtime_backend,
    (void **)&p_runtime_reset_stats,
    (void **)&p_runtime_configure_shards,
    (void **)&p_runtime_configure_recv_buffers,
    (void **)&p_runtime_configure_wake_signal,
    (void **)&p_runtime_configure_interruptible,
    (void **)&p_runtime_configure_connect_delay,
    (void **)&p_timer,
    (void **)&p_tcp_listen,
    (void **)&p_tcp_accept,
    (void **)&p_tcp_connect,
    (void **)&p_tcp_read,
    (void **)&p_tcp_write,
    (void **)&p_tcp_close,
    (void **)&p_tcp_listener_close,
    (void **)&p_socket_local_addr,
    (void **)&p_tcp_flush,
    (void **)&p_tcp_shutdown,
    (void **)&p_socket_peer_addr,
    (void **)&p_socket_set_option,
    (void **)&p_socket_get_option,
    (void **)&p_socket_cancel,
    (void **)&p_tcp_adopt_listener,
    (void **)&p_tcp_adopt_stream,
    (void **)&p_unix_send_fd,
    (void **)&p_unix_send_handle,
    (void **)&p_unix_recv_fd,
    (void **)&p_udp_bind,
    (void **)&p_udp_send_to,
    (void **)&p_udp_recv_from,
    (void **)&p_udp_connect,
    (void **)&p_udp_send,
    (void **)&p_udp_recv,
    (void **)&p_udp_close,
    (void **)&p_udp_join_multicast,
    (void **)&p_udp_leave_multicast,
    (void **)&p_udp_adopt,
    (void **)&p_completion_fd,
    (void **)&p_op_cancel,
    (void **)&p_batch_begin,
    (void **)&p_batch_end,
};

/* bind({c_name: address}): the library's functions, from the ctypes handle that loaded it. */
static PyObject *n_bind(PyObject *self, PyObject *addresses) {
    (void)self;
    if (!PyDict_Check(addresses)) {
        PyErr_SetString(PyExc_TypeError, "bind() takes a dict of function addresses");
        return NULL;
    }
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++) {
        PyObject *a = PyDict_GetItemString(addresses, NAMES[i]);
        if (a == NULL) {
            PyErr_Format(PyExc_KeyError, "bind(): no address for %s", NAMES[i]);
            return NULL;
        }
        void *p = PyLong_AsVoidPtr(a);
        if (p == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_ValueError, "bind(): a null address for %s", NAMES[i]);
            }
            return NULL;
        }
        *SLOTS[i] = p;
    }
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"bind", (PyCFunction)n_bind, METH_O, "bind({c_name: address}): the library's functions."},
    {"runtime_init", (PyCFunction)(void (*)(void))n_runtime_init, METH_FASTCALL,
     "un_runtime_init, blocking."},
    {"runtime_shutdown", (PyCFunction)(void (*)(void))n_runtime_shutdown, METH_FASTCALL,
     "un_runtime_shutdown, blocking."},
    {"runtime_configure_entries", (PyCFunction)(void (*)(void))n_runtime_configure_entries,
     METH_FASTCALL, "un_runtime_configure_entries, blocking."},
    {"runtime_num_cores", (PyCFunction)(void (*)(void))n_runtime_num_cores, METH_FASTCALL,
     "un_runtime_num_cores, blocking."},
    {"runtime_stats", (PyCFunction)(void (*)(void))n_runtime_stats, METH_FASTCALL,
     "un_runtime_stats, blocking."},
    {"runtime_configure_backend", (PyCFunction)(void (*)(void))n_runtime_configure_backend,
     METH_FASTCALL, "un_runtime_configure_backend, blocking."},
    {"runtime_configure_sqpoll", (PyCFunction)(void (*)(void))n_runtime_configure_sqpoll,
     METH_FASTCALL, "un_runtime_configure_sqpoll, blocking."},
    {"runtime_backend", (PyCFunction)(void (*)(void))n_runtime_backend, METH_FASTCALL,
     "un_runtime_backend, blocking."},
    {"runtime_reset_stats", (PyCFunction)(void (*)(void))n_runtime_reset_stats, METH_FASTCALL,
     "un_runtime_reset_stats, blocking."},
    {"runtime_configure_shards", (PyCFunction)(void (*)(void))n_runtime_configure_shards,
     METH_FASTCALL, "un_runtime_configure_shards, blocking."},
    {"runtime_configure_recv_buffers",
     (PyCFunction)(void (*)(void))n_runtime_configure_recv_buffers, METH_FASTCALL,
     "un_runtime_configure_recv_buffers, blocking."},
    {"runtime_configure_wake_signal", (PyCFunction)(void (*)(void))n_runtime_configure_wake_signal,
     METH_FASTCALL, "un_runtime_configure_wake_signal, blocking."},
    {"runtime_configure_interruptible",
     (PyCFunction)(void (*)(void))n_runtime_configure_interruptible, METH_FASTCALL,
     "un_runtime_configure_interruptible, blocking."},
    {"runtime_configure_connect_delay",
     (PyCFunction)(void (*)(void))n_runtime_configure_connect_delay, METH_FASTCALL,
     "un_runtime_configure_connect_delay, blocking."},
    {"timer", (PyCFunction)(void (*)(void))n_timer, METH_FASTCALL, "un_timer, blocking."},
    {"tcp_listen", (PyCFunction)(void (*)(void))n_tcp_listen, METH_FASTCALL,
     "un_tcp_listen, blocking."},
    {"tcp_accept", (PyCFunction)(void (*)(void))n_tcp_accept, METH_FASTCALL,
     "un_tcp_accept, blocking."},
    {"tcp_connect", (PyCFunction)(void (*)(void))n_tcp_connect, METH_FASTCALL,
     "un_tcp_connect, blocking."},
    {"tcp_read", (PyCFunction)(void (*)(void))n_tcp_read, METH_FASTCALL, "un_tcp_read, blocking."},
    {"tcp_read_into", (PyCFunction)(void (*)(void))n_tcp_read_into, METH_FASTCALL,
     "un_tcp_read into a writable buffer."},
    {"tcp_write", (PyCFunction)(void (*)(void))n_tcp_write, METH_FASTCALL,
     "un_tcp_write, blocking."},
    {"tcp_close", (PyCFunction)(void (*)(void))n_tcp_close, METH_FASTCALL,
     "un_tcp_close, blocking."},
    {"tcp_listener_close", (PyCFunction)(void (*)(void))n_tcp_listener_close, METH_FASTCALL,
     "un_tcp_listener_close, blocking."},
    {"socket_local_addr", (PyCFunction)(void (*)(void))n_socket_local_addr, METH_FASTCALL,
     "un_socket_local_addr, blocking."},
    {"tcp_flush", (PyCFunction)(void (*)(void))n_tcp_flush, METH_FASTCALL,
     "un_tcp_flush, blocking."},
    {"tcp_shutdown", (PyCFunction)(void (*)(void))n_tcp_shutdown, METH_FASTCALL,
     "un_tcp_shutdown, blocking."},
    {"socket_peer_addr", (PyCFunction)(void (*)(void))n_socket_peer_addr, METH_FASTCALL,
     "un_socket_peer_addr, blocking."},
    {"socket_set_option", (PyCFunction)(void (*)(void))n_socket_set_option, METH_FASTCALL,
     "un_socket_set_option, blocking."},
    {"socket_get_option", (PyCFunction)(void (*)(void))n_socket_get_option, METH_FASTCALL,
     "un_socket_get_option, blocking."},
    {"socket_cancel", (PyCFunction)(void (*)(void))n_socket_cancel, METH_FASTCALL,
     "un_socket_cancel, blocking."},
    {"tcp_adopt_listener", (PyCFunction)(void (*)(void))n_tcp_adopt_listener, METH_FASTCALL,
     "un_tcp_adopt_listener, blocking."},
    {"tcp_adopt_stream", (PyCFunction)(void (*)(void))n_tcp_adopt_stream, METH_FASTCALL,
     "un_tcp_adopt_stream, blocking."},
    {"unix_send_fd", (PyCFunction)(void (*)(void))n_unix_send_fd, METH_FASTCALL,
     "un_unix_send_fd, blocking."},
    {"unix_send_handle", (PyCFunction)(void (*)(void))n_unix_send_handle, METH_FASTCALL,
     "un_unix_send_handle, blocking."},
    {"unix_recv_fd", (PyCFunction)(void (*)(void))n_unix_recv_fd, METH_FASTCALL,
     "un_unix_recv_fd, blocking."},
    {"udp_bind", (PyCFunction)(void (*)(void))n_udp_bind, METH_FASTCALL, "un_udp_bind, blocking."},
    {"udp_send_to", (PyCFunction)(void (*)(void))n_udp_send_to, METH_FASTCALL,
     "un_udp_send_to, blocking."},
    {"udp_recv_from", (PyCFunction)(void (*)(void))n_udp_recv_from, METH_FASTCALL,
     "un_udp_recv_from, blocking."},
    {"udp_recv_from_into", (PyCFunction)(void (*)(void))n_udp_recv_from_into, METH_FASTCALL,
     "un_udp_recv_from into a writable buffer."},
    {"udp_connect", (PyCFunction)(void (*)(void))n_udp_connect, METH_FASTCALL,
     "un_udp_connect, blocking."},
    {"udp_send", (PyCFunction)(void (*)(void))n_udp_send, METH_FASTCALL, "un_udp_send, blocking."},
    {"udp_recv", (PyCFunction)(void (*)(void))n_udp_recv, METH_FASTCALL, "un_udp_recv, blocking."},
    {"udp_recv_into", (PyCFunction)(void (*)(void))n_udp_recv_into, METH_FASTCALL,
     "un_udp_recv into a writable buffer."},
    {"udp_close", (PyCFunction)(void (*)(void))n_udp_close, METH_FASTCALL,
     "un_udp_close, blocking."},
    {"udp_join_multicast", (PyCFunction)(void (*)(void))n_udp_join_multicast, METH_FASTCALL,
     "un_udp_join_multicast, blocking."},
    {"udp_leave_multicast", (PyCFunction)(void (*)(void))n_udp_leave_multicast, METH_FASTCALL,
     "un_udp_leave_multicast, blocking."},
    {"udp_adopt", (PyCFunction)(void (*)(void))n_udp_adopt, METH_FASTCALL,
     "un_udp_adopt, blocking."},
    {"completion_fd", (PyCFunction)(void (*)(void))n_completion_fd, METH_FASTCALL,
     "un_completion_fd, blocking."},
    {"op_cancel", (PyCFunction)(void (*)(void))n_op_cancel, METH_FASTCALL,
     "un_op_cancel, blocking."},
    {"batch_begin", (PyCFunction)(void (*)(void))n_batch_begin, METH_FASTCALL,
     "un_batch_begin, blocking."},
    {"batch_end", (PyCFunction)(void (*)(void))n_batch_end, METH_FASTCALL,
     "un_batch_end, blocking."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    "_uringnet_native",
    "uringnet's blocking operations, for uringnet/__init__.py.",
    -1,
    methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC PyInit__uringnet_native(void) {
    PyObject *m = PyModule_Create(&module);
    if (m == NULL) {
        return NULL;
    }
    PyObject *names = PyTuple_New(sizeof NAMES / sizeof NAMES[0]);
    if (names == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++) {
        PyTuple_SET_ITEM(names, (Py_ssize_t)i, PyUnicode_FromString(NAMES[i]));
    }
    if (PyModule_AddObject(m, "NAMES", names) < 0 ||
        PyModule_AddStringConstant(m, "SPEC_CHECKSUM", "33e3a62e29bec860") < 0) {
        Py_DECREF(names);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
