package com.example.brightness;

import io.videostream.codec.Frame;
import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.sink.ZmqSink;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import io.videostream.connector.zeromq.source.ZmqSource;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.formats.PyStreamingSchema;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Frames from a pystreaming Streamer (its PUB binds STREAMER), each frame's brightness measured by an
 * operator of our own, and the frames with it as their meta pushed to a pystreaming Receiver in
 * map-reduce mode (its PULL binds RECEIVER). Ends with the Streamer's stream.
 */
public final class BrightnessJob {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BrightnessJob STREAMER_ENDPOINT RECEIVER_ENDPOINT (tcp://host:port each)");
            System.exit(2);
        }
        ZmqSource<Frame> streamer = ZmqSource.<Frame>builder()
                .setPattern(ZmqSourcePattern.SUB)
                .addEndpoint(ZmqEndpoint.connect(args[0]))
                .setDeserializer(new PyStreamingSchema())
                .build();
        ZmqSink<Frame> receiver = ZmqSink.<Frame>builder()
                .setPattern(ZmqSinkPattern.PUSH)
                .setEndpoint(ZmqEndpoint.connect(args[1]))
                .setSerializer(new PyStreamingSchema())
                .setFlowControl(FlowControl.BLOCK) // wait for a slow receiver rather than drop frames
                .build();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSource(streamer, WatermarkStrategy.noWatermarks(), "pystreaming streamer")
                .map(new Brightness()).name("brightness")
                // one sender, so that the Receiver gets the end of the stream once
                .sinkTo(receiver).setParallelism(1).name("pystreaming receiver");
        env.execute("brightness");
    }
}
