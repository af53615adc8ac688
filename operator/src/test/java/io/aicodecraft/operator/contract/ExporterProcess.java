package io.aicodecraft.operator.contract;

import io.aicodecraft.api.TestServers;
import io.aicodecraft.operator.testing.GoBinary;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An exporter container of a stack's pod (PostgresExporter, RedisExporter) run on this machine: the release its
 * image is, built from its Go module under {@code testcluster/exporters}, with the container's own arguments and
 * {@code environment} (as a LocalContainer gives it) and nothing else; only its listening port is a free one.
 */
record ExporterProcess(Process process, Path log, URI metrics) implements AutoCloseable {

    /** Both exporters take the Prometheus exporter toolkit's flag. */
    private static final String LISTEN = "--web.listen-address=";

    /** {@code pkg} of {@code module} as {@code name}, with the container's {@code arguments} and {@code environment}. */
    static ExporterProcess start(String module, String name, String pkg, int containerPort, List<String> arguments,
                                 Map<String, String> environment, Path log) throws IOException {
        String listen = LISTEN + ":" + containerPort;
        assertThat(arguments).as("the container's arguments").contains(listen);
        int port = TestServers.freePort();
        List<String> command = new ArrayList<>(List.of(GoBinary.built(module, name, pkg).toString()));
        arguments.stream().map(arg -> arg.equals(listen) ? LISTEN + "127.0.0.1:" + port : arg).forEach(command::add);
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new ExporterProcess(builder.start(), log, URI.create("http://127.0.0.1:" + port + "/metrics"));
    }

    /** The exporter's page once it shows {@code upLine} (such as {@code pg_up 1}): its first scrape connects. */
    String scrapeWhenUp(String upLine) {
        HttpClient http = HttpClient.newHttpClient();
        String[] page = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
            page[0] = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
            return page[0].contains("\n" + upLine + "\n");
        });
        return page[0];
    }

    @Override
    public void close() {
        process.destroy();
    }
}
