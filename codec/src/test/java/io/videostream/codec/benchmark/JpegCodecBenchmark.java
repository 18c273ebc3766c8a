package io.videostream.codec.benchmark;

import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodec.Implementation;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.jpeg.JpegLimits;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode and decode of the IMAG test cards, one thread, as the job does them: pixels in a direct
 * buffer in, a JPEG array out; a JPEG array in, pixels in the codec's reused buffer out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class JpegCodecBenchmark {
    @Param({"IMAG_S", "IMAG_M", "IMAG_L"})
    public String card;

    @Param({"TURBOJPEG", "OPENCV"})
    public String implementation;

    private JpegCodec codec;
    private Pixels pixels;
    private byte[] jpeg;

    @Setup
    public void setUp() {
        codec = JpegCodecs.create(Implementation.valueOf(implementation), 50, JpegLimits.DEFAULT);
        Pixels card = TestCards.frame(TestCard.parse(this.card), false, 0);
        ByteBuffer direct = ByteBuffer.allocateDirect(card.size()).put(card.buffer()).flip();
        pixels = new Pixels(card.width(), card.height(), card.channels(), direct);
        jpeg = codec.encode(pixels);
    }

    @TearDown
    public void tearDown() {
        codec.close();
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(pixels);
    }

    @Benchmark
    public Pixels decode() {
        return codec.decode(jpeg);
    }
}
