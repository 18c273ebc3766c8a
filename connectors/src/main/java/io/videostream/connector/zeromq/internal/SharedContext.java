package io.videostream.connector.zeromq.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/**
 * One ZeroMQ context for all sources and sinks of the connector in a JVM (in a job's class loader on
 * a cluster), as ZeroMQ advises: its one I/O thread serves every socket there, where a context per
 * source and sink would add a thread each, and the thread switches between them.
 *
 * <p>Each user holds a {@link Lease}: a shadow of the context, which owns that user's sockets. The
 * context ends when the last lease is closed, after its sockets have sent what they still hold (each
 * socket's linger).
 *
 * <p>If a thread of the context dies (jeromq's I/O thread ends on an {@link Error} such as running out
 * of memory), none of its sockets moves a message again. Every lease of it then fails its holder
 * ({@link Lease#checkAlive}), so Flink restarts the tasks, and the next lease starts a fresh context.
 * The dead context is left to the garbage collector: closing it would wait forever for the dead thread.
 * What the dead thread held open, the listening sockets of bound endpoints among them, is closed
 * ({@link DeadPoller}): otherwise a restarted source or sink could not bind its endpoint again.
 */
@Internal
public final class SharedContext {
    /** The one the connector uses. */
    public static final SharedContext JVM = new SharedContext();

    private static final Logger LOG = LoggerFactory.getLogger(SharedContext.class);

    private Generation current;

    SharedContext() {}

    /** A lease of the shared context, to be closed when its sockets are no longer needed. */
    public synchronized Lease lease() {
        if (current == null || current.failure != null) {
            current = new Generation();
        }
        current.leases++;
        return new Lease(current);
    }

    private synchronized void release(Generation generation) {
        if (--generation.leases > 0) {
            return;
        }
        if (generation == current) {
            current = null;
        }
        if (generation.failure == null) {
            generation.context.close();
        } else {
            LOG.warn("Left the ZeroMQ context whose thread died behind without closing it (closing would wait for "
                    + "that thread forever)");
        }
    }

    /**
     * Sockets one context may hold: ZeroMQ's default, 1024, is reached by a worker asking 100
     * distributors with 8 requests in flight each (a REQ socket and its monitor per request: 1600,
     * measured), and the next socket then fails with a bare error number. Each socket costs a pipe's
     * two file descriptors besides its connection.
     */
    public static final int MAX_SOCKETS = 16_384;

    /** One context and the leases of it. */
    private static final class Generation {
        final ZContext context = new ZContext(1);
        /** The context's threads and what each runs (jeromq's pollers). */
        final Map<Thread, Runnable> threads = new ConcurrentHashMap<>();
        int leases;
        volatile Throwable failure;

        Generation() {
            context.getContext().setMaxSockets(MAX_SOCKETS);
            // Before the first socket: the context's threads are made then.
            context.setThreadFactor((target, name) -> {
                Thread thread = new Thread(target, name);
                thread.setDaemon(true);
                thread.setUncaughtExceptionHandler(this::died);
                threads.put(thread, target);
                return thread;
            });
        }

        private void died(Thread thread, Throwable error) {
            failure = error;
            LOG.error("ZeroMQ's thread {} died; every source and sink on it fails so that Flink restarts them",
                    thread.getName(), error);
            DeadPoller.closeWhatItHeld(thread.getName(), threads.get(thread));
        }
    }

    /** A shadow of the shared context for one source reader or sink writer. */
    public final class Lease implements AutoCloseable {
        private final Generation generation;
        private final ZContext shadow;
        private boolean closed;

        private Lease(Generation generation) {
            this.generation = generation;
            this.shadow = generation.context.shadow();
        }

        /** The context to create this holder's sockets in (they close with the lease). */
        public ZContext context() {
            return shadow;
        }

        /** Throws if a thread of the context has died: its sockets are dead too. */
        public void checkAlive() {
            Throwable failure = generation.failure;
            if (failure != null) {
                // Not chained: Flink would take an Error among the causes for its own and end the TaskManager.
                throw new IllegalStateException("ZeroMQ's I/O thread died (" + failure + "); no socket of this "
                        + "JVM's ZeroMQ context moves messages any more");
            }
        }

        /** Closes this lease's sockets; the last lease of a context ends it. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            shadow.close();
            release(generation);
        }
    }
}
