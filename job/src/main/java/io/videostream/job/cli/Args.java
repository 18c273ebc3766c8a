package io.videostream.job.cli;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.connector.zeromq.common.CurveCertificate;
import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.codec.testcard.TestCard;
import io.videostream.job.TestCardStream;
import io.videostream.job.processors.Processors;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * A job's flags ({@code --name value}, or {@code --name} alone for a switch), read by their
 * declarations ({@link Flag}: a flag's default is its declaration's). Every reader method fails with
 * an {@link IllegalArgumentException} whose message is the one line the user sees.
 */
public final class Args {
    /** What {@link ParameterTool} reads for a flag given without a value. */
    private static final String NO_VALUE = "__NO_VALUE_KEY";

    private final ParameterTool params;
    /** The names of the flags read, given or not. */
    private final Set<String> read = new TreeSet<>();

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

    /** Whether the flag is given. */
    public boolean given(Flag flag) {
        return string(flag.name(), null) != null;
    }

    /** A switch: on when given alone or as {@code true}, off as {@code false}, its default otherwise. */
    public boolean flag(Flag flag) {
        read.add(flag.name());
        if (!params.has(flag.name())) {
            return Boolean.parseBoolean(flag.defaultValue());
        }
        String value = params.get(flag.name());
        if (value == null || value.equals(NO_VALUE) || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("--" + flag.name() + " is a switch: give it alone (or 'true'/'false'), not '"
                + value + "'");
    }

    /** The flag's value, or its default (null if it has none). */
    public String string(Flag flag) {
        return string(flag.name(), flag.defaultValue());
    }

    private String string(String name, String defaultValue) {
        read.add(name);
        String value = params.has(name) ? params.get(name) : defaultValue;
        if (value != null && value.equals(NO_VALUE)) {
            throw new IllegalArgumentException("--" + name + " needs a value");
        }
        return value;
    }

    public String required(Flag flag) {
        String value = string(flag);
        if (value == null) {
            throw new IllegalArgumentException("--" + flag.name() + " is required");
        }
        return value;
    }

    public int integer(Flag flag, int min, int max) {
        int value = parsed(flag, Integer::parseInt, "a whole number");
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + flag.name() + " must be " + min + "-" + max + ", not " + value);
        }
        return value;
    }

    public double decimal(Flag flag, double min) {
        double value = parsed(flag, Double::parseDouble, "a number");
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("--" + flag.name() + " must be at least " + min + ", not "
                    + string(flag));
        }
        return value;
    }

    private <T> T parsed(Flag flag, Function<String, T> parse, String what) {
        String text = string(flag);
        try {
            return parse.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + flag.name() + " takes " + what + ", not '" + text + "'");
        }
    }

    /** {@code --frames N}: a bounded run of N frames; without it, {@link Long#MAX_VALUE} (until cancelled). */
    public long frames() {
        String text = string(Flags.FRAMES);
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
    public ZmqEndpoint endpoint(Flag flag, boolean bindByDefault) {
        return ZmqEndpoint.parse(required(flag), bindByDefault);
    }

    /**
     * Endpoints, and the names of their streams, from a comma-separated flag or from {@code --sources
     * FILE}: one endpoint per line, optionally followed by its stream's name (a bare address binds or
     * connects as the role says); blank lines and {@code #} comments are skipped.
     */
    public Sources sources(Flag flag, boolean bindByDefault) {
        String file = string(Flags.SOURCES);
        List<String> listed = list(flag);
        if (file != null && !listed.isEmpty()) {
            throw new IllegalArgumentException("give --" + flag.name() + " or --sources, not both");
        }
        if (file == null) {
            if (listed.isEmpty()) {
                throw new IllegalArgumentException("--" + flag.name() + " is required (or --sources FILE)");
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
        return given(Flags.TRANSPORT) ? choice(Flags.TRANSPORT, ZmqTransport.class) : null;
    }

    /** One of an enum's values, by its name in lower case. */
    public <E extends Enum<E>> E choice(Flag flag, Class<E> type) {
        return choice(flag, flag.defaultValue(), type);
    }

    /** One of an enum's values, with a default that depends on other flags. */
    public <E extends Enum<E>> E choice(Flag flag, String defaultValue, Class<E> type) {
        String text = string(flag.name(), defaultValue);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + flag.name() + " cannot be '" + text + "'");
        }
    }

    /** A comma-separated list. */
    public List<String> list(Flag flag) {
        String text = string(flag);
        return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
    }

    /**
     * CURVE for these endpoints, or null (plain sockets) without {@code --curve-cert} (this side's
     * {@code .key_secret}). An endpoint that connects needs its server's public certificate from
     * {@code serverFlag}: one file for every such endpoint, or one per such endpoint in their order; an
     * endpoint that binds needs {@code --curve-clients DIR}, the public certificates of the clients it
     * lets in.
     */
    public ZmqCurve curve(List<ZmqEndpoint> endpoints, Flag serverFlag) {
        String own = string(Flags.CURVE_CERT);
        List<String> servers = list(serverFlag);
        String clients = string(Flags.CURVE_CLIENTS);
        if (own == null) {
            if (!servers.isEmpty() || clients != null) {
                throw new IllegalArgumentException("--" + (clients != null ? "curve-clients" : serverFlag.name())
                        + " needs --curve-cert, this side's own secret certificate");
            }
            return null;
        }
        List<ZmqEndpoint> connecting = endpoints.stream().filter(e -> !e.isBind()).toList();
        if (servers.size() > 1 && servers.size() != connecting.size()) {
            throw new IllegalArgumentException("--" + serverFlag.name() + " lists " + servers.size() + " certificates for "
                    + connecting.size() + " endpoints that connect: give one for all, or one for each");
        }
        if (!connecting.isEmpty() && servers.isEmpty()) {
            throw new IllegalArgumentException("--" + serverFlag.name() + " is required with --curve-cert: the public "
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

    /** The codec's settings from {@code --codec} and {@code --quality}. */
    public JpegSettings codec() {
        return new JpegSettings(choice(Flags.CODEC, JpegCodec.Implementation.class), integer(Flags.QUALITY, 1, 100));
    }

    /** {@code --window}: a desktop window, which needs a display here. */
    public boolean window() {
        boolean window = flag(Flags.WINDOW);
        if (window && GraphicsEnvironment.isHeadless()) {
            throw new IllegalArgumentException(
                    "--window needs a display (DISPLAY is not set); the live preview in the browser needs none");
        }
        return window;
    }

    /**
     * The live preview's address from {@code --preview-bind} (which must resolve here) and
     * {@code --preview-port}; null for port 0, no preview. Unresolved: the TaskManager that serves it
     * resolves it.
     */
    public InetSocketAddress preview() {
        String bind = string(Flags.PREVIEW_BIND);
        int port = integer(Flags.PREVIEW_PORT, 0, 65535);
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
        String jar = string(Flags.PROCESSOR_JAR);
        Path path = jar == null ? null : Path.of(jar).toAbsolutePath();
        Processors.check(processor, path);
        return path;
    }

    /** The test card of {@code --card}, {@code animated}, {@code --fps} and {@code --frames}. */
    public TestCardStream.Options testCard(Flag animated) {
        return new TestCardStream.Options(Frame.DEFAULT_STREAM, TestCard.parse(string(Flags.CARD)), flag(animated),
                decimal(Flags.FPS, 0.1), frames());
    }

    /** {@code --bufferlen} in seconds, to the millisecond. */
    public Duration bufferlen() {
        return Duration.ofMillis(Math.round(decimal(Flags.BUFFERLEN, 0) * 1000));
    }

    public int parallelism() {
        return integer(Flags.PARALLELISM, 1, 1024);
    }

    /** The names of the flags read so far, given or not. */
    Set<String> read() {
        return read;
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
