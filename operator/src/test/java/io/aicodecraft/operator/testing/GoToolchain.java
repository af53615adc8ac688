package io.aicodecraft.operator.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine's {@code go}, for what the tests take from Go modules (other projects' CRDs, Prometheus's PromQL
 * parser): only through the Go module proxy, into caches outside the repository. Without it a test class is skipped,
 * or fails where the real control plane is required (CI), as for the control plane itself.
 */
final class GoToolchain {

    private GoToolchain() {
    }

    /** {@code go} with {@code arguments} in {@code directory}: its output, or the class skipped or failed. */
    static String go(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of("go"));
        command.addAll(List.of(arguments));
        String output;
        int exit;
        try {
            Process go = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            output = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = go.waitFor();
        } catch (IOException e) {
            throw unavailable("cannot run go (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (exit != 0) {
            throw unavailable(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static RuntimeException unavailable(String reason) {
        if (Boolean.parseBoolean(System.getenv(RealApiServer.REQUIRE))) {
            Assertions.fail(reason + " (" + RealApiServer.REQUIRE + "=true)");
        }
        Assumptions.abort(reason);
        return new IllegalStateException("unreachable");
    }
}
