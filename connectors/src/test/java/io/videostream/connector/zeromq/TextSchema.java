package io.videostream.connector.zeromq;

import io.videostream.connector.zeromq.common.MessageKind;
import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqSerializationSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A small format for the connector's own tests: a record is a text message of one part; {@code END},
 * {@code MISS} and {@code UNKNOWN} are control messages, anything starting with {@code JUNK} or of
 * more than one part cannot be read, and {@code t=<millis>:...} carries an event time.
 */
public final class TextSchema implements ZmqDeserializationSchema<String>, ZmqSerializationSchema<String> {
    public static final String END = "END";
    public static final String MISS = "MISS";
    public static final String UNKNOWN = "UNKNOWN";

    public static List<byte[]> message(String text) {
        return List.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String deserialize(List<byte[]> parts, ZmqEndpoint origin) throws IOException {
        String text = new String(parts.get(0), StandardCharsets.UTF_8);
        if (parts.size() != 1 || text.startsWith("JUNK")) {
            throw new IOException("unreadable test message '" + text + "' of " + parts.size() + " parts");
        }
        return text;
    }

    @Override
    public MessageKind kind(String record) {
        switch (record) {
            case END:
                return MessageKind.END_OF_STREAM;
            case MISS:
                return MessageKind.NOT_AVAILABLE;
            case UNKNOWN:
                return MessageKind.UNKNOWN_TRACK;
            default:
                return MessageKind.DATA;
        }
    }

    @Override
    public long timestamp(String record) {
        return record.startsWith("t=") ? Long.parseLong(record.substring(2, record.indexOf(':'))) : Long.MIN_VALUE;
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }

    @Override
    public List<byte[]> serialize(String record) {
        return message(record);
    }

    @Override
    public List<byte[]> endOfStream() {
        return message(END);
    }

    @Override
    public List<byte[]> notAvailable(String track) {
        return message(MISS);
    }

    @Override
    public List<byte[]> unknownTrack(String track) {
        return message(UNKNOWN);
    }
}
