package io.videostream.connector.zeromq.benchmark;

import io.videostream.connector.zeromq.common.MessageKind;
import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqSerializationSchema;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** One-part messages passed through as they are; a 3-byte {@code END} ends the stream. */
final class BytesSchema implements ZmqDeserializationSchema<byte[]>, ZmqSerializationSchema<byte[]> {
    static final byte[] END = {'E', 'N', 'D'};

    @Override
    public byte[] deserialize(List<byte[]> parts, ZmqEndpoint origin) {
        return parts.get(0);
    }

    @Override
    public MessageKind kind(byte[] record) {
        return Arrays.equals(record, END) ? MessageKind.END_OF_STREAM : MessageKind.DATA;
    }

    @Override
    public TypeInformation<byte[]> getProducedType() {
        return PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;
    }

    @Override
    public List<byte[]> serialize(byte[] record) {
        return List.of(record);
    }

    @Override
    public List<byte[]> endOfStream() {
        return List.of(END);
    }
}
