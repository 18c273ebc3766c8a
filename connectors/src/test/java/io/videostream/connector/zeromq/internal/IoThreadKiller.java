package io.videostream.connector.zeromq.internal;

import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Makes the shared context's I/O thread die as it does when direct memory runs out: an {@link Error}
 * thrown where it allocates a message that a peer announced. A test peer sends one message over TCP
 * to a socket of the lease whose allocator throws.
 */
public final class IoThreadKiller {
    private IoThreadKiller() {}

    /** Kills the I/O thread of the lease's context and waits until the lease reports it. */
    public static void kill(SharedContext.Lease lease) throws InterruptedException {
        ZMQ.Socket victim = lease.context().createSocket(SocketType.PULL);
        victim.setMsgAllocator(size -> {
            throw new OutOfMemoryError("test: no direct buffer memory for a message of " + size + " bytes");
        });
        int port = victim.bindToRandomPort("tcp://127.0.0.1");
        try (ZContext peer = new ZContext(1)) {
            ZMQ.Socket push = peer.createSocket(SocketType.PUSH);
            push.setHandshakeIvl(300);
            push.setLinger(0);
            push.connect("tcp://127.0.0.1:" + port);
            push.send("this message kills the receiving I/O thread");
            for (int i = 0; i < 200 && alive(lease); i++) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        if (alive(lease)) {
            throw new AssertionError("the I/O thread did not die");
        }
    }

    private static boolean alive(SharedContext.Lease lease) {
        try {
            lease.checkAlive();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** One message from a PUSH to a PULL socket of the context over TCP: needs a live I/O thread. */
    public static String roundTrip(ZContext context) {
        ZMQ.Socket pull = context.createSocket(SocketType.PULL);
        pull.setReceiveTimeOut(5000);
        int port = pull.bindToRandomPort("tcp://127.0.0.1");
        ZMQ.Socket push = context.createSocket(SocketType.PUSH);
        push.connect("tcp://127.0.0.1:" + port);
        push.send("still alive");
        String received = pull.recvStr();
        context.destroySocket(push);
        context.destroySocket(pull);
        return received;
    }
}
