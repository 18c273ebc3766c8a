package io.videostream.connector.zeromq.testframe;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.testframe.external.ExternalContext;

/** What the source and sink contexts share: text records, and the connector on the test class path. */
interface TextRecordsContext extends ExternalContext, ResultTypeQueryable<String> {
    /** {@code min} to {@code min + spread} records named {@code prefix-i-<random>}, from {@code seed}. */
    static List<String> records(long seed, String prefix, int min, int spread) {
        Random random = new Random(seed);
        List<String> records = new ArrayList<>();
        for (int i = 0, n = min + random.nextInt(spread); i < n; i++) {
            records.add(prefix + "-" + i + "-" + Long.toHexString(random.nextLong()));
        }
        return records;
    }

    @Override
    default TypeInformation<String> getProducedType() {
        return Types.STRING;
    }

    @Override
    default List<URL> getConnectorJarPaths() {
        return List.of();
    }
}
