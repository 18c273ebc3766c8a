package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone cluster of flink-conf/cluster (JobManager and TaskManager processes from the Maven
 * artifacts), driven as a user does: the script, {@code flink run}, the REST API on localhost:8081.
 */
public final class StandaloneCluster {
    /** The repository, from the job module where the tests run. */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    public static final String REST = "http://localhost:8081";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StandaloneCluster() {}

    /** Runs {@code flink-conf/cluster ARGS} with these environment variables added; returns what it printed. */
    public static String cluster(Map<String, String> environment, String... args) throws Exception {
        Path out = Files.createTempFile("cluster", ".out");
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("flink-conf/cluster").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("flink-conf/cluster " + String.join(" ", args) + " did not finish: "
                    + Files.readString(out));
        }
        String output = Files.readString(out);
        assertThat(process.exitValue()).as("flink-conf/cluster %s: %s", String.join(" ", args), output).isZero();
        return output;
    }

    /** Submits the job jar as {@code flink run -d} does; returns the job id. */
    public static String submit(String... jobArgs) throws Exception {
        String[] args = new String[jobArgs.length + 1];
        args[0] = "run";
        System.arraycopy(jobArgs, 0, args, 1, jobArgs.length);
        Matcher id = Pattern.compile("JobID ([0-9a-f]{32})").matcher(cluster(Map.of(), args));
        assertThat(id.find()).as("flink run printed the job id").isTrue();
        return id.group(1);
    }

    /** A GET of the REST API. */
    public static String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(REST + path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Cancels the job and waits until it is. */
    public static void cancel(String job) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(REST + "/jobs/" + job + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        awaitState(job, "CANCELED");
    }

    /** Waits up to a minute for the job's state. */
    public static void awaitState(String job, String state) throws Exception {
        String body = "";
        for (int i = 0; i < 600; i++) {
            body = get("/jobs/" + job);
            if (body.contains("\"state\":\"" + state + "\"")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " is not " + state + " within a minute: " + body);
    }
}
