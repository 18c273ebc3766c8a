package io.videostream.job.cli;

import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.job.processors.Processors;

/**
 * The flags several jobs take, declared once; a job that explains one its own way lists it
 * {@link Flag#explained explained}. Flags of one job only are declared by that job.
 */
public final class Flags {
    public static final Flag FRAMES = Flag.of("frames", "N", null,
            "end after N frames (default: at the end of stream)");
    public static final Flag QUALITY = Flag.of("quality", "1-100", String.valueOf(JpegSettings.DEFAULT.quality()),
            "JPEG quality, as pystreaming's");
    public static final Flag CODEC = Flag.of("codec", "auto|turbojpeg|opencv", "auto",
            "the JPEG codec, as videostream.jpeg.codec: auto is TurboJPEG when libturbojpeg0 is installed, else OpenCV");
    public static final Flag PARALLELISM = Flag.of("parallelism", "N", "2", "parallel instances of each operator");

    public static final Flag CARD = Flag.of("card", "NAME", "IMAG_S",
            "TEST_S|TEST_M|TEST_L (colour bars) or IMAG_S|IMAG_M|IMAG_L (image): 640x480, 1280x720, 1920x1080");
    public static final Flag ANIMATED = Flag.toggle("animated", "rotate the card 3 degrees a frame");
    public static final Flag FPS = Flag.of("fps", "FPS", "30", "frames per second of the card");

    public static final Flag PROCESSOR = Flag.of("processor", "NAME", "identity", Processors.names()
            + "; class:NAME is a FrameProcessor of one's own, from the jar given with --processor-jar");
    public static final Flag PROCESSOR_JAR = Flag.of("processor-jar", "FILE", null,
            "the jar of --processor class:NAME, shipped with the job to the TaskManagers");

    public static final Flag BUFFERLEN = Flag.of("bufferlen", "SECONDS", "0.5",
            "how long a frame waits for a missing one before it, to be put in capture order, as pystreaming's");
    public static final Flag PREVIEW_PORT = Flag.of("preview-port", "PORT", "8090",
            "the live preview at http://localhost:PORT/, 0 for none");
    public static final Flag PREVIEW_BIND = Flag.of("preview-bind", "ADDRESS", "127.0.0.1",
            "the preview's address, loopback by default: 0.0.0.0 or this machine's address or name to view it from "
                    + "another machine, where whoever reaches it sees the streams and can stop them");
    public static final Flag WINDOW = Flag.toggle("window",
            "also show the frames in a desktop window (needs a display); ESC or closing it stops");
    public static final Flag FPS_OVERLAY = Flag.toggle("fps-overlay",
            "write each stream's frames per second onto its frames (as pystreaming's write=True)");

    public static final Flag SOURCES = Flag.of("sources", "FILE", null,
            "a file of endpoints instead of the flag before: one a line, optionally followed by the stream's name "
                    + "(the endpoint's address otherwise)");
    public static final Flag FORMAT = Flag.of("format", "pystreaming|imagezmq", "pystreaming",
            "imagezmq: senders' frames named by the sender, capture time their arrival");
    public static final Flag SOURCE_PATTERN = Flag.of("source-pattern", "PATTERN", null,
            "with --format imagezmq: rep (the default: a hub that binds and answers each frame once taken, as "
                    + "imagezmq's ImageHub) or sub (to a sender's PUB)");
    public static final Flag IGNORE_STOPSTREAM = Flag.toggle("ignore-stopstream",
            "do not end at a peer's STOPSTREAM: a long-lived service, which only --frames or cancelling ends (by "
                    + "default any peer that reaches the endpoint can end the run)");

    public static final Flag TRANSPORT = Flag.of("transport", "jeromq|libzmq", null,
            "jeromq (pure Java, the default for plain sockets) or libzmq (native; needs libzmq5 on every "
                    + "TaskManager; the transport of CURVE)");
    public static final Flag CURVE_CERT = Flag.of("curve-cert", "FILE", null,
            "encrypt and authenticate every connection with CURVE (native libzmq): this side's secret certificate "
                    + "(NAME.key_secret, from videostream keys or pyzmq)");
    public static final Flag CURVE_CLIENTS = Flag.of("curve-clients", "DIR", null,
            "a directory of the public certificates (*.key) of the clients let in, for an endpoint that binds; any "
                    + "other client is refused and counted (authFailures)");
    public static final Flag CURVE_SERVER = Flag.of("curve-server", "FILE[,FILE]", null,
            "the public certificate (.key) of the server each endpoint that connects reaches: one for all, or one "
                    + "per such endpoint, in their order");

    private Flags() {}
}
