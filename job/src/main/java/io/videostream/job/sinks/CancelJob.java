package io.videostream.job.sinks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.flink.api.common.JobID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a job the way its user would in the web UI, through Flink's REST API: a cancelled job ends
 * cleanly (CANCELED) wherever its other tasks run.
 */
final class CancelJob {
    private static final Logger LOG = LoggerFactory.getLogger(CancelJob.class);

    private CancelJob() {}

    /** Asks the cluster at {@code restUrl} (null: unknown, then only a log line says what to do) to cancel {@code job}. */
    static void viaRest(String restUrl, JobID job) {
        if (restUrl == null) {
            LOG.warn("Stop: no REST address of the cluster is known; cancel job {} in the web UI", job);
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl + "/jobs/" + job + "?mode=cancel"))
                .timeout(Duration.ofSeconds(10))
                .method("PATCH", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error != null || response.statusCode() >= 300) {
                LOG.warn("Stop: cancelling job {} at {} failed: {}", job, restUrl,
                        error != null ? error.toString() : response.statusCode() + " " + response.body());
            } else {
                LOG.info("Stop: job {} is being cancelled", job);
            }
        });
    }
}
