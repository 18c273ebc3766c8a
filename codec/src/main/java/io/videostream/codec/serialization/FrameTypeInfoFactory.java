package io.videostream.codec.serialization;

import io.videostream.codec.Frame;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Lets Flink's type extraction find {@link FrameTypeInfo} through {@code @TypeInfo} on {@link Frame}. */
public final class FrameTypeInfoFactory extends TypeInfoFactory<Frame> {
    @Override
    public TypeInformation<Frame> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
        return FrameTypeInfo.INSTANCE;
    }
}
