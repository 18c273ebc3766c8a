package io.videostream.connector.zeromq.source;

import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.internal.ZmqSourceConfig;
import io.videostream.connector.zeromq.internal.reader.ZmqSourceReader;
import io.videostream.connector.zeromq.source.enumerator.ZmqEnumeratorStateSerializer;
import io.videostream.connector.zeromq.source.enumerator.ZmqSplitEnumerator;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import io.videostream.connector.zeromq.source.split.ZmqSplitSerializer;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A FLIP-27 source that receives multipart messages from ZeroMQ endpoints (one split each) with the
 * SUB, PULL, REQ or REP pattern, turning them into records with a {@link ZmqDeserializationSchema}.
 *
 * <p>A live socket cannot be replayed: after a failure the source resumes with the messages that
 * arrive from then on. The source is unbounded, but a split ends when the schema reads an end of
 * stream, and the job finishes when every split has ended. Build one with {@link #builder()}.
 */
@PublicEvolving
public final class ZmqSource<T> implements Source<T, ZmqSplit, Set<ZmqSplit>>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    private final ZmqSourceConfig config;
    private final ZmqDeserializationSchema<T> schema;

    ZmqSource(ZmqSourceConfig config, ZmqDeserializationSchema<T> schema) {
        this.config = config;
        this.schema = schema;
    }

    public static <T> ZmqSourceBuilder<T> builder() {
        return new ZmqSourceBuilder<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<T, ZmqSplit> createReader(SourceReaderContext context) {
        return new ZmqSourceReader<>(config, schema, context);
    }

    @Override
    public SplitEnumerator<ZmqSplit, Set<ZmqSplit>> createEnumerator(SplitEnumeratorContext<ZmqSplit> context) {
        return new ZmqSplitEnumerator(context, config.splits(), new LinkedHashSet<>(config.splits()));
    }

    @Override
    public SplitEnumerator<ZmqSplit, Set<ZmqSplit>> restoreEnumerator(SplitEnumeratorContext<ZmqSplit> context,
            Set<ZmqSplit> pending) {
        return new ZmqSplitEnumerator(context, config.splits(), pending);
    }

    @Override
    public SimpleVersionedSerializer<ZmqSplit> getSplitSerializer() {
        return ZmqSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<Set<ZmqSplit>> getEnumeratorCheckpointSerializer() {
        return new ZmqEnumeratorStateSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return schema.getProducedType();
    }
}
