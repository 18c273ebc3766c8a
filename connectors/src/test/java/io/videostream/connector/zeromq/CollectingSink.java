package io.videostream.connector.zeromq;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Collects what reaches it into a list that the test reads by name (the MiniCluster runs in the test's JVM). */
public final class CollectingSink<T> implements Sink<T> {
    private static final Map<String, List<Object>> RESULTS = new ConcurrentHashMap<>();

    private final String name;

    public CollectingSink(String name) {
        this.name = name;
        RESULTS.put(name, new CopyOnWriteArrayList<>());
    }

    @SuppressWarnings("unchecked")
    public List<T> results() {
        return (List<T>) RESULTS.get(name);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        List<Object> results = RESULTS.get(name);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                results.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
