#!/usr/bin/env python3
"""Consumer lag of Kafka consumer groups, with no JVM: python3's standard library speaking Kafka's
wire protocol (three requests a group, on one connection).

  scripts/lib/kafka-lag.py [--bootstrap HOST:PORT] [--partitions] GROUP...
  scripts/lib/kafka-lag.py --self-test     (against a fake broker on 127.0.0.1: no Kafka needed)

Prints "GROUP LAG" a line: the sum over the partitions the group has committed offsets for of
(end offset - committed offset); "GROUP -" when the group could not be read. End offset: the high
watermark (ListOffsets v1, latest), as kafka-consumer-groups --describe shows it. Committed
offsets: OffsetFetch v2 with no topic list (every partition the group committed). The group's
coordinator is found with FindCoordinator v1; the end offsets are asked of the bootstrap broker,
so this fits a one-broker cluster (the local stack); a partition led elsewhere answers an error
and its lag is left out. --partitions: also "  TOPIC PARTITION COMMITTED END LAG" under each group.
Exit 0, or 2 on a wrong argument.
"""
import argparse
import socket
import struct
import sys

FIND_COORDINATOR, OFFSET_FETCH, LIST_OFFSETS = 10, 9, 2
TIMEOUT_S = 5


class Reader:
    """Big-endian fields from a response body."""

    def __init__(self, data):
        self.data, self.at = data, 0

    def take(self, fmt):
        value = struct.unpack_from(fmt, self.data, self.at)
        self.at += struct.calcsize(fmt)
        return value[0]

    def int8(self):
        return self.take(">b")

    def int16(self):
        return self.take(">h")

    def int32(self):
        return self.take(">i")

    def int64(self):
        return self.take(">q")

    def string(self):
        size = self.int16()
        if size < 0:
            return None
        value = self.data[self.at : self.at + size].decode()
        self.at += size
        return value


def string(value):
    data = value.encode()
    return struct.pack(">h", len(data)) + data


class Connection:
    """One broker connection; request() sends a request and returns the response body's Reader."""

    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port), timeout=TIMEOUT_S)
        self.correlation = 0

    def request(self, api_key, version, body):
        self.correlation += 1
        header = struct.pack(">hhi", api_key, version, self.correlation) + string("soak-lag")
        message = header + body
        self.sock.sendall(struct.pack(">i", len(message)) + message)
        size = struct.unpack(">i", self.read(4))[0]
        reader = Reader(self.read(size))
        if reader.int32() != self.correlation:
            raise IOError("response out of order")
        return reader

    def read(self, size):
        data = b""
        while len(data) < size:
            chunk = self.sock.recv(size - len(data))
            if not chunk:
                raise IOError("connection closed")
            data += chunk
        return data

    def close(self):
        self.sock.close()


def coordinator(conn, group):
    """(host, port) of the group's coordinator (FindCoordinator v1)."""
    r = conn.request(FIND_COORDINATOR, 1, string(group) + struct.pack(">b", 0))
    r.int32()  # throttle
    error = r.int16()
    r.string()  # error message
    r.int32()  # node id
    host, port = r.string(), r.int32()
    if error:
        raise IOError(f"FindCoordinator error {error}")
    return host, port


def committed(conn, group):
    """{(topic, partition): committed offset} of the group (OffsetFetch v2, every topic)."""
    r = conn.request(OFFSET_FETCH, 2, string(group) + struct.pack(">i", -1))
    offsets = {}
    for _ in range(r.int32()):
        topic = r.string()
        for _ in range(r.int32()):
            partition, offset = r.int32(), r.int64()
            r.string()  # metadata
            error = r.int16()
            if not error and offset >= 0:
                offsets[(topic, partition)] = offset
    error = r.int16()
    if error:
        raise IOError(f"OffsetFetch error {error}")
    return offsets


def end_offsets(conn, partitions):
    """{(topic, partition): high watermark} (ListOffsets v1, timestamp -1: latest)."""
    by_topic = {}
    for topic, partition in partitions:
        by_topic.setdefault(topic, []).append(partition)
    body = struct.pack(">ii", -1, len(by_topic))
    for topic, numbers in by_topic.items():
        body += string(topic) + struct.pack(">i", len(numbers))
        for number in numbers:
            body += struct.pack(">iq", number, -1)
    r = conn.request(LIST_OFFSETS, 1, body)
    ends = {}
    for _ in range(r.int32()):
        topic = r.string()
        for _ in range(r.int32()):
            partition, error = r.int32(), r.int16()
            r.int64()  # timestamp
            offset = r.int64()
            if not error:
                ends[(topic, partition)] = offset
    return ends


