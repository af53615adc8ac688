package io.aicodecraft.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Prometheus's own PromQL parser: {@code testcluster/promql}, a small command on the Prometheus module of a pinned
 * release (GoBinary).
 */
public final class PromqlParser {

    private PromqlParser() {
    }

    /** What the parser says of each of {@code expressions} it refuses; empty when it takes them all. */
    public static String refusals(List<String> expressions) {
        Path command = built();
        try {
            Process parser = new ProcessBuilder(command.toString()).redirectErrorStream(true).start();
            try (var input = parser.getOutputStream()) {
                input.write((String.join("\n", expressions) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(parser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            parser.waitFor();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path built() {
        return GoBinary.built("testcluster/promql", "promql", ".");
    }
}
