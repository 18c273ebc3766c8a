#!/usr/bin/env python3
"""A live network camera for the tests: GStreamer's RTSP server (Debian's gir1.2-gst-rtsp-server-1.0)
serving a moving test picture as H.264, as IP cameras do.

  rtsp_camera.py PORT [WIDTH HEIGHT FPS]   serves rtsp://127.0.0.1:PORT/cam, prints "ready", and runs
                                           until killed (or for 10 minutes at most)
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def main():
    port = sys.argv[1]
    width, height, fps = (sys.argv[2:5] + ["320", "240", "30"][len(sys.argv[2:5]):])
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(
        f"( videotestsrc is-live=true pattern=ball ! video/x-raw,width={width},height={height},framerate={fps}/1 "
        f"! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} ! rtph264pay name=pay0 pt=96 )")
    factory.set_shared(True)
    server.get_mount_points().add_factory("/cam", factory)
    server.attach(None)
    loop = GLib.MainLoop()
    GLib.timeout_add_seconds(600, loop.quit)
    print("ready", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
