#!/usr/bin/env python3
"""A conventional asyncio depth pipeline, the Python baseline Fathom's load harness measures.

Written after the "Production Patterns: Real-Time Data Pipeline" of an asyncio lifecycle field guide:
one asyncio.TaskGroup holds every task, an asyncio.Semaphore limits how many connections and REST snapshot fetches are under way at once (launch with limits), an asyncio.Event is the shutdown signal
(SIGTERM/SIGINT through loop.add_signal_handler), and every consumer closes its socket in `finally`.
Each WebSocket frame goes through json.loads into dicts and is applied to its symbol's book (dict of float
price -> float quantity plus a sorted price list) under Binance's sync rule (buffer the stream, fetch a
snapshot, drop what it covers, apply while U <= id + 1), then the bid/ask volume pressure over the top 10
levels is computed, as Fathom computes it after each message.

The guide's own pipeline holds the semaphore for the whole life of a consumer, which with more symbols than
permits leaves the rest waiting forever (its table of pitfalls); here the semaphore bounds the launch only.

Run by the harness with the Debian system Python (/usr/bin/python3, 3.11+) and Debian's python3-websockets:

    asyncio_depth_pipeline.py --ws URL --rest URL --symbols N --connections C --due-table FILE --work-dir DIR

It speaks the harness's line protocol: commands on stdin (count, begin, end, report, shutdown), one
"@load {json}" line per command on stdout. Latencies are time.monotonic_ns() (CLOCK_MONOTONIC, the clock
of Java's System.nanoTime()) minus the frame's receipt, and minus the simulator's scheduled send time read
from the harness's shared due table; at `report` they are written as little-endian int64 files.
"""

import argparse
import array
import asyncio
import bisect
import json
import mmap
import os
import signal
import struct
import sys
import time

import websockets

PREFIX = "@load "
PRESSURE_DEPTH = 10
MAX_CONCURRENT = 50

_HEADER = struct.Struct("=qqqq")
_LONG = struct.Struct("=q")
_ENTRY = struct.Struct("=qq")


class DueTable:
    """Reader of the harness's due table (layout in DueTable.java): the scheduled send time of each diff."""

    def __init__(self, path):
        with open(path, "rb") as f:
            self._mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        magic, symbols, capacity, block = _HEADER.unpack_from(self._mm, 0)
        self._capacity = capacity
        self._mask = capacity - 1
        self._block = block
        self._cursors = [0] * symbols
        self.unmatched = 0

    def due_ns(self, index, last_update_id):
        base = 128 + index * self._block
        written = _LONG.unpack_from(self._mm, base)[0]
        cursor = max(self._cursors[index], written - self._capacity)
        entries = base + 128
        while cursor < written:
            update_id, due = _ENTRY.unpack_from(self._mm, entries + (cursor & self._mask) * 16)
            if update_id == last_update_id:
                self._cursors[index] = cursor + 1
                return due
            if update_id > last_update_id:
                break
            cursor += 1
        self._cursors[index] = cursor
        self.unmatched += 1
        return -1


class Book:
    """One symbol's L2 book and its sync state."""

    __slots__ = ("symbol", "index", "bids", "asks", "bid_prices", "ask_prices", "live", "buffering",
                 "last_update_id", "buffered", "pressure")

    def __init__(self, symbol, index):
        self.symbol = symbol
        self.index = index
        self.bids = {}
        self.asks = {}
        self.bid_prices = []
        self.ask_prices = []
        self.live = False
        self.buffering = False
        self.last_update_id = 0
        self.buffered = []
        self.pressure = 0.0

    def clear(self):
        self.bids.clear()
        self.asks.clear()
        self.bid_prices.clear()
        self.ask_prices.clear()
        self.last_update_id = 0

    def apply(self, event):
        _levels(self.bids, self.bid_prices, event["b"])
        _levels(self.asks, self.ask_prices, event["a"])
        self.last_update_id = event["u"]
        bid_volume = sum(self.bids[p] for p in self.bid_prices[-PRESSURE_DEPTH:])
        ask_volume = sum(self.asks[p] for p in self.ask_prices[:PRESSURE_DEPTH])
        total = bid_volume + ask_volume
        self.pressure = (bid_volume - ask_volume) / total if total else 0.0


