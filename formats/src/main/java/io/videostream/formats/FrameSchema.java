package io.videostream.formats;

import io.videostream.codec.Frame;
import io.videostream.codec.serialization.FrameTypeInfo;
import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** A wire format read into frames: each frame's event time is its capture time. */
interface FrameSchema extends ZmqDeserializationSchema<Frame> {
    @Override
    default long timestamp(Frame frame) {
        return frame.eventTimeMillis();
    }

    @Override
    default TypeInformation<Frame> getProducedType() {
        return FrameTypeInfo.INSTANCE;
    }
}
