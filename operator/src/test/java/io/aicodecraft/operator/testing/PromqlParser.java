package io.aicodecraft.operator.testing;

import io.aicodecraft.operator.install.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Prometheus's own PromQL parser: {@code testcluster/promql}, a small command on the Prometheus module of a pinned
 * release, built once per version of its sources into the tests' cache (beside the control plane's binaries).
 */
public final class PromqlParser {

    private static final Path SOURCES = Repository.ROOT.resolve("testcluster/promql");

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

    private static synchronized Path built() {
        try {
            byte[] sources = (Files.readString(SOURCES.resolve("go.sum")) + Files.readString(SOURCES.resolve("main.go")))
                    .getBytes(StandardCharsets.UTF_8);
            String version = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sources)).substring(0, 12);
            Path command = RealApiServer.binariesRoot().resolve("promql").resolve(version).resolve("promql");
            if (!Files.isExecutable(command)) {
                GoToolchain.go(SOURCES, "build", "-trimpath", "-o", command.toString(), ".");
            }
            return command;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
