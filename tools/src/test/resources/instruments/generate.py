#!/usr/bin/env python3
"""Writes the mixed-precision recordings of this folder; see README.md. Deterministic: run it again and the
files come out byte for byte the same. Needs only the Python 3 standard library."""
import json
import random
import zlib
from decimal import Decimal

T0 = 1733500000.0


def fmt(value, decimals):
    return f"{value:.{decimals}f}"


def binance():
    rnd = random.Random(14)
    # symbol: (tick decimals, step decimals, mid price in ticks, typical quantity)
    spec = {"SHIBUSDT": (8, 2, 2_234, 9_876_543_210_900), "PEPEUSDT": (10, 2, 98_765, 1_200_000_000)}
    books = {}
    ws = ["wss://stream.binance.com:9443/stream?streams=shibusdt@depth@100ms/pepeusdt@depth@100ms/"
          "shibusdt@bookTicker/pepeusdt@bookTicker <-> %.6f" % T0]
    http = []
    ts = T0
    last_id = {"SHIBUSDT": 4_009_000_000, "PEPEUSDT": 1_200_000_000}
    for sym, (pd, qd, mid, qty) in spec.items():
        bids = {mid - i: qty + rnd.randrange(0, 10_000) * 100 for i in range(1, 21)}
        asks = {mid + i: qty + rnd.randrange(0, 10_000) * 100 for i in range(1, 21)}
        books[sym] = (bids, asks)
        ts += 0.05
        body = {"lastUpdateId": last_id[sym],
                "bids": [[fmt(Decimal(p).scaleb(-pd), pd), fmt(Decimal(q).scaleb(-qd), qd)] for p, q in sorted(bids.items(), reverse=True)],
                "asks": [[fmt(Decimal(p).scaleb(-pd), pd), fmt(Decimal(q).scaleb(-qd), qd)] for p, q in sorted(asks.items())]}
        http.append("https://api.binance.com/api/v3/depth?symbol=%s&limit=1000 -> %.6f: %s"
                    % (sym, ts, json.dumps(body, separators=(",", ":"))))
    first = True
    for n in range(60):
        for sym, (pd, qd, mid, qty) in spec.items():
            bids, asks = books[sym]
            ts += 0.1
            start = last_id[sym] + (0 if first else 1)
            end = last_id[sym] + rnd.randrange(1, 4)
            b, a = [], []
            for _ in range(rnd.randrange(1, 4)):
                side, book = (b, bids) if rnd.random() < 0.5 else (a, asks)
                if book is bids:
                    price = mid - rnd.randrange(1, 25)
                else:
                    price = mid + rnd.randrange(1, 25)
                q = 0 if rnd.random() < 0.2 and price in book and len(book) > 5 else qty + rnd.randrange(0, 10_000) * 100
                if any(lvl[0] == price for lvl in side):
                    continue
                side.append((price, q))
                if q == 0:
                    book.pop(price, None)
                else:
                    book[price] = q
            last_id[sym] = end
            data = {"e": "depthUpdate", "E": int(ts * 1000), "s": sym, "U": start, "u": end,
                    "b": [[fmt(Decimal(p).scaleb(-pd), pd), fmt(Decimal(q).scaleb(-qd), qd)] for p, q in b],
                    "a": [[fmt(Decimal(p).scaleb(-pd), pd), fmt(Decimal(q).scaleb(-qd), qd)] for p, q in a]}
            ws.append("%.6f: %s" % (ts, json.dumps({"stream": sym.lower() + "@depth@100ms", "data": data},
                                                   separators=(",", ":"))))
            if n % 7 == 3:
                bp, ap = max(bids), min(asks)
                ticker = {"u": end, "s": sym, "b": fmt(Decimal(bp).scaleb(-pd), pd), "B": fmt(Decimal(bids[bp]).scaleb(-qd), qd),
                          "a": fmt(Decimal(ap).scaleb(-pd), pd), "A": fmt(Decimal(asks[ap]).scaleb(-qd), qd)}
                ws.append("%.6f: %s" % (ts + 0.001, json.dumps({"stream": sym.lower() + "@bookTicker", "data": ticker},
                                                               separators=(",", ":"))))
        first = False
    return ws, http


def kraken_digits(text):
    return text.replace(".", "").lstrip("0")


