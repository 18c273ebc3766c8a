package io.videostream.job.operators;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.opencv.OpenCvNative;
import java.nio.ByteBuffer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.java.tuple.Tuple2;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * Turns clock ticks into the frames of a video file, read in order with OpenCV's VideoCapture (one
 * instance: a video is read from start to end). Frames are read straight into one direct buffer that
 * is reused (copied there only when the video's backend hands over a buffer of its own), so the raw
 * frame must be encoded by the operator chained after it.
 */
public class VideoFileFrames extends RichMapFunction<Tuple2<Long, Double>, Frame> {
    private static final long serialVersionUID = 1L;

    private final String stream;
    private final String path;
    private transient VideoCapture video;
    /** A Mat over {@link #pixels}, which the capture reads into. */
    private transient Mat image;
    private transient long imageAddress;
    private transient ByteBuffer pixels;

    public VideoFileFrames(String stream, String path) {
        this.stream = stream;
        this.path = path;
    }

    /** How many frames the video says it has, or -1 when it cannot be opened. */
    public static long frameCount(String path) {
        OpenCvNative.load();
        VideoCapture video = new VideoCapture(path);
        try {
            return video.isOpened() ? (long) video.get(Videoio.CAP_PROP_FRAME_COUNT) : -1;
        } finally {
            video.release();
        }
    }

    @Override
    public void open(OpenContext context) {
        OpenCvNative.load();
        video = new VideoCapture(path);
        if (!video.isOpened()) {
            throw new IllegalStateException("OpenCV cannot open the video " + path);
        }
        image = new Mat(); // no buffer of ours yet: the first frame sets it up
        pixels = ByteBuffer.allocateDirect(0);
    }

    @Override
    public Frame map(Tuple2<Long, Double> tick) {
        Mat frame = image;
        if (!video.read(frame) || frame.empty()) {
            throw new IllegalStateException("the video " + path + " has no frame " + tick.f0);
        }
        if (frame.type() != CvType.CV_8UC3) {
            throw new IllegalStateException("the video " + path + " gives " + CvType.typeToString(frame.type())
                    + " frames, not 8-bit BGR");
        }
        if (frame.dataAddr() != imageAddress) { // the backend read into a buffer of its own
            wrapBuffer(frame.cols(), frame.rows());
            frame.copyTo(image);
            frame.release();
        }
        return Frame.raw(stream, tick.f0, tick.f1, null,
                new Pixels(image.cols(), image.rows(), 3, pixels.duplicate().clear()));
    }

    /** Points {@link #image} at a direct buffer for frames of this size, so the next reads go there. */
    private void wrapBuffer(int width, int height) {
        int size = width * height * 3;
        if (pixels.capacity() < size) {
            pixels = ByteBuffer.allocateDirect(size);
        }
        image = new Mat(height, width, CvType.CV_8UC3, pixels);
        imageAddress = image.dataAddr();
    }

    @Override
    public void close() {
        if (video != null) {
            video.release();
            image.release();
        }
    }
}
