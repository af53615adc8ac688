package io.aicodecraft.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Main} run as the operator's Jobs and pods run it: a separate JVM on the tests' classpath, configured by
 * environment variables alone (the test JVM's {@code AICC_*} and {@code AWS_*} variables removed).
 */
public final class MainProcess {
    private MainProcess() {
    }

    /** One finished run: its exit code, what it printed to stdout and to stderr. */
    public record Run(int exitCode, String stdout, String stderr) {
        /** Both streams, for a test that only looks for a message. */
        public String output() {
            return stdout + stderr;
        }
    }

    public static Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("main-stderr", ".txt");
        try {
            Process process = builder(environment, args).redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command ends by itself").isTrue();
            return new Run(process.exitValue(), stdout, Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    /** A command that keeps running (the server), its stdout and stderr both into {@code output}. */
    public static Process start(Map<String, String> environment, Path output, String... args) throws IOException {
        Process process = builder(environment, args).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        process.getOutputStream().close();
        return process;
    }

    private static ProcessBuilder builder(Map<String, String> environment, String[] args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("AICC_") || name.startsWith("AWS_"));
        builder.environment().putAll(environment);
        return builder;
    }
}
