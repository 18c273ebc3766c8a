package io.videostream.connector.zeromq.common;

import org.zeromq.ZContext;

/**
 * One ZeroMQ context for all sources and sinks of the connector in a JVM (in a job's class loader on
 * a cluster), as ZeroMQ advises: its one I/O thread serves every socket there, where a context per
 * source and sink would add a thread each, and the thread switches between them.
 *
 * <p>Each user leases a shadow of the context, which owns that user's sockets. The context ends when
 * the last lease is given back, after its sockets have sent what they still hold (each socket's linger).
 */
public final class SharedContext {
    /** The one the connector uses. */
    public static final SharedContext JVM = new SharedContext();

    private ZContext context;
    private int leases;

    SharedContext() {}

    /** A shadow of the shared context, to be given back with {@link #release}. */
    public synchronized ZContext lease() {
        if (context == null) {
            context = new ZContext(1);
        }
        leases++;
        return context.shadow();
    }

    /** Closes the lease's sockets; the last lease given back ends the context. */
    public void release(ZContext lease) {
        lease.close();
        ZContext last;
        synchronized (this) {
            if (--leases > 0) {
                return;
            }
            last = context;
            context = null;
        }
        last.close();
    }
}
