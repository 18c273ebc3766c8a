package io.videostream.connector.zeromq.common;

import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

/** Options of the ZeroMQ source and sink. */
@PublicEvolving
public final class ZmqOptions {
    private ZmqOptions() {}

    public static final ConfigOption<ZmqTransport> TRANSPORT = ConfigOptions.key("zeromq.transport")
            .enumType(ZmqTransport.class)
            .noDefaultValue()
            .withDescription("The ZeroMQ implementation: JEROMQ (pure Java) or LIBZMQ (the native library, "
                    + "Debian's libzmq5, on every TaskManager). Unset: JEROMQ for plain sockets, LIBZMQ with CURVE "
                    + "(which jeromq does not offer).");

    public static final ConfigOption<Integer> RECEIVE_HWM = ConfigOptions.key("zeromq.receive.hwm")
            .intType()
            .defaultValue(10)
            .withDescription("Receive high-water mark in messages per socket: what ZeroMQ queues before the "
                    + "source takes it. Bounds memory however fast the peer sends.");

    public static final ConfigOption<Integer> SEND_HWM = ConfigOptions.key("zeromq.send.hwm")
            .intType()
            .defaultValue(10)
            .withDescription("Send high-water mark in messages per socket.");

    public static final ConfigOption<MemorySize> MAX_MESSAGE_SIZE = ConfigOptions.key("zeromq.max-message-size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(64))
            .withDescription("The largest message part a peer may send, on every socket. A peer that announces a "
                    + "larger one is disconnected before anything is allocated for it (counted in 'disconnects'). "
                    + "Set it just above the largest part the schema accepts.");

    public static final ConfigOption<Integer> SEND_QUEUE = ConfigOptions.key("zeromq.sink.queue")
            .intType()
            .defaultValue(3)
            .withDescription("Messages the sink holds in front of its socket (per track for a distributor); "
                    + "when full, flow control decides: block or drop the oldest. pystreaming uses 3.");

    public static final ConfigOption<FlowControl> FLOW_CONTROL = ConfigOptions.key("zeromq.sink.flow-control")
            .enumType(FlowControl.class)
            .defaultValue(FlowControl.BLOCK)
            .withDescription("BLOCK: back-pressure into Flink, nothing is dropped. DROP_OLDEST: never stall; "
                    + "the oldest queued message is dropped and counted.");

    public static final ConfigOption<Duration> DISTRIBUTOR_HOLD = ConfigOptions.key("zeromq.distributor.hold")
            .durationType()
            .defaultValue(Duration.ofMillis(200))
            .withDescription("REP distributor: how long a request that finds its track's queue empty is held for the "
                    + "next message before it is answered 'not available' (0: at once, as pystreaming's REP).");

    public static final ConfigOption<Duration> LINGER = ConfigOptions.key("zeromq.sink.linger")
            .durationType()
            .defaultValue(Duration.ofSeconds(2))
            .withDescription("When the input ends: how long ZeroMQ may take to deliver the last messages, how long "
                    + "a DROP_OLDEST sink waits for its queue to empty, and how long a distributor keeps answering "
                    + "requests with the end-of-stream marker. A BLOCK sink first hands over everything it holds.");

    public static final ConfigOption<Duration> RECONNECT_INTERVAL = ConfigOptions.key("zeromq.reconnect.interval")
            .durationType()
            .defaultValue(Duration.ofMillis(100))
            .withDescription("Pause before ZeroMQ reconnects to a peer that went away.");

    public static final ConfigOption<Duration> HANDSHAKE_TIMEOUT = ConfigOptions.key("zeromq.handshake.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(5))
            .withDescription("A connection whose ZeroMQ handshake has not completed by then is dropped and made "
                    + "again (ZeroMQ's own default waits 30 s). A handshake that jeromq stalled is nudged "
                    + "after 100 ms already; this is the last resort.");

    public static final ConfigOption<Integer> REQUESTS_IN_FLIGHT = ConfigOptions.key("zeromq.req.in-flight")
            .intType()
            .defaultValue(3)
            .withDescription("REQ pattern: requests outstanding per split (pystreaming's reqthread).");

    public static final ConfigOption<Integer> READERS_PER_ENDPOINT = ConfigOptions.key("zeromq.req.readers-per-endpoint")
            .intType()
            .defaultValue(1)
            .withDescription("REQ pattern: how many source readers ask each endpoint's distributor, each on a "
                    + "connection of its own. A distributor answers whoever asks, so readers with their processing "
                    + "chained to them take frames as fast as they process them, on every TaskManager, and no frame "
                    + "is handed on to another reader. When one of them is answered the end of stream, all of them end.");

    public static final ConfigOption<Duration> RETRY_PAUSE = ConfigOptions.key("zeromq.req.retry-pause")
            .durationType()
            .defaultValue(Duration.ofMillis(10))
            .withDescription("REQ pattern: pause before asking again when the distributor had no frame.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT = ConfigOptions.key("zeromq.req.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(2))
            .withDescription("REQ pattern: a request unanswered this long is abandoned and its socket reopened "
                    + "(the distributor went away).");
}
