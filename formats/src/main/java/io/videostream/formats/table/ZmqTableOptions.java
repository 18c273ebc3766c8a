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
        /** Source, imagezmq: a hub that senders' REQs connect to, answered once a frame is taken; binds by default. */
        REP,
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
            .withDescription("sub, pull or req (pystreaming), rep or sub (imagezmq) for a table read from; push or "
                    + "pub for a table written to.");

    public static final ConfigOption<String> TRACK = ConfigOptions.key("track").stringType().defaultValue("none")
            .withDescription("The track a req table asks the distributor for (pystreaming's default: none).");

    /** The messages' format. */
    public enum Format {
        /** pystreaming's [buf, meta, ftime, fno]: read and written. */
        PYSTREAMING,
        /** imagezmq's [JSON header, image] from senders: read (rep, a hub, or sub); the stream is the sender's name. */
        IMAGEZMQ
    }

    public static final ConfigOption<Format> FORMAT = ConfigOptions.key("format").enumType(Format.class)
            .defaultValue(Format.PYSTREAMING)
            .withDescription("The messages' format: pystreaming, or imagezmq for a table read from.");

    public static final ConfigOption<String> CURVE_CERT = ConfigOptions.key("curve.cert").stringType()
            .noDefaultValue()
            .withDescription("This side's secret certificate (NAME.key_secret, from videostream keys or pyzmq): the "
                    + "connection encrypted and authenticated with CURVE, on libzmq.");

    public static final ConfigOption<String> CURVE_SERVER = ConfigOptions.key("curve.server").stringType()
            .noDefaultValue()
            .withDescription("With curve.cert, for an endpoint that connects: the server's public certificate "
                    + "(NAME.key).");

    public static final ConfigOption<String> CURVE_CLIENTS = ConfigOptions.key("curve.clients").stringType()
            .noDefaultValue()
            .withDescription("With curve.cert, for an endpoint that binds: a directory of the public certificates "
                    + "(*.key) of the clients let in; any other is refused and counted (authFailures).");

    private ZmqTableOptions() {}
}
