package io.videostream.connector.zeromq.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

/** Sending and receiving whole multipart messages on a jeromq socket. */
@Internal
public final class Multipart {
    private Multipart() {}

    /**
     * Receives one whole message.
     *
     * @param flags {@link ZMQ#DONTWAIT} to return at once, 0 to wait up to the socket's receive timeout
     * @return the parts, or null if no message came
     */
    public static List<byte[]> receive(ZMQ.Socket socket, int flags) {
        byte[] first = socket.recv(flags);
        if (first == null) {
            return null;
        }
        List<byte[]> parts = new ArrayList<>(5);
        parts.add(first);
        while (socket.hasReceiveMore()) {
            parts.add(socket.recv(0));
        }
        return parts;
    }

    /**
     * Sends a whole message; returns false if the first part could not be queued within the socket's
     * send timeout, or a mandatory ROUTER's peer is gone (the rest of a message always follows its
     * first part).
     */
    public static boolean send(ZMQ.Socket socket, List<byte[]> parts) {
        int last = parts.size() - 1;
        for (int i = 0; i <= last; i++) {
            boolean sent;
            try {
                sent = socket.send(parts.get(i), i < last ? ZMQ.SNDMORE : 0);
            } catch (ZMQException e) {
                if (i == 0 && e.getErrorCode() == ZError.EHOSTUNREACH) {
                    return false; // jeromq throws where libzmq returns EHOSTUNREACH
                }
                throw e;
            }
            if (!sent && i == 0) {
                return false;
            }
        }
        return true;
    }

    /** Total payload size in bytes. */
    public static long size(List<byte[]> parts) {
        long size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        return size;
    }
}
