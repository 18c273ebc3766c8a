package io.videostream.job.operators;

import io.videostream.codec.Frame;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import org.apache.flink.api.common.functions.MapFunction;

/** Turns frame numbers into raw test-card frames captured now, like pystreaming's {@code testcard}. */
public class TestCardFrames implements MapFunction<Long, Frame> {
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
    public Frame map(Long fno) {
        double now = System.currentTimeMillis() / 1000.0;
        return Frame.raw(stream, fno, now, null, TestCards.frame(card, animated, fno));
    }
}
