"""uringnet.asyncio over real loopback sockets, every test on asyncio's default loop and on
uvloop: streams, protocols, datagrams, cancellation, interop with asyncio's own sockets.
Run by ctest (python.asyncio) on both backends: pytest -v test_asyncio.py."""
from __future__ import annotations

import asyncio
import errno
import json
import os
import random
import socket
import struct
import threading

import pytest

import uringnet
import uringnet.asyncio as ua

try:
    import uvloop
except ImportError:  # (tools/setup installs python3-uvloop)
    uvloop = None

LOOPS = ["asyncio", "uvloop"]


@pytest.fixture(params=LOOPS)
def run(request):
    """run(coro_fn): runs coro_fn() to its end on a fresh loop of the parameter's kind, within
    30 s (a hang fails instead of blocking ctest)."""
    if request.param == "uvloop" and uvloop is None:
        pytest.skip("uvloop is not installed (Debian: python3-uvloop; tools/setup installs it)")
    factory = uvloop.new_event_loop if request.param == "uvloop" else asyncio.new_event_loop

    def runner(coro_fn):
        with asyncio.Runner(loop_factory=factory) as r:
            return r.run(asyncio.wait_for(coro_fn(), 30))
    return runner


def totals() -> dict:
    return json.loads(uringnet.Runtime.stats())["total"]


async def settled(key: str, value: int) -> int:
    """Waits (bounded) until the runtime's total[key] is value; returns the last value seen."""
    for _ in range(200):
        now = totals()[key]
        if now == value:
            return now
        await asyncio.sleep(0.01)
    return now


async def echo_handler(reader, writer):
    while data := await reader.read(65536):
        writer.write(data)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


