package io.videostream.connector.zeromq.internal;

import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;

/** Logs a recurring event at most once per interval, with how often it happened since the last line. */
@Internal
public final class RateLimitedLog {
    private final Logger log;
    private final long intervalNanos;
    private long lastNanos;
    private long suppressed;
    private boolean logged;

    public RateLimitedLog(Logger log, long intervalMillis) {
        this.log = log;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    public void warn(String message, Object... args) {
        log(true, message, args);
    }

    public void info(String message, Object... args) {
        log(false, message, args);
    }

    private void log(boolean warn, String message, Object... args) {
        long now = System.nanoTime();
        if (logged && now - lastNanos < intervalNanos) {
            suppressed++;
            return;
        }
        String line = suppressed > 0 ? message + " (and " + suppressed + " more since the last report)" : message;
        if (warn) {
            log.warn(line, args);
        } else {
            log.info(line, args);
        }
        logged = true;
        lastNanos = now;
        suppressed = 0;
    }
}
