#!/usr/bin/env python3
"""Python peers that speak imagezmq's wire format the way imagezmq does (pyzmq, send_json + send).

imagezmq's message is two parts: a JSON header ({"msg": NAME} for send_jpg, with "dtype" and "shape"
for send_image's numpy array) and the payload. By default the sender's REQ connects to the hub's REP
and waits for its reply (b'OK') after every image; with REQ_REP=False the sender binds a PUB. Every
role ends by itself and prints its result as JSON.

  imagezmq_peer.py senders ENDPOINT COUNT JPEG [KEYS]  two REQ senders, 'rpi-jpg' (send_jpg) and 'rpi-raw'
                                                       (send_image, a 64x48 BGR array), COUNT images each
  imagezmq_peer.py pub     ENDPOINT COUNT JPEG [KEYS]  one PUB sender, 'rpi-pub' (send_jpg), COUNT images 50 ms apart

With KEYS, a directory of pyzmq's certificates, every socket is secured with CURVE as a pyzmq user
does it: a sender that connects is a client with KEYS/camera.key_secret of the server KEYS/hub.key; a
sender that binds is the server with KEYS/camera.key_secret, letting in the clients of KEYS/clients
(pyzmq's authenticator).
"""
import json
import sys
import time

import zmq
import zmq.auth
from zmq.auth.thread import ThreadAuthenticator

TIMEOUT_MS = 30000


def send_jpg(socket, name, jpeg):
    socket.send_json({"msg": name}, zmq.SNDMORE)
    socket.send(jpeg)


def send_image(socket, name, height, width):
    # numpy's C-contiguous uint8 array, as imagezmq's send_array writes it; numpy is not needed for that
    socket.send_json({"msg": name, "dtype": "uint8", "shape": [height, width, 3]}, zmq.SNDMORE)
    socket.send(bytes((x * 7) % 256 for x in range(height * width * 3)))


def curve_client(socket, keys):
    if keys:
        socket.curve_publickey, socket.curve_secretkey = zmq.auth.load_certificate(keys + "/camera.key_secret")
        socket.curve_serverkey = zmq.auth.load_certificate(keys + "/hub.key")[0]


def curve_server(context, socket, keys):
    if keys:
        auth = ThreadAuthenticator(context)
        auth.start()
        auth.configure_curve(domain="*", location=keys + "/clients")
        socket.curve_publickey, socket.curve_secretkey = zmq.auth.load_certificate(keys + "/camera.key_secret")
        socket.curve_server = True
        return auth
    return None


def senders(context, endpoint, count, jpeg, keys):
    sockets = {}
    for name in ("rpi-jpg", "rpi-raw"):
        socket = context.socket(zmq.REQ)
        socket.rcvtimeo = TIMEOUT_MS
        curve_client(socket, keys)
        socket.connect(endpoint)
        sockets[name] = socket
    replies = []
    for _ in range(count):
        send_jpg(sockets["rpi-jpg"], "rpi-jpg", jpeg)
        replies.append(sockets["rpi-jpg"].recv().decode())
        send_image(sockets["rpi-raw"], "rpi-raw", 48, 64)
        replies.append(sockets["rpi-raw"].recv().decode())
    return {"replies": replies}


def pub(context, endpoint, count, jpeg, keys):
    socket = context.socket(zmq.PUB)
    auth = curve_server(context, socket, keys)
    socket.bind(endpoint)
    for _ in range(count):
        send_jpg(socket, "rpi-pub", jpeg)
        time.sleep(0.05)
    socket.close(linger=1000)
    if auth:
        auth.stop()
    return {"sent": count}


def main():
    role, endpoint, count, jpeg_file = sys.argv[1:5]
    keys = sys.argv[5] if len(sys.argv) > 5 else None
    with open(jpeg_file, "rb") as f:
        jpeg = f.read()
    context = zmq.Context()
    result = {"senders": senders, "pub": pub}[role](context, endpoint, int(count), jpeg, keys)
    context.destroy(linger=1000)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
