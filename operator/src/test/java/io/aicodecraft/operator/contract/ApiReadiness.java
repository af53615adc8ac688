package io.aicodecraft.operator.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** An API process's {@code /health/ready}, polled as the kubelet's readiness probe polls it. */
final class ApiReadiness {

    private ApiReadiness() {
    }

    /**
     * The first 200 answer, or the last answer when the process ended or a minute passed; an AssertionError with the
     * process's {@code log} when it never answered at all.
     */
    static HttpResponse<String> await(URI base, Process process, Path log) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> last = null;
        for (int i = 0; i < 120 && process.isAlive(); i++) {
            try {
                last = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        if (last == null) {
            throw new AssertionError("the API never answered /health/ready:\n" + Files.readString(log));
        }
        return last;
    }
}
