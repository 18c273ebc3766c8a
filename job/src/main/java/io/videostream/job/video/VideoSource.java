package io.videostream.job.video;

import io.videostream.codec.Frame;
import io.videostream.codec.serialization.FrameTypeInfo;
import java.util.ArrayList;
import java.util.List;
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
 * Video files, network cameras and V4L2 devices as JPEG frames, one stream per input, read by FFmpeg
 * ({@link VideoInput}): files at a frame rate, to their end; live inputs as they send, reopened when
 * they drop. Bounded when every input is a file. Input i is read by reader i mod parallelism.
 */
public final class VideoSource implements Source<Frame, VideoSplit, List<VideoSplit>>, ResultTypeQueryable<Frame> {
    private static final long serialVersionUID = 1L;

    private final List<VideoInput> inputs;
    private final double fps;
    private final long frames;
    private final int quality;

    /**
     * @param fps the rate files are read at
     * @param frames the frames of each input (Long.MAX_VALUE: all of a file, a camera's for as long as the job runs)
     * @param quality the JPEG quality (1-100) of frames FFmpeg encodes (an MJPEG input's frames pass as they are)
     */
    public VideoSource(List<VideoInput> inputs, double fps, long frames, int quality) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a video source needs an input");
        }
        this.inputs = List.copyOf(inputs);
        this.fps = fps;
        this.frames = frames;
        this.quality = quality;
    }

    @Override
    public Boundedness getBoundedness() {
        return inputs.stream().anyMatch(VideoInput::live) && frames == Long.MAX_VALUE
                ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Frame, VideoSplit> createReader(SourceReaderContext context) {
        Ffmpeg.require("reading video inputs");
        return new VideoSourceReader(fps, Ffmpeg.qscale(quality), context);
    }

    @Override
    public SplitEnumerator<VideoSplit, List<VideoSplit>> createEnumerator(SplitEnumeratorContext<VideoSplit> context) {
        List<VideoSplit> splits = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            splits.add(new VideoSplit(i, inputs.get(i), 0, frames));
        }
        return new VideoSplitEnumerator(context, splits);
    }

    @Override
    public SplitEnumerator<VideoSplit, List<VideoSplit>> restoreEnumerator(SplitEnumeratorContext<VideoSplit> context,
            List<VideoSplit> pending) {
        return new VideoSplitEnumerator(context, pending);
    }

    @Override
    public SimpleVersionedSerializer<VideoSplit> getSplitSerializer() {
        return VideoSplit.SERIALIZER;
    }

    @Override
    public SimpleVersionedSerializer<List<VideoSplit>> getEnumeratorCheckpointSerializer() {
        return VideoSplit.SERIALIZER.pending();
    }

    @Override
    public TypeInformation<Frame> getProducedType() {
        return FrameTypeInfo.INSTANCE;
    }
}