def kraken_checksum(bids, asks, pd, qd):
    """Kraken's documented book checksum (WebSocket v2): the top 10 asks low to high, then the top 10 bids high
    to low, each price then quantity printed at the pair's precisions with the point and leading zeros
    removed, concatenated; CRC32 of that text, unsigned."""
    text = ""
    for p in sorted(asks)[:10]:
        text += kraken_digits(fmt(Decimal(p).scaleb(-pd), pd)) + kraken_digits(fmt(Decimal(asks[p]).scaleb(-qd), qd))
    for p in sorted(bids, reverse=True)[:10]:
        text += kraken_digits(fmt(Decimal(p).scaleb(-pd), pd)) + kraken_digits(fmt(Decimal(bids[p]).scaleb(-qd), qd))
    return zlib.crc32(text.encode("ascii")) & 0xFFFFFFFF


def kraken_number(mantissa, decimals):
    # v2 sends bare JSON numbers; trailing zeros are not significant there, as on the wire
    text = fmt(Decimal(mantissa).scaleb(-decimals), decimals)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def kraken():
    rnd = random.Random(18)
    depth = 10
    spec = {"BTC/USD": (1, 8, 670_125, 50_000_000), "ETH/USD": (2, 8, 345_678, 225_000_000)}
    ws = ["wss://ws.kraken.com/v2 <-> %.6f" % T0,
          "wss://ws.kraken.com/v2 <- %.6f: %s" % (T0 + 0.01, json.dumps(
              {"method": "subscribe", "params": {"channel": "book", "symbol": list(spec), "depth": depth}},
              separators=(",", ":")))]
    ts = T0 + 0.1
    books = {}

    def stamp(t):
        import datetime
        return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def level(p, q, pd, qd):
        return '{"price":%s,"qty":%s}' % (kraken_number(p, pd), kraken_number(q, qd))

    for sym, (pd, qd, mid, qty) in spec.items():
        bids = {mid - i * 5: qty + rnd.randrange(0, 1000) * 1000 for i in range(1, depth + 1)}
        asks = {mid + i * 5: qty + rnd.randrange(0, 1000) * 1000 for i in range(1, depth + 1)}
        books[sym] = (bids, asks)
        ts += 0.05
        ws.append('%.6f: {"channel":"book","type":"snapshot","data":[{"symbol":"%s","bids":[%s],"asks":[%s],'
                  '"checksum":%d}]}' % (ts, sym,
                                       ",".join(level(p, bids[p], pd, qd) for p in sorted(bids, reverse=True)),
                                       ",".join(level(p, asks[p], pd, qd) for p in sorted(asks)),
                                       kraken_checksum(bids, asks, pd, qd)))
    for n in range(80):
        sym = list(spec)[n % 2]
        pd, qd, mid, qty = spec[sym]
        bids, asks = books[sym]
        ts += 0.05
        b, a = [], []
        for _ in range(rnd.randrange(1, 4)):
            is_bid = rnd.random() < 0.5
            book, side = (bids, b) if is_bid else (asks, a)
            price = mid - rnd.randrange(1, 60) if is_bid else mid + rnd.randrange(1, 60)
            if any(p == price for p, _ in side):
                continue
            q = 0 if price in book and rnd.random() < 0.3 else qty + rnd.randrange(0, 1000) * 1000
            side.append((price, q))
            if q == 0:
                book.pop(price, None)
            else:
                book[price] = q
        # truncate to the subscribed depth, as a client must; Kraken sends no deletes for levels out of scope
        for book, best_first in ((bids, sorted(bids, reverse=True)), (asks, sorted(asks))):
            for p in best_first[depth:]:
                del book[p]
        # the venue fills a side back up to the depth with the next level, as it does after a delete
        for is_bid, book, side in ((True, bids, b), (False, asks, a)):
            while len(book) < depth:
                edge = (min(book) - 5) if is_bid else (max(book) + 5)
                q = qty + rnd.randrange(0, 1000) * 1000
                book[edge] = q
                side.append((edge, q))
        ws.append('%.6f: {"channel":"book","type":"update","data":[{"symbol":"%s","bids":[%s],"asks":[%s],'
                  '"checksum":%d,"timestamp":"%s"}]}' % (ts, sym,
                                                         ",".join(level(p, q, pd, qd) for p, q in b),
                                                         ",".join(level(p, q, pd, qd) for p, q in a),
                                                         kraken_checksum(bids, asks, pd, qd), stamp(ts)))
    return ws


if __name__ == "__main__":
    ws, http = binance()
    with open("binance_spot_shib_pepe.ws.txt", "w") as f:
        f.write("\n".join(ws) + "\n")
    with open("binance_spot_shib_pepe.http.txt", "w") as f:
        f.write("\n".join(http) + "\n")
    with open("kraken_v2_btc_eth.ws.txt", "w") as f:
        f.write("\n".join(kraken()) + "\n")