def lag(host, port, group, detail=None):
    """The group's summed lag, or None when it cannot be read; detail, a list, gets a
    (topic, partition, committed, end) per partition."""
    try:
        conn = Connection(host, port)
        try:
            target = coordinator(conn, group)
            if target != (host, port):
                conn.close()
                conn = Connection(*target)
            offsets = committed(conn, group)
            ends = end_offsets(conn, offsets) if offsets else {}
        finally:
            conn.close()
    except (OSError, struct.error, UnicodeDecodeError):
        return None
    if detail is not None:
        detail.extend((t, p, offsets[(t, p)], ends.get((t, p))) for t, p in sorted(offsets))
    return sum(max(ends[p] - offsets[p], 0) for p in offsets if p in ends)


def fake_broker(listener, groups, ends):
    """Answers FindCoordinator (itself), OffsetFetch (groups: {group: {(topic, p): offset}}) and
    ListOffsets (ends: {(topic, p): end}) on one accepted connection at a time, until closed."""
    port = listener.getsockname()[1]
    while True:
        try:
            sock, _ = listener.accept()
        except OSError:
            return
        with sock:
            while True:
                head = sock.recv(4)
                if len(head) < 4:
                    break
                size = struct.unpack(">i", head)[0]
                data = b""
                while len(data) < size:
                    data += sock.recv(size - len(data))
                r = Reader(data)
                api, _version, correlation = r.int16(), r.int16(), r.int32()
                r.string()  # client id
                if api == FIND_COORDINATOR:
                    body = struct.pack(">ih", 0, 0) + struct.pack(">h", -1) + struct.pack(">i", 1)
                    body += string("127.0.0.1") + struct.pack(">i", port)
                elif api == OFFSET_FETCH:
                    offsets = groups.get(r.string(), {})
                    by_topic = {}
                    for (topic, partition), offset in offsets.items():
                        by_topic.setdefault(topic, []).append((partition, offset))
                    body = struct.pack(">i", len(by_topic))
                    for topic, parts in by_topic.items():
                        body += string(topic) + struct.pack(">i", len(parts))
                        for partition, offset in parts:
                            body += struct.pack(">iq", partition, offset) + struct.pack(">h", -1) + struct.pack(">h", 0)
                    body += struct.pack(">h", 0)
                else:
                    r.int32()  # replica id
                    body = b""
                    topics = r.int32()
                    body += struct.pack(">i", topics)
                    for _ in range(topics):
                        topic = r.string()
                        count = r.int32()
                        body += string(topic) + struct.pack(">i", count)
                        for _ in range(count):
                            partition = r.int32()
                            r.int64()
                            known = (topic, partition) in ends
                            body += struct.pack(">ihqq", partition, 0 if known else 6, -1, ends.get((topic, partition), -1))
                reply = struct.pack(">i", correlation) + body
                sock.sendall(struct.pack(">i", len(reply)) + reply)


def self_test():
    """The protocol code against a fake broker: a lag summed over partitions, a group with none."""
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    groups = {"g": {("t", 0): 10, ("t", 1): 20, ("u", 0): 5, ("gone", 0): 1}}
    ends = {("t", 0): 15, ("t", 1): 20, ("u", 0): 12}
    threading.Thread(target=fake_broker, args=(listener, groups, ends), daemon=True).start()
    assert lag("127.0.0.1", port, "g") == 5 + 0 + 7, lag("127.0.0.1", port, "g")
    assert lag("127.0.0.1", port, "empty") == 0
    listener.close()
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    free = closed.getsockname()[1]
    closed.close()
    assert lag("127.0.0.1", free, "g") is None
    print("kafka-lag self-test: passed")


def main():
    parser = argparse.ArgumentParser(description="Summed consumer lag of Kafka groups, no JVM.")
    parser.add_argument("--bootstrap", default="127.0.0.1:9092", help="HOST:PORT (default 127.0.0.1:9092)")
    parser.add_argument("--partitions", action="store_true", help="each partition's offsets too")
    parser.add_argument("--self-test", action="store_true", help="test against a fake broker")
    parser.add_argument("groups", nargs="*", metavar="GROUP")
    args = parser.parse_args()
    if args.self_test:
        self_test()
        return 0
    if not args.groups:
        parser.error("name at least one GROUP")
    host, _, port = args.bootstrap.rpartition(":")
    if not host or not port.isdigit():
        parser.error(f"--bootstrap must be HOST:PORT, got '{args.bootstrap}'")
    for group in args.groups:
        detail = [] if args.partitions else None
        value = lag(host, int(port), group, detail)
        print(group, "-" if value is None else value)
        for topic, partition, offset, end in detail or []:
            behind = "-" if end is None else max(end - offset, 0)
            print(f"  {topic} {partition} {offset} {'-' if end is None else end} {behind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
