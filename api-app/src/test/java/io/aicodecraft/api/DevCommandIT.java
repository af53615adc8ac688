package io.aicodecraft.api;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's first command, after {@code package}: {@code java -jar target/app/api-app-*-app.jar dev} starts the
 * embedded PostgreSQL and Redis from the jar's own Class-Path (libs/ and libs/dev/, which the image leaves out),
 * serves, and stops on SIGTERM as on Ctrl-C.
 */
class DevCommandIT {

    @Test
    void theRunnableJarServesInDevModeAndStopsOnSigterm() throws Exception {
        Path jar = Path.of(System.getProperty("aicodecraft.runnable.jar", "unset: run through Maven (failsafe)"));
        assertThat(jar).isRegularFile();
        int port = TestServers.freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "dev", "--port",
                String.valueOf(port)).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AICC_"));
        Process dev = builder.start();
        try {
            StringBuilder output = new StringBuilder();
            CompletableFuture<Boolean> started = CompletableFuture.supplyAsync(() -> readUntilStarted(dev, output));
            assertThat(started.get(3, TimeUnit.MINUTES)).as("dev mode says it started:%n%s", output).isTrue();

            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            }

            dev.destroy();
            assertThat(dev.waitFor(1, TimeUnit.MINUTES)).as("dev mode stops on SIGTERM").isTrue();
        } finally {
            dev.destroyForcibly();
        }
    }

    /** Reads the output until the started line; then keeps draining it, so the process never blocks on a full pipe. */
    private static boolean readUntilStarted(Process dev, StringBuilder output) {
        var lines = new BufferedReader(new InputStreamReader(dev.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (line.contains("Ctrl-C stops it.")) {
                    Thread.ofVirtual().start(() -> lines.lines().forEach(ignored -> { }));
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
