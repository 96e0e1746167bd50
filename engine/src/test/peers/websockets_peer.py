"""An independent WebSocket peer (Python websockets) for the selector transport's tests.

Listens on a free loopback port, prints "port N", then plays the scenario named by each connection's path
and prints "close PATH CODE" with the close code it received from the client (1006: none). Given a PEM
certificate and its PEM key as arguments, it speaks TLS (wss://) with them.
"""
import asyncio
import socket
import ssl
import struct
import sys

import websockets


async def handler(ws, path):
    try:
        if path == "/fragments":
            await ws.send(['{"part":"one', " two", ' three"}'])
            await ws.send("after")
        elif path == "/ping":
            pong = await ws.ping(b"are-you-there")
            await pong
            await ws.send("pong:are-you-there")
        elif path == "/close":
            await ws.close(4001, "bye")
        elif path == "/reset":
            await ws.send("before reset")
            raw = ws.transport.get_extra_info("socket")
            raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            ws.transport.abort()
        elif path == "/burst":
            for i in range(20000):
                await ws.send('{"n":%d,"pad":"%s"}' % (i, "z" * (i % 300)))
        elif path == "/oversized":
            await ws.send("x" * ((1 << 20) + 1))
        async for message in ws:
            await ws.send("echo:" + message)
    except websockets.ConnectionClosed:
        pass
    finally:
        await ws.wait_closed()
        print("close", path, ws.close_code, flush=True)


async def main():
    tls = None
    if len(sys.argv) == 3:
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(sys.argv[1], sys.argv[2])
    async with websockets.serve(handler, "127.0.0.1", 0, ping_interval=None, max_size=1 << 20, ssl=tls) as server:
        print("port", server.sockets[0].getsockname()[1], flush=True)
        await asyncio.Future()


asyncio.run(main())