def _levels(side, prices, levels):
    for price_text, quantity_text in levels:
        price = float(price_text)
        quantity = float(quantity_text)
        if quantity == 0.0:
            if side.pop(price, None) is not None:
                del prices[bisect.bisect_left(prices, price)]
        else:
            if price not in side:
                bisect.insort(prices, price)
            side[price] = quantity


class DepthPipeline:
    def __init__(self, args):
        self.args = args
        self.shutdown = asyncio.Event()
        self.semaphore = asyncio.Semaphore(MAX_CONCURRENT)
        self.books = {f"SYM{i}": Book(f"SYM{i}", i) for i in range(args.symbols)}
        self.due = DueTable(args.due_table)
        self.received = 0
        self.applied = 0
        self.discarded = 0
        self.gaps = 0
        self.live = 0
        self.recording = False
        self.intended_to_applied = array.array("q")
        self.receipt_to_applied = array.array("q")
        self.window = (0, 0, 0, 0)
        self.task_group = None
        self.tasks = set()
        self.shutdown_started_ns = 0
        self.unmatched_base = 0

    async def run(self):
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.shutdown.set)
        async with asyncio.TaskGroup() as tg:
            self.task_group = tg
            per_connection = -(-self.args.symbols // self.args.connections)
            for c in range(self.args.connections):
                first = c * per_connection
                streams = "/".join(f"sym{i}@depth@100ms"
                                   for i in range(first, min(self.args.symbols, first + per_connection)))
                self._spawn(self._consume(f"{self.args.ws}/stream?streams={streams}"), f"connection-{c}")
            self._spawn(self._control(), "control")
            self._spawn(self._watch_harness(), "harness")
            await self.shutdown.wait()
            if not self.shutdown_started_ns:
                self.shutdown_started_ns = time.monotonic_ns()
            for task in list(self.tasks):
                task.cancel()

    def _spawn(self, coro, name=None):
        """Creates a task in the group and keeps a strong reference until it is done (the seed's notes)."""
        task = self.task_group.create_task(coro, name=name)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    async def _consume(self, url):
        async with self.semaphore:
            ws = await websockets.connect(url, max_size=None, compression=None, ping_interval=None,
                                          open_timeout=60, close_timeout=1)
        try:
            async for message in ws:
                received_ns = time.monotonic_ns()
                self.received += 1
                event = json.loads(message)["data"]
                self._on_update(self.books[event["s"]], event, received_ns)
        except websockets.ConnectionClosed:
            pass
        finally:
            await ws.close()

    def _on_update(self, book, event, received_ns):
        if not book.live:
            book.buffered.append(event)
            if not book.buffering:
                book.buffering = True
                self._spawn(self._fetch_snapshot(book))
            return
        if event["u"] <= book.last_update_id:
            self.discarded += 1
            return
        if event["U"] > book.last_update_id + 1:
            self.gaps += 1
            self.live -= 1
            book.live = False
            book.clear()
            book.buffered.append(event)
            book.buffering = True
            self._spawn(self._fetch_snapshot(book))
            return
        book.apply(event)
        self.applied += 1
        now_ns = time.monotonic_ns()
        due_ns = self.due.due_ns(book.index, event["u"])
        if self.recording:
            self.receipt_to_applied.append(now_ns - received_ns)
            if due_ns > 0:
                self.intended_to_applied.append(now_ns - due_ns)

    async def _fetch_snapshot(self, book):
        while not self.shutdown.is_set():
            async with self.semaphore:
                snapshot = await self._get_json(f"/api/v3/depth?symbol={book.symbol}&limit=1000")
            if snapshot is not None and self._load(book, snapshot):
                return
            await asyncio.sleep(0.05)

    def _load(self, book, snapshot):
        last_update_id = snapshot["lastUpdateId"]
        if not book.buffered or last_update_id < book.buffered[0]["U"] - 1:
            return False
        book.clear()
        _levels(book.bids, book.bid_prices, snapshot["bids"])
        _levels(book.asks, book.ask_prices, snapshot["asks"])
        book.last_update_id = last_update_id
        applied = 0
        for event in book.buffered:
            if event["u"] > book.last_update_id:
                if event["U"] > book.last_update_id + 1:
                    return False
                book.apply(event)
                applied += 1
        self.applied += applied
        self.discarded += len(book.buffered) - applied
        book.buffered.clear()
        book.buffering = False
        book.live = True
        self.live += 1
        return True

    async def _get_json(self, path):
        host, port = self.args.rest.split("://", 1)[1].rsplit(":", 1)
        try:
            reader, writer = await asyncio.open_connection(host, int(port))
        except OSError:
            return None
        try:
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode("ascii"))
            await writer.drain()
            response = await reader.read()
        finally:
            writer.close()
        head, _, body = response.partition(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 200"):
            return None
        if b"transfer-encoding: chunked" in head.lower():
            body = _unchunk(body)
        return json.loads(body)

    async def _watch_harness(self):
        """Stops at once if the harness that started this process has gone."""
        harness = os.getppid()
        while os.getppid() == harness:
            await asyncio.sleep(0.5)
        os._exit(2)

    async def _control(self):
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        while self.live < self.args.symbols:
            await asyncio.sleep(0.005)
        reply({"event": "ready"})
        while not self.shutdown.is_set():
            line = await reader.readline()
            if not line:
                break
            self._command(line.decode("ascii").strip())
        self.shutdown.set()

    def _command(self, command):
        counts = {"received": self.received, "applied": self.applied, "discarded": self.discarded}
        if command == "count":
            counts["idle"] = self.applied + self.discarded == self.received
        elif command == "begin":
            self.intended_to_applied = array.array("q")
            self.receipt_to_applied = array.array("q")
            self.recording = True
            self.unmatched_base = self.due.unmatched
            self.window = (time.monotonic_ns(), time.process_time_ns(), 0, 0)
        elif command == "end":
            wall0, cpu0, _, _ = self.window
            wall1, cpu1 = time.monotonic_ns(), time.process_time_ns()
            self.window = (wall0, cpu0, wall1, cpu1)
            counts.update(wall_ns=wall1 - wall0, cpu_ns=cpu1 - cpu0)
        elif command == "report":
            self.recording = False
            counts.update(gaps=self.gaps, unmatched=self.due.unmatched - self.unmatched_base,
                          intended_to_applied_file=_write(self.args.work_dir, "intended", self.intended_to_applied),
                          receipt_to_applied_file=_write(self.args.work_dir, "receipt", self.receipt_to_applied))
        elif command == "shutdown":
            self.shutdown_started_ns = time.monotonic_ns()
            self.shutdown.set()
            return
        else:
            counts["error"] = f"unknown command {command}"
        reply(counts)


def _unchunk(body):
    out = bytearray()
    while body:
        size_line, _, rest = body.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out += rest[:size]
        body = rest[size + 2:]
    return bytes(out)


def _write(directory, name, values):
    path = os.path.join(directory, f"asyncio-{name}.bin")
    if sys.byteorder != "little":
        values.byteswap()
    with open(path, "wb") as f:
        values.tofile(f)
    return path


def reply(fields):
    sys.stdout.write(PREFIX + json.dumps(fields) + "\n")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--design", default="asyncio")
    parser.add_argument("--ws", required=True)
    parser.add_argument("--rest", required=True)
    parser.add_argument("--symbols", type=int, required=True)
    parser.add_argument("--connections", type=int, required=True)
    parser.add_argument("--due-table", required=True)
    parser.add_argument("--work-dir", required=True)
    args = parser.parse_args()
    pipeline = DepthPipeline(args)
    asyncio.run(pipeline.run())
    reply({"shutdown": {"shutdown_us": (time.monotonic_ns() - pipeline.shutdown_started_ns) // 1000}})


if __name__ == "__main__":
    main()
