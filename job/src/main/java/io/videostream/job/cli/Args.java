package io.videostream.job.cli;

import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.connector.zeromq.common.CurveCertificate;
import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.job.processors.Processors;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.flink.util.ParameterTool;

/**
 * A job's flags ({@code --name value}, or {@code --name} alone for a switch). Every reader method
 * fails with an {@link IllegalArgumentException} whose message is the one line the user sees.
 */
public final class Args {
    /** The help lines of the CURVE flags, the same for every job. */
    public static final String CURVE_USAGE = String.join("\n",
            "  --transport    jeromq (pure Java, the default for plain sockets) or libzmq (native; needs",
            "                 libzmq5 on every TaskManager; the transport of CURVE)",
            "  --curve-cert   encrypt and authenticate every connection with CURVE (native libzmq): this",
            "                 side's secret certificate (NAME.key_secret, from videostream keys or pyzmq)",
            "  --curve-clients  a directory of the public certificates (*.key) of the clients let in, for an",
            "                 endpoint that binds; any other client is refused and counted (authFailures)");
    /** The help of {@code --codec}, the same on every job. */
    public static final String CODEC_USAGE = String.join("\n",
            "  --codec        the JPEG codec: auto (TurboJPEG when libturbojpeg0 is installed, else OpenCV),",
            "                 turbojpeg or opencv (videostream.jpeg.codec)");
    /** What {@link ParameterTool} reads for a flag given without a value. */
    private static final String NO_VALUE = "__NO_VALUE_KEY";

    private final ParameterTool params;

    public Args(String... args) {
        try {
            params = ParameterTool.fromArgs(args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the arguments " + Arrays.toString(args) + ": " + e.getMessage());
        }
    }

    public boolean help() {
        return params.has("help");
    }

    /** Whether a switch is given. */
    public boolean flag(String name) {
        return flag(name, false);
    }

    /** A switch that is on unless given as {@code false} when {@code defaultValue} is true. */
    public boolean flag(String name, boolean defaultValue) {
        if (!params.has(name)) {
            return defaultValue;
        }
        String value = params.get(name);
        if (value == null || value.equals(NO_VALUE) || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("--" + name + " is a switch: give it alone (or 'true'/'false'), not '" + value + "'");
    }

    public String string(String name, String defaultValue) {
        String value = params.has(name) ? params.get(name) : defaultValue;
        if (value != null && value.equals(NO_VALUE)) {
            throw new IllegalArgumentException("--" + name + " needs a value");
        }
        return value;
    }

    public String required(String name) {
        String value = string(name, null);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    public int integer(String name, int defaultValue, int min, int max) {
        int value = parsed(name, defaultValue, Integer::parseInt, "a whole number");
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + name + " must be " + min + "-" + max + ", not " + value);
        }
        return value;
    }

    public double decimal(String name, double defaultValue, double min) {
        double value = parsed(name, defaultValue, Double::parseDouble, "a number");
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("--" + name + " must be at least " + min + ", not " + string(name, null));
        }
        return value;
    }

    private <T> T parsed(String name, T defaultValue, Function<String, T> parse, String what) {
        String text = string(name, null);
        try {
            return text == null ? defaultValue : parse.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes " + what + ", not '" + text + "'");
        }
    }

    /** {@code --frames N}: a bounded run of N frames; without it, {@link Long#MAX_VALUE} (until cancelled). */
    public long frames() {
        String text = string("frames", null);
        if (text == null) {
            return Long.MAX_VALUE;
        }
        try {
            long frames = Long.parseLong(text);
            if (frames >= 1) {
                return frames;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--frames takes a positive whole number, not '" + text + "'");
    }

    /** An endpoint flag; a bare address binds or connects as the role says ({@link ZmqEndpoint#parse}). */
    public ZmqEndpoint endpoint(String name, boolean bindByDefault) {
        return ZmqEndpoint.parse(required(name), bindByDefault);
    }

    /**
     * Endpoints, and the names of their streams, from a comma-separated flag or from {@code --sources
     * FILE}: one endpoint per line, optionally followed by its stream's name (a bare address binds or
     * connects as the role says); blank lines and {@code #} comments are skipped.
     */
    public Sources sources(String flag, boolean bindByDefault) {
        String file = string("sources", null);
        List<String> listed = list(flag, null);
        if (file != null && !listed.isEmpty()) {
            throw new IllegalArgumentException("give --" + flag + " or --sources, not both");
        }
        if (file == null) {
            if (listed.isEmpty()) {
                throw new IllegalArgumentException("--" + flag + " is required (or --sources FILE)");
            }
            return new Sources(listed.stream().map(text -> ZmqEndpoint.parse(text, bindByDefault)).toList(), Map.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("--sources: cannot read " + file + " (" + e.getMessage() + ")");
        }
        List<ZmqEndpoint> endpoints = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length > 2) {
                throw new IllegalArgumentException("--sources " + file + " line " + (i + 1)
                        + ": ENDPOINT [NAME], not '" + line + "'");
            }
            ZmqEndpoint endpoint = ZmqEndpoint.parse(fields[0], bindByDefault);
            endpoints.add(endpoint);
            if (fields.length == 2) {
                if (names.containsValue(fields[1])) {
                    throw new IllegalArgumentException("--sources " + file + " line " + (i + 1) + ": the name "
                            + fields[1] + " is given twice");
                }
                names.put(endpoint.address(), fields[1]);
            }
        }
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("--sources " + file + " lists no endpoint");
        }
        return new Sources(endpoints, names);
    }

