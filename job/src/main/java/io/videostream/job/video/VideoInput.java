package io.videostream.job.video;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One video input that FFmpeg reads, and the stream it becomes: a file (any format FFmpeg reads: MP4
 * with H.264 or MPEG-4, MJPEG AVI, ...), read at the job's frame rate and ending with the file; or
 * live, a camera's URL (RTSP, HTTP, ...) or a V4L2 device ({@code /dev/videoN}), read as fast as it
 * sends and reopened when it drops.
 *
 * @param location what FFmpeg opens, as given (it may hold a password: never logged or shown)
 * @param stream the stream's name: the file's name, the URL without credentials and query, or the device
 */
public record VideoInput(String location, String stream, Kind kind) implements Serializable {
    /** How an input behaves. */
    public enum Kind {
        /** A file: paced by the job, ends with the file. */
        FILE,
        /** A camera's URL: paced by the camera, reopened when it drops. */
        URL,
        /** A local camera (V4L2): as a URL, opened as a device. */
        DEVICE
    }

    private static final Pattern URL_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    private static final Pattern DEVICE = Pattern.compile("^/dev/video[0-9]+$");
    /** How long FFmpeg waits for a silent network camera before it gives up (and is started again). */
    static final int NETWORK_TIMEOUT_MICROS = 5_000_000;

    /** An input from the command line: a URL, a device, or a path to a readable file. */
    public static VideoInput parse(String location) {
        if (URL_SCHEME.matcher(location).matches()) {
            return new VideoInput(location, urlName(location), Kind.URL);
        }
        if (DEVICE.matcher(location).matches()) {
            return new VideoInput(location, Path.of(location).getFileName().toString(), Kind.DEVICE);
        }
        Path file = Path.of(location);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("--input " + location
                    + " is neither a readable file, a folder, a URL (rtsp://, http://, ...) nor /dev/videoN");
        }
        return new VideoInput(location, file.getFileName().toString(), Kind.FILE);
    }

    /** Inputs with names unique among them (a second "cam" becomes "cam-2"). */
    public static List<VideoInput> parseAll(List<String> locations) {
        List<VideoInput> inputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String location : locations) {
            VideoInput input = parse(location);
            String name = input.stream();
            for (int n = 2; names.contains(name); n++) {
                name = input.stream() + "-" + n;
            }
            names.add(name);
            inputs.add(new VideoInput(input.location(), name, input.kind()));
        }
        return inputs;
    }

    /** host[:port]/path of a URL: no user, password or query, which may hold secrets. */
    static String urlName(String location) {
        try {
            URI uri = URI.create(location);
            String host = uri.getHost() == null ? "camera" : uri.getHost();
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String path = uri.getPath() == null ? "" : uri.getPath();
            return host + port + path;
        } catch (IllegalArgumentException notAUri) {
            return location.substring(0, location.indexOf("://")).toLowerCase(Locale.ROOT) + "-camera";
        }
    }

    /** Whether it is read as fast as it sends and reopened when it drops. */
    public boolean live() {
        return kind != Kind.FILE;
    }

    /**
     * FFmpeg's command line: the input's video as JPEG images on standard output, copied as they are
     * when the input is MJPEG already ({@code passThrough}), else encoded at FFmpeg's {@code qscale}.
     */
    List<String> ffmpegCommand(String ffmpeg, boolean passThrough, int qscale) {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error"));
        command.addAll(inputOptions());
        command.addAll(List.of("-i", location, "-an", "-map", "0:v:0", "-f", "mjpeg"));
        if (passThrough) {
            command.addAll(List.of("-c:v", "copy"));
        } else {
            command.addAll(List.of("-q:v", Integer.toString(qscale)));
        }
        command.add("pipe:1");
        return command;
    }

    /** FFprobe's command line that names the codec of the input's first video stream. */
    List<String> ffprobeCommand(String ffprobe) {
        List<String> command = new ArrayList<>(List.of(ffprobe, "-v", "error"));
        command.addAll(inputOptions());
        command.addAll(List.of("-select_streams", "v:0", "-show_entries", "stream=codec_name", "-of", "csv=p=0",
                location));
        return command;
    }

    /** How to open it: RTSP over TCP (no lost packets, no smeared frames), a timeout for the network, V4L2. */
    private List<String> inputOptions() {
        List<String> options = new ArrayList<>();
        if (kind == Kind.URL) {
            if (location.regionMatches(true, 0, "rtsp", 0, 4)) {
                options.addAll(List.of("-rtsp_transport", "tcp"));
            }
            options.addAll(List.of("-timeout", Integer.toString(NETWORK_TIMEOUT_MICROS)));
        } else if (kind == Kind.DEVICE) {
            options.addAll(List.of("-f", "v4l2"));
        }
        return options;
    }

    @Override
    public String toString() {
        return stream + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
    }
}
