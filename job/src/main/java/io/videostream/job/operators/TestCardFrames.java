package io.videostream.job.operators;

import io.videostream.codec.Frame;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.tuple.Tuple2;

/**
 * Turns clock ticks (frame number, capture time) into raw test-card frames, like pystreaming's
 * {@code testcard}. The capture time is the tick's, so frames rendered in parallel keep the order
 * of the clock.
 */
public class TestCardFrames implements MapFunction<Tuple2<Long, Double>, Frame> {
    private static final long serialVersionUID = 1L;

    private final String stream;
    private final TestCard card;
    private final boolean animated;

    public TestCardFrames(String stream, TestCard card, boolean animated) {
        this.stream = stream;
        this.card = card;
        this.animated = animated;
    }

    @Override
    public Frame map(Tuple2<Long, Double> tick) {
        return Frame.raw(stream, tick.f0, tick.f1, null, TestCards.frame(card, animated, tick.f0));
    }
}
