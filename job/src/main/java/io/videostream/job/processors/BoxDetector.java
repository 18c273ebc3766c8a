package io.videostream.job.processors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * A detector that finds boxes in a frame: each is drawn on the picture, and all are sent as meta,
 * {@code {"<what>": [[x, y, width, height], ...]}}.
 */
abstract class BoxDetector extends OpenCvProcessor {
    private final String what;
    private final Scalar color;
    private List<List<Long>> boxes = List.of();

    BoxDetector(String what, Scalar color) {
        this.what = what;
        this.color = color;
    }

    /** The boxes found in a BGR picture. */
    abstract Rect[] detect(Mat in);

    @Override
    final void apply(Mat in, Mat out) {
        in.copyTo(out);
        List<List<Long>> found = new ArrayList<>();
        for (Rect box : detect(in)) {
            Imgproc.rectangle(out, box, color, 2);
            found.add(List.of((long) box.x, (long) box.y, (long) box.width, (long) box.height));
        }
        boxes = found;
    }

    @Override
    final Object meta(Object incoming) {
        return Map.of(what, boxes);
    }
}
