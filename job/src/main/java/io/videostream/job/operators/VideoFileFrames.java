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
 * instance: a video is read from start to end). The raw frame must be encoded by the operator chained
 * after it; its pixels are overwritten by the next frame.
 */
public class VideoFileFrames extends RichMapFunction<Tuple2<Long, Double>, Frame> {
    private static final long serialVersionUID = 1L;

    private final String stream;
    private final String path;
    private transient VideoCapture video;
    private transient Mat image;
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
        image = new Mat();
        pixels = ByteBuffer.allocateDirect(0);
    }

    @Override
    public Frame map(Tuple2<Long, Double> tick) {
        if (!video.read(image) || image.empty()) {
            throw new IllegalStateException("the video " + path + " has no frame " + tick.f0);
        }
        int size = (int) (image.total() * image.channels());
        if (image.type() != CvType.CV_8UC3) {
            throw new IllegalStateException("the video " + path + " gives " + CvType.typeToString(image.type())
                    + " frames, not 8-bit BGR");
        }
        if (pixels.capacity() < size) {
            pixels = ByteBuffer.allocateDirect(size);
        }
        Mat target = new Mat(image.rows(), image.cols(), CvType.CV_8UC3, pixels);
        try {
            image.copyTo(target);
        } finally {
            target.release();
        }
        return Frame.raw(stream, tick.f0, tick.f1, null,
                new Pixels(image.cols(), image.rows(), 3, pixels.duplicate().clear()));
    }

    @Override
    public void close() {
        if (video != null) {
            video.release();
            image.release();
        }
    }
}
