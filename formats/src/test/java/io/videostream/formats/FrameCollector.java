package io.videostream.formats;

import io.videostream.codec.Frame;
import io.videostream.codec.wire.PyStreamingWire;
import io.videostream.connector.zeromq.Peer;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZMQ;

/** A collecting receiver for tests, as pystreaming's map-reduce Receiver: a PULL that binds. */
public final class FrameCollector {
    private FrameCollector() {}

    /** The frames that arrive until STOPSTREAM, or until nothing came for {@code seconds}. */
    public static List<Frame> untilStopstream(ZMQ.Socket pull, String address, int seconds) throws Exception {
        pull.setReceiveTimeOut(seconds * 1000);
        pull.bind(address);
        PyStreamingWire wire = new PyStreamingWire();
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            List<byte[]> parts = Peer.receive(pull);
            Frame frame = parts == null ? null : wire.decode("worker", parts);
            if (frame == null || frame.fno() == PyStreamingWire.STOPSTREAM) {
                break;
            }
            frames.add(frame);
        }
        return frames;
    }
}
