package io.videostream.job.operators;

import io.videostream.codec.Frame;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.java.tuple.Tuple2;

/**
 * Turns clock ticks (frame number, capture time) into raw test-card frames, like pystreaming's
 * {@code testcard}. The capture time is the tick's, so frames rendered in parallel keep the order
 * of the clock. The card is rendered as the operator opens, before the clock starts (the first
 * rendering of a 1280x720 card takes ~200 ms; an animated card's other angles are rendered as they
 * first come, 5-25 ms each, and kept).
 */
public class TestCardFrames extends RichMapFunction<Tuple2<Long, Double>, Frame> {
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
    public void open(OpenContext context) {
        TestCards.frame(card, animated, 0);
    }

    @Override
    public Frame map(Tuple2<Long, Double> tick) {
        return Frame.raw(stream, tick.f0, tick.f1, null, TestCards.frame(card, animated, tick.f0));
    }
}
