"""An asyncio echo server for tools/bench.sh, of one kind, on 127.0.0.1:PORT; prints "ready"
once it listens and runs until SIGTERM.

    asyncio_server.py KIND PORT
      uringnet-streams[-uvloop]   uringnet.asyncio.start_server (asyncio's loop, or uvloop's)
      asyncio-streams             asyncio.start_server on asyncio's default loop
      uvloop-streams              asyncio.start_server on uvloop
      uringnet-protocol[-uvloop]  uringnet.asyncio.create_server with an echo Protocol
      uvloop-protocol             loop.create_server on uvloop with the same Protocol
The streams servers read what is there (up to 64 KiB), write it back and drain."""
import asyncio
import signal
import sys

kind, port = sys.argv[1], int(sys.argv[2])
if kind.endswith("-uvloop") or kind.startswith("uvloop"):
    import uvloop
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
if kind.startswith("uringnet"):
    import uringnet.asyncio as ua


async def echo(reader, writer):
    while data := await reader.read(65536):
        writer.write(data)
        await writer.drain()
    writer.close()


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)


async def main():
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, stop.set_result, None)
    if kind.startswith("uringnet-streams"):
        server = await ua.start_server(echo, "127.0.0.1", port, backlog=1024)
    elif kind.startswith("uringnet-protocol"):
        server = await ua.create_server(Echo, "127.0.0.1", port, backlog=1024)
    elif kind.endswith("-streams"):
        server = await asyncio.start_server(echo, "127.0.0.1", port, backlog=1024)
    elif kind == "uvloop-protocol":
        server = await loop.create_server(Echo, "127.0.0.1", port, backlog=1024)
    else:
        sys.exit(f"unknown kind {kind}")
    print("ready", flush=True)
    await stop
    server.close()


asyncio.run(main())