    /** Endpoints, and the names given to their streams (by address; an endpoint without one is named after itself). */
    public record Sources(List<ZmqEndpoint> endpoints, Map<String, String> names) {}

    /** {@code --transport jeromq|libzmq}, or null: the connector's default (jeromq, libzmq with CURVE). */
    public ZmqTransport transport() {
        return string("transport", null) == null ? null : choice("transport", null, ZmqTransport.class);
    }

    /** One of an enum's values, by its name in lower case. */
    public <E extends Enum<E>> E choice(String name, String defaultValue, Class<E> type) {
        String text = string(name, defaultValue);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + " cannot be '" + text + "'");
        }
    }

    /** A comma-separated list. */
    public List<String> list(String name, String defaultValue) {
        String text = string(name, defaultValue);
        return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
    }

    /**
     * CURVE for these endpoints, or null (plain sockets) without {@code --curve-cert} (this side's
     * {@code .key_secret}). An endpoint that connects needs its server's public certificate from
     * {@code serverFlag}: one file for every such endpoint, or one per such endpoint in their order; an
     * endpoint that binds needs {@code --curve-clients DIR}, the public certificates of the clients it
     * lets in.
     */
    public ZmqCurve curve(List<ZmqEndpoint> endpoints, String serverFlag) {
        String own = string("curve-cert", null);
        List<String> servers = list(serverFlag, null);
        String clients = string("curve-clients", null);
        if (own == null) {
            if (!servers.isEmpty() || clients != null) {
                throw new IllegalArgumentException("--" + (clients != null ? "curve-clients" : serverFlag)
                        + " needs --curve-cert, this side's own secret certificate");
            }
            return null;
        }
        List<ZmqEndpoint> connecting = endpoints.stream().filter(e -> !e.isBind()).toList();
        if (servers.size() > 1 && servers.size() != connecting.size()) {
            throw new IllegalArgumentException("--" + serverFlag + " lists " + servers.size() + " certificates for "
                    + connecting.size() + " endpoints that connect: give one for all, or one for each");
        }
        if (!connecting.isEmpty() && servers.isEmpty()) {
            throw new IllegalArgumentException("--" + serverFlag + " is required with --curve-cert: the public "
                    + "certificate (.key) of the server at " + connecting.get(0).address());
        }
        boolean binds = connecting.size() < endpoints.size();
        if (binds && clients == null) {
            throw new IllegalArgumentException("--curve-clients is required with --curve-cert: the directory of "
                    + "the public certificates (.key) of the clients let in at " + endpoints.stream()
                    .filter(ZmqEndpoint::isBind).findFirst().orElseThrow().address());
        }
        ZmqCurve curve = ZmqCurve.withCertificate(CurveCertificate.read(Path.of(own)));
        if (binds) {
            List<CurveCertificate> allowed = CurveCertificate.readPublicKeys(Path.of(clients));
            if (allowed.isEmpty()) {
                throw new IllegalArgumentException("--curve-clients: no public certificates (*.key) in " + clients);
            }
            curve = curve.allowClients(allowed);
        }
        for (int i = 0; i < connecting.size(); i++) {
            CurveCertificate server = CurveCertificate.read(Path.of(servers.get(servers.size() == 1 ? 0 : i)));
            curve = curve.trustServer(connecting.get(i), server);
        }
        return curve;
    }

    /** The codec's settings from {@code --codec} and {@code --quality} (1-100, default 50 as pystreaming). */
    public JpegSettings codec() {
        return new JpegSettings(choice("codec", "auto", JpegCodec.Implementation.class),
                integer("quality", JpegSettings.DEFAULT.quality(), 1, 100));
    }

    /** {@code --window}: a desktop window, which needs a display here. */
    public boolean window() {
        boolean window = flag("window");
        if (window && GraphicsEnvironment.isHeadless()) {
            throw new IllegalArgumentException(
                    "--window needs a display (DISPLAY is not set); the live preview in the browser needs none");
        }
        return window;
    }

    /**
     * The live preview's address from {@code --preview-bind} (default 127.0.0.1, which must resolve
     * here) and {@code --preview-port} (default 8090); null for port 0, no preview. Unresolved: the
     * TaskManager that serves it resolves it.
     */
    public InetSocketAddress preview() {
        String bind = string("preview-bind", "127.0.0.1");
        int port = integer("preview-port", 8090, 0, 65535);
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--preview-bind takes an address or host name of this machine, not '"
                    + bind + "'");
        }
        return port == 0 ? null : InetSocketAddress.createUnresolved(bind, port);
    }

    /**
     * {@code --processor-jar}, the jar of {@code --processor class:NAME}, checked with the processor
     * before anything starts; null when not given.
     */
    public Path processorJar(String processor) {
        String jar = string("processor-jar", null);
        Path path = jar == null ? null : Path.of(jar).toAbsolutePath();
        Processors.check(processor, path);
        return path;
    }

    public int parallelism() {
        return integer("parallelism", 2, 1, 1024);
    }

    /** Fails on a flag that none of the reader methods asked for. */
    public void checkAllUsed() {
        Set<String> unknown = new TreeSet<>(params.getUnrequestedParameters());
        unknown.remove("help");
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown flag" + (unknown.size() > 1 ? "s" : "") + " --"
                    + String.join(", --", unknown) + " (see --help)");
        }
    }
}
