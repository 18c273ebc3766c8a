#!/usr/bin/env python3
"""A Python peer that speaks pystreaming's wire format the way pystreaming does (pyzmq, send_pyobj).

Used by the interop tests. Every role ends by itself: at end of stream, or after TIMEOUT_MS of silence.

  pystreaming_peer.py streamer    ENDPOINT COUNT JPEG STOP_JPEG   PUB: COUNT frames, then STOPSTREAM
  pystreaming_peer.py collector   ENDPOINT                        PULL (binds): prints what arrived as JSON
  pystreaming_peer.py distributor ENDPOINT COUNT JPEG STOP_JPEG TRACKS   REP: serves each track COUNT frames, then
                                  STOPSTREAM once, as pystreaming's distributor does
  pystreaming_peer.py worker      ENDPOINT TRACK                  REQ: asks for frames until STOPSTREAM
"""
import json
import sys
import time

import zmq

STOPSTREAM, FRAMEMISS, TRACKMISS = -1, -2, -3
TIMEOUT_MS = 30000


def send_frame(socket, buf, meta, ftime, fno):
    """What pystreaming's send() does: the JPEG bytes, then three pickled objects."""
    socket.send(buf, zmq.SNDMORE)
    socket.send_pyobj(meta, zmq.SNDMORE)
    socket.send_pyobj(ftime, zmq.SNDMORE)
    socket.send_pyobj(fno)


def recv_frame(socket):
    """What pystreaming's recv() does: the JPEG bytes, then three unpickled objects."""
    buf = socket.recv()
    meta = socket.recv_pyobj()
    ftime = socket.recv_pyobj()
    fno = socket.recv_pyobj()
    return buf, meta, ftime, fno


def streamer(context, endpoint, count, jpeg, stop_jpeg):
    # XPUB instead of pystreaming's PUB only to learn when the subscriber is there.
    socket = context.socket(zmq.XPUB)
    socket.bind(endpoint)
    socket.setsockopt(zmq.RCVTIMEO, TIMEOUT_MS)
    socket.recv()  # the subscription
    for fno in range(count):
        send_frame(socket, jpeg, None, time.time(), fno)
        time.sleep(0.002)
    send_frame(socket, stop_jpeg, None, time.time(), STOPSTREAM)
    time.sleep(0.5)
    return {"sent": count}


def collector(context, endpoint):
    """Also decodes every frame as pystreaming's Receiver does (cv2.imdecode): its shape, its mean, whether it is grey."""
    import cv2
    import numpy

    socket = context.socket(zmq.PULL)
    socket.bind(endpoint)
    socket.setsockopt(zmq.RCVTIMEO, TIMEOUT_MS)
    got = {"fnos": [], "metas": [], "sizes": [], "shapes": [], "means": [], "grey": [], "ended": False}
    while True:
        buf, meta, ftime, fno = recv_frame(socket)
        if fno == STOPSTREAM:
            got["ended"] = True
            return got
        image = cv2.imdecode(numpy.frombuffer(buf, dtype=numpy.uint8), cv2.IMREAD_COLOR)
        spread = image.max(axis=2).astype(int) - image.min(axis=2).astype(int)
        got["fnos"].append(fno)
        got["metas"].append(meta)
        got["sizes"].append(len(buf))
        got["shapes"].append(list(image.shape))
        got["means"].append(float(image.mean()))
        got["grey"].append(bool(spread.max() < 12))


def distributor(context, endpoint, count, jpeg, stop_jpeg, tracks):
    """As pystreaming's distributor: every frame joins every track's queue, a request is answered the
    newest frame of its track's queue, FRAMEMISS when it is empty, TRACKMISS for an unknown track. The
    end of stream is queued like a frame, so one request per track gets it and later ones FRAMEMISS;
    the distributor goes away a second after queueing it, as pystreaming's Streamer stops then. The
    frames are queued one every 2 ms from the first request on (a real Streamer starts at once and
    drops what nobody takes)."""
    socket = context.socket(zmq.REP)
    socket.bind(endpoint)
    queues = {track: [] for track in tracks}
    served = {track: 0 for track in tracks}
    requests, misses_after_end = [], 0
    queued, next_at, close_at = 0, None, None
    last_request = time.time()
    while close_at is None or time.time() < close_at:
        now = time.time()
        if next_at is not None and close_at is None and now >= next_at:
            if queued < count:
                for queue in queues.values():
                    queue.append((jpeg, now, queued))
                queued += 1
                next_at = now + 0.002
            else:
                for queue in queues.values():
                    queue.append((stop_jpeg, now, STOPSTREAM))
                close_at = now + 1.0
        if not socket.poll(1):
            if now - last_request > TIMEOUT_MS / 1000:
                break
            continue
        track = socket.recv().decode()
        last_request = time.time()
        requests.append(track)
        next_at = next_at or last_request
        if track not in queues:
            send_frame(socket, b"nil", None, 0.0, TRACKMISS)
        elif queues[track]:
            buf, ftime, fno = queues[track].pop()
            served[track] += fno >= 0
            send_frame(socket, buf, None, ftime, fno)
        else:
            misses_after_end += close_at is not None
            send_frame(socket, b"nil", None, 0.0, FRAMEMISS)
    return {"served": served, "tracks_asked": sorted(set(requests)), "misses_after_end": misses_after_end}


def worker(context, endpoint, track):
    socket = context.socket(zmq.REQ)
    socket.connect(endpoint)
    socket.setsockopt(zmq.RCVTIMEO, TIMEOUT_MS)
    got = {"fnos": [], "misses": 0, "ended": False}
    while True:
        socket.send(track.encode())
        buf, meta, ftime, fno = recv_frame(socket)
        if fno == STOPSTREAM:
            got["ended"] = True
            return got
        if fno == TRACKMISS:
            got["trackmiss"] = True
            return got
        if fno == FRAMEMISS:
            got["misses"] += 1
            time.sleep(0.01)
            continue
        got["fnos"].append(fno)


def main(argv):
    role, endpoint = argv[1], argv[2]
    context = zmq.Context()
    try:
        if role == "streamer":
            result = streamer(context, endpoint, int(argv[3]), read(argv[4]), read(argv[5]))
        elif role == "collector":
            result = collector(context, endpoint)
        elif role == "distributor":
            result = distributor(context, endpoint, int(argv[3]), read(argv[4]), read(argv[5]), argv[6].split(","))
        elif role == "worker":
            result = worker(context, endpoint, argv[3])
        else:
            sys.exit(__doc__)
        print(json.dumps(result), flush=True)
    finally:
        context.destroy(linger=1000)


def read(path):
    with open(path, "rb") as f:
        return f.read()


if __name__ == "__main__":
    main(sys.argv)
