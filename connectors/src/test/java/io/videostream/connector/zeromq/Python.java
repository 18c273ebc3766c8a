package io.videostream.connector.zeromq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/** Python code run by Debian's python3 with pyzmq (bin/install-deps installs them), with {@code d} set to a directory. */
public final class Python {
    /** Debian's python3 where it is, else the one on the PATH. */
    public static final String EXECUTABLE =
            Files.isExecutable(Paths.get("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    /**
     * Python that defines {@code curve_server(ctx, socket, name)}: makes the socket a CURVE server with
     * {@code d/NAME.key_secret} that lets in the clients whose public certificates are in {@code
     * d/clients}, as pyzmq users secure one (pyzmq's authenticator, returned to be stopped).
     */
    public static final String CURVE_SERVER = """
            import zmq, zmq.auth
            from zmq.auth.thread import ThreadAuthenticator
            def curve_server(ctx, socket, name):
                auth = ThreadAuthenticator(ctx)
                auth.start()
                auth.configure_curve(domain='*', location=d + '/clients')
                socket.curve_publickey, socket.curve_secretkey = zmq.auth.load_certificate(d + '/' + name + '.key_secret')
                socket.curve_server = True
                return auth
            """;

    private Python() {}

    /** Starts the code; its output and errors are its input stream. */
    public static Process start(Path dir, String code) throws Exception {
        String d = "d = '" + dir.toString().replace("\\", "\\\\").replace("'", "\\'") + "'\n";
        return new ProcessBuilder(EXECUTABLE, "-c", d + code).redirectErrorStream(true).start();
    }

    /** Runs the code to its end (at most 30 s), which must succeed; returns what it printed. */
    public static String run(Path dir, String code) throws Exception {
        Process process = start(dir, code);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("python ended").isTrue();
        String output = output(process);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** What an ended process printed. */
    public static String output(Process process) throws Exception {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
