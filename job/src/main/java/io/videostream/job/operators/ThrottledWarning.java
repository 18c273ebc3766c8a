package io.videostream.job.operators;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * A warning about a problem that can recur with every frame (a bad JPEG, a clock that jumps): logged
 * at most once every 10 s, each line saying how many were kept quiet since the one before.
 */
public final class ThrottledWarning {
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Logger log;
    private long quietUntil;
    private boolean loggedOnce;
    private long keptQuiet;

    public ThrottledWarning(Logger log) {
        this.log = log;
    }

    /** Logs the warning (an SLF4J format and its arguments) unless the last one is less than 10 s old. */
    public void warn(String format, Object... args) {
        long now = System.nanoTime();
        if (loggedOnce && now - quietUntil < 0) {
            keptQuiet++;
            return;
        }
        log.warn(keptQuiet == 0 ? format : format + " (" + keptQuiet + " more like it since the last line)", args);
        loggedOnce = true;
        quietUntil = now + QUIET_NANOS;
        keptQuiet = 0;
    }
}