def payload(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


# ---- streams ----

def test_stream_echo_many_messages(run):
    async def main():
        server = await ua.start_server(echo_handler, "127.0.0.1", 0)
        host, port = server.sockets[0].getsockname()
        reader, writer = await ua.open_connection(host, port)
        assert writer.get_extra_info("peername") == (host, port)
        assert writer.get_extra_info("sockname")[0] == "127.0.0.1"
        rng = random.Random(1)
        for i in range(500):
            msg = payload(rng.choice([1, 100, 1500, 70000]), i)
            writer.write(msg)
            await writer.drain()
            assert await reader.readexactly(len(msg)) == msg
        writer.write_eof()
        assert await reader.read() == b""  # the server closes when it sees the end
        writer.close()
        await writer.wait_closed()
        server.close()
        await server.wait_closed()
    run(main)


def test_many_connections_at_once(run):
    async def main():
        server = await ua.start_server(echo_handler, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]

        async def client(i):
            reader, writer = await ua.open_connection("127.0.0.1", port)
            got = []
            for j in range(5):
                msg = payload(200, i * 100 + j)
                writer.write(msg)
                got.append(await reader.readexactly(200) == msg)
            writer.close()
            await writer.wait_closed()
            return all(got)

        results = await asyncio.gather(*(client(i) for i in range(200)))
        assert results == [True] * 200
        server.close()
        await server.wait_closed()
    run(main)


def test_readline_and_readuntil_across_split_packets(run):
    async def main():
        pieces = [b"fi", b"rst li", b"ne\nsec", b"ond", b"|third\n", b"x" * 3000, b"\n"]
        sent = asyncio.Event()

        async def handler(reader, writer):
            writer.transport.get_extra_info("uringnet_handle")
            for p in pieces:
                writer.write(p)
                await writer.drain()
                await asyncio.sleep(0.01)  # separate segments
            sent.set()
            writer.close()

        server = await ua.start_server(handler, "127.0.0.1", 0)
        reader, writer = await ua.open_connection(*server.sockets[0].getsockname())
        assert await reader.readline() == b"first line\n"
        assert await reader.readuntil(b"|") == b"second|"
        assert await reader.readline() == b"third\n"
        assert await reader.readline() == b"x" * 3000 + b"\n"
        assert await reader.readline() == b""
        await sent.wait()
        writer.close()
        server.close()
    run(main)


def test_drain_waits_while_the_peer_does_not_read(run):
    async def main():
        may_read = asyncio.Event()
        received = []

        async def handler(reader, writer):
            await may_read.wait()
            while data := await reader.read(1 << 20):
                received.append(data)
            writer.close()

        server = await ua.start_server(handler, "127.0.0.1", 0)
        reader, writer = await ua.open_connection(*server.sockets[0].getsockname())
        big = payload(32 << 20, 7)  # more than loopback's socket buffers hold
        writer.write(big)
        assert writer.transport.get_write_buffer_size() > 0
        drain = asyncio.ensure_future(writer.drain())
        await asyncio.sleep(0.3)
        assert not drain.done()  # the peer reads nothing: drain waits
        may_read.set()
        await drain  # resumes once the peer reads
        writer.write_eof()
        while not received or sum(map(len, received)) < len(big):
            await asyncio.sleep(0.01)
        assert b"".join(received) == big
        assert writer.transport.get_write_buffer_size() == 0
        writer.close()
        await writer.wait_closed()
        server.close()
    run(main)


def test_cancelled_read_keeps_the_stream_usable(run):
    async def main():
        server = await ua.start_server(echo_handler, "127.0.0.1", 0)
        reader, writer = await ua.open_connection(*server.sockets[0].getsockname())
        pending = asyncio.ensure_future(reader.read(100))
        await asyncio.sleep(0.05)
        pending.cancel()
        with pytest.raises(asyncio.CancelledError):
            await pending
        writer.write(b"still here")
        assert await reader.readexactly(10) == b"still here"
        writer.close()
        await writer.wait_closed()
        server.close()
    run(main)


def test_cancelling_a_waiting_connect_cancels_its_operation(run):
    async def main():
        # A listener whose accept queue is full drops new SYNs: a connect to it waits.
        full = socket.socket()
        full.bind(("127.0.0.1", 0))
        full.listen(0)
        fillers = []
        try:
            for _ in range(4):
                s = socket.socket()
                s.setblocking(False)
                s.connect_ex(full.getsockname())
                fillers.append(s)
            await asyncio.sleep(0.1)
            before = totals()
            task = asyncio.ensure_future(ua.open_connection(*full.getsockname()))
            await asyncio.sleep(0.3)
            if task.done():
                pytest.skip("the kernel answered a connect to a full accept queue: nothing waits to cancel")
            assert totals()["in_flight"] >= before["in_flight"] + 1
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert await settled("in_flight", before["in_flight"]) == before["in_flight"]
            assert await settled("open_handles", before["open_handles"]) == before["open_handles"]
        finally:
            for s in fillers:
                s.close()
            full.close()
    run(main)


def test_cancelling_connects_at_every_moment_leaks_nothing(run):
    async def main():
        server = await ua.start_server(echo_handler, "127.0.0.1", 0)
        addr = server.sockets[0].getsockname()
        await asyncio.sleep(0.05)
        before = totals()["open_handles"]
        for i in range(60):
            task = asyncio.ensure_future(ua.open_connection(*addr))
            for _ in range(i % 6):
                await asyncio.sleep(0)
            task.cancel()
            try:
                _, writer = await task
                writer.close()
                await writer.wait_closed()
            except asyncio.CancelledError:
                pass
        # every connection was closed: the client side by the layer, the server side by the
        # echo handler when it saw the end
        assert await settled("open_handles", before) == before
        server.close()
        await server.wait_closed()
    run(main)


def test_peer_reset_raises_connection_reset(run):
    async def main():
        plain = socket.socket()
        plain.bind(("127.0.0.1", 0))
        plain.listen(1)
        reader, writer = await ua.open_connection(*plain.getsockname())
        conn, _ = plain.accept()
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()  # RST
        plain.close()
        with pytest.raises(ConnectionResetError) as info:
            await reader.read(100)
        assert isinstance(info.value.uringnet_error, uringnet.ResetError)
        writer.close()
        with pytest.raises(ConnectionResetError):  # as asyncio's: the error that ended it
            await writer.wait_closed()
    run(main)


def test_connect_refused_and_unknown_host(run):
    async def main():
        plain = socket.socket()
        plain.bind(("127.0.0.1", 0))
        port = plain.getsockname()[1]
        plain.close()  # nothing listens there now
        with pytest.raises(ConnectionRefusedError) as info:
            await ua.open_connection("127.0.0.1", port)
        assert info.value.uringnet_error.code == -20
        with pytest.raises(socket.gaierror):
            await ua.open_connection("no-such-host.invalid", 80, timeout=10)
    run(main)


def test_server_close_ends_accepts_and_keeps_connections(run):
    async def main():
        server = await ua.start_server(echo_handler, "127.0.0.1", 0)
        addr = server.sockets[0].getsockname()
        reader, writer = await ua.open_connection(*addr)
        writer.write(b"accepted?")  # (a connection not yet accepted when the server closes ends)
        assert await reader.readexactly(9) == b"accepted?"
        assert server.is_serving()
        server.close()
        await server.wait_closed()
        assert not server.is_serving() and server.sockets == []
        with pytest.raises(ConnectionRefusedError):
            await ua.open_connection(*addr)
        writer.write(b"after close")  # the connection made before stays open
        assert await reader.readexactly(11) == b"after close"
        writer.close()
        await writer.wait_closed()
    run(main)


def test_a_server_stops_serving_quietly_when_the_runtime_shuts_down(run):
    async def main():
        errors = []
        asyncio.get_running_loop().set_exception_handler(lambda loop, context: errors.append(context))
        server = await ua.start_server(echo_handler, "127.0.0.1", 0)
        assert server.is_serving()
        uringnet.Runtime.shutdown()  # its accepts end with SHUT_DOWN: no retrying, no error logged
        try:
            await wait_until(lambda: not server.is_serving(), "the server to stop serving")
            await asyncio.sleep(0.3)
            assert errors == []
            server.close()
            await server.wait_closed()
        finally:
            uringnet.Runtime.init()  # (for the tests after this one)
    run(main)


def test_ipv6_stream(run):
    try:
        probe = socket.socket(socket.AF_INET6)
        probe.bind(("::1", 0))
        probe.close()
    except OSError as exc:
        pytest.skip(f"no IPv6 on loopback here: {exc}")

    async def main():
        server = await ua.start_server(echo_handler, "::1", 0)
        host, port, _, _ = server.sockets[0].getsockname()
        assert host == "::1"
        reader, writer = await ua.open_connection("::1", port)
        assert writer.get_extra_info("peername")[:2] == ("::1", port)
        writer.write(b"six")
        assert await reader.readexactly(3) == b"six"
        writer.close()
        server.close()
    run(main)


# ---- interop with asyncio's own sockets ----

async def echo_through(start_server, open_connection, seed: int):
    """An echo of 300 KB through a server of one kind and a client of another, every byte checked."""
    server = await start_server(echo_handler, "127.0.0.1", 0)
    reader, writer = await open_connection(*server.sockets[0].getsockname())
    msg = payload(300000, seed)
    writer.write(msg)
    await writer.drain()
    assert await reader.readexactly(len(msg)) == msg
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


def test_asyncio_client_against_uringnet_server(run):
    run(lambda: echo_through(ua.start_server, asyncio.open_connection, 3))


def test_uringnet_client_against_asyncio_server(run):
    run(lambda: echo_through(asyncio.start_server, ua.open_connection, 4))


# ---- protocols ----

class Recorder(asyncio.Protocol):
    def __init__(self):
        self.transport = None
        self.data = bytearray()
        self.events = []
        self.lost = asyncio.get_running_loop().create_future()
        self.got = asyncio.Event()

    def connection_made(self, transport):
        self.transport = transport
        self.events.append("made")

    def data_received(self, data):
        self.data += data
        self.got.set()

    def eof_received(self):
        self.events.append("eof")

    def pause_writing(self):
        self.events.append("pause_writing")

    def resume_writing(self):
        self.events.append("resume_writing")

    def connection_lost(self, exc):
        self.events.append("lost")
        self.lost.set_result(exc)


async def wait_until(cond, what: str):
    for _ in range(1000):
        if cond():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


async def recorded_connection():
    """A protocol server and a connection to it, both ends Recorders, once the server accepted:
    (server, the server's end, the client's transport, the client's end)."""
    accepted = []
    server = await ua.create_server(lambda: accepted.append(Recorder()) or accepted[-1], "127.0.0.1", 0)
    transport, client = await ua.create_connection(Recorder, *server.sockets[0].getsockname())
    await wait_until(lambda: accepted and accepted[0].transport, "the accept")
    return server, accepted[0], transport, client


def test_protocol_echo_write_writelines_and_close(run):
    async def main():
        servers = []

        class Echo(asyncio.Protocol):
            def connection_made(self, transport):
                self.transport = transport
                servers.append(self)

            def data_received(self, data):
                self.transport.write(data)

        server = await ua.create_server(Echo, "127.0.0.1", 0)
        transport, client = await ua.create_connection(Recorder, *server.sockets[0].getsockname())
        assert client.events == ["made"] and not transport.is_closing()
        transport.write(b"a" * 10)
        transport.write(bytearray(b"b" * 10))
        transport.writelines([b"c" * 5, memoryview(b"d" * 5)])
        await wait_until(lambda: len(client.data) == 30, "the echo")
        assert bytes(client.data) == b"a" * 10 + b"b" * 10 + b"c" * 5 + b"d" * 5
        transport.close()
        assert transport.is_closing()
        assert await client.lost is None
        server.close()
        await server.wait_closed()
    run(main)


def test_protocol_pause_and_resume_reading(run):
    async def main():
        server, peer, transport, client = await recorded_connection()
        peer.transport.pause_reading()
        assert not peer.transport.is_reading()
        transport.write(b"while paused")
        await asyncio.sleep(0.2)
        assert bytes(peer.data) == b""  # nothing is delivered while paused
        peer.transport.resume_reading()
        await wait_until(lambda: bytes(peer.data) == b"while paused", "the held data")
        transport.write(b" and after")
        await wait_until(lambda: bytes(peer.data) == b"while paused and after", "later data")
        transport.close()
        await wait_until(lambda: "eof" in peer.events, "the end of the stream")
        server.close()
    run(main)


def test_protocol_write_buffer_limits_and_pause_writing(run):
    async def main():
        server, peer, transport, client = await recorded_connection()
        peer.transport.pause_reading()
        transport.set_write_buffer_limits(high=1 << 20, low=1 << 18)
        assert transport.get_write_buffer_limits() == (1 << 18, 1 << 20)
        chunk = payload(1 << 20, 9)
        for _ in range(32):  # 32 MiB: more than the peer's kernel buffers take
            transport.write(chunk)
        assert transport.get_write_buffer_size() > 1 << 20
        assert client.events[-1] == "pause_writing"
        peer.transport.resume_reading()
        await wait_until(lambda: "resume_writing" in client.events, "resume_writing")
        await wait_until(lambda: len(peer.data) == 32 << 20, "every byte")
        assert bytes(peer.data) == chunk * 32
        assert transport.get_write_buffer_size() == 0
        transport.close()
        server.close()
    run(main)


def test_protocol_abort_drops_the_connection(run):
    async def main():
        server, peer, transport, client = await recorded_connection()
        transport.abort()
        assert transport.is_closing()
        assert await client.lost is None
        await wait_until(lambda: "eof" in peer.events or peer.lost.done(),
                         "the peer to see the end")
        transport.write(b"ignored after abort")  # no error, as asyncio's transports
        server.close()
    run(main)


# ---- datagrams ----

def test_udp_datagrams_with_the_senders_address(run):
    async def main():
        class Collect(asyncio.DatagramProtocol):
            def __init__(self):
                self.got = asyncio.Queue()

            def datagram_received(self, data, addr):
                self.got.put_nowait((data, addr))

        b_transport, b = await ua.create_datagram_endpoint(Collect, local_addr=("127.0.0.1", 0))
        b_addr = b_transport.get_extra_info("sockname")
        a_transport, a = await ua.create_datagram_endpoint(Collect, local_addr=("127.0.0.1", 0))
        a_addr = a_transport.get_extra_info("sockname")
        for i in range(20):
            a_transport.sendto(payload(100 + i, i), b_addr)
        for i in range(20):
            data, addr = await b.got.get()
            assert addr == a_addr
            assert len(data) in range(100, 120)
        # connected: sendto without an address, and replies come back with the sender
        c_transport, c = await ua.create_datagram_endpoint(Collect, remote_addr=b_addr)
        c_transport.sendto(b"connected")
        data, addr = await b.got.get()
        assert data == b"connected" and addr == c_transport.get_extra_info("sockname")
        b_transport.sendto(b"reply", addr)
        assert await c.got.get() == (b"reply", b_addr)
        for t in (a_transport, b_transport, c_transport):
            t.close()
    run(main)


# ---- loops in threads ----

def test_two_loops_in_two_threads(run):
    """Completions collected by one loop reach the loop that submitted them."""
    results = {}

    def other():
        async def main():
            server = await ua.start_server(echo_handler, "127.0.0.1", 0)
            results["addr"] = server.sockets[0].getsockname()
            results["ready"].set()
            await asyncio.sleep(3)
            server.close()
        asyncio.run(main())

    results["ready"] = threading.Event()
    thread = threading.Thread(target=other)
    thread.start()
    try:
        assert results["ready"].wait(10)

        async def main():
            reader, writer = await ua.open_connection(*results["addr"])
            for i in range(200):
                msg = payload(1000, i)
                writer.write(msg)
                assert await reader.readexactly(1000) == msg
            writer.close()
            await writer.wait_closed()
        run(main)
    finally:
        thread.join()


# ---- Unix domain sockets ----

def test_unix_streams_echo_and_interop(run, tmp_path):
    async def main():
        path = str(tmp_path / "echo.sock")
        server = await ua.start_unix_server(echo_handler, path)
        assert server.sockets[0].getsockname() == path
        reader, writer = await ua.open_unix_connection(path)
        assert writer.get_extra_info("peername") == path
        assert writer.get_extra_info("sockname") == ""  # an unbound client
        msg = payload(200000, 11)
        writer.write(msg)
        assert await reader.readexactly(len(msg)) == msg
        writer.close()
        await writer.wait_closed()
        # asyncio's own client against this server, and this client against asyncio's server
        reader, writer = await asyncio.open_unix_connection(path)
        writer.write(b"from asyncio")
        assert await reader.readexactly(12) == b"from asyncio"
        writer.close()
        server.close()
        await server.wait_closed()
        other = str(tmp_path / "asyncio.sock")
        plain = await asyncio.start_unix_server(echo_handler, other)
        reader, writer = await ua.open_unix_connection(other)
        writer.write(b"to asyncio")
        assert await reader.readexactly(10) == b"to asyncio"
        writer.close()
        plain.close()
        await plain.wait_closed()
    run(main)


def test_unix_abstract_name_and_stale_socket_file(run, tmp_path):
    async def main():
        name = f"\0uringnet-pytest-{os.getpid()}"
        server = await ua.start_unix_server(echo_handler, name)
        assert server.sockets[0].getsockname() == name
        reader, writer = await ua.open_unix_connection(name)
        writer.write(b"abstract")
        assert await reader.readexactly(8) == b"abstract"
        writer.close()
        server.close()
        await server.wait_closed()
        # The file a closed listener leaves: refused, never removed silently.
        path = str(tmp_path / "stale.sock")
        server = await ua.start_unix_server(echo_handler, path)
        server.close()
        await server.wait_closed()
        assert os.path.exists(path)
        with pytest.raises(ConnectionRefusedError):
            await ua.open_unix_connection(path)
        with pytest.raises(OSError) as info:
            await ua.start_unix_server(echo_handler, path)
        assert info.value.errno == errno.EADDRINUSE
        server = await ua.start_unix_server(echo_handler, path, unlink_stale=True)
        reader, writer = await ua.open_unix_connection(path)
        writer.write(b"replaced")
        assert await reader.readexactly(8) == b"replaced"
        writer.close()
        server.close()
    run(main)


def test_unix_datagrams_with_the_senders_path(run, tmp_path):
    async def main():
        class Collect(asyncio.DatagramProtocol):
            def __init__(self):
                self.got = asyncio.Queue()

            def datagram_received(self, data, addr):
                self.got.put_nowait((data, addr))

        a_path, b_path = str(tmp_path / "a.dgram"), str(tmp_path / "b.dgram")
        b_transport, b = await ua.create_datagram_endpoint(Collect, local_addr=b_path)
        a_transport, a = await ua.create_datagram_endpoint(Collect, local_addr=a_path)
        assert a_transport.get_extra_info("sockname") == a_path
        a_transport.sendto(b"over unix", b_path)
        assert await b.got.get() == (b"over unix", a_path)
        b_transport.sendto(b"reply", a_path)
        assert await a.got.get() == (b"reply", b_path)
        a_transport.close()
        b_transport.close()
    run(main)
