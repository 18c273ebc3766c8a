package io.videostream.formats.table;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** The options of a zeromq table ({@code WITH ('connector' = 'zeromq', ...)}). */
public final class ZmqTableOptions {
    /** What a table's pattern is: how its socket takes part in the stream. */
    public enum Pattern {
        /** Source: subscribe to a publisher (a pystreaming Streamer); connects by default. */
        SUB,
        /** Source: take what workers push (a map-reduce Receiver); binds by default. */
        PULL,
        /** Source: ask a distributor for 'track' (a pystreaming Worker); connects by default. */
        REQ,
        /** Sink: push to a collecting receiver; connects by default. */
        PUSH,
        /** Sink: publish to subscribers; binds by default. */
        PUB
    }

    public static final ConfigOption<String> ENDPOINT = ConfigOptions.key("endpoint").stringType().noDefaultValue()
            .withDescription("The ZeroMQ address, e.g. tcp://127.0.0.1:5555; bind: or connect: before it "
                    + "overrides what the pattern does by default.");

    public static final ConfigOption<Pattern> PATTERN = ConfigOptions.key("pattern").enumType(Pattern.class)
            .noDefaultValue()
            .withDescription("sub, pull or req for a table read from; push or pub for a table written to.");

    public static final ConfigOption<String> TRACK = ConfigOptions.key("track").stringType().defaultValue("none")
            .withDescription("The track a req table asks the distributor for (pystreaming's default: none).");

    public static final ConfigOption<String> FORMAT = ConfigOptions.key("format").stringType()
            .defaultValue("pystreaming")
            .withDescription("The messages' format: pystreaming.");

    private ZmqTableOptions() {}
}
