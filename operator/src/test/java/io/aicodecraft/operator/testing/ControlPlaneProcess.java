package io.aicodecraft.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One control-plane binary run as a child process, its output in a log file that outlives the test. */
final class ControlPlaneProcess implements AutoCloseable {

    private final String name;
    private final Path log;
    private final Process process;

    private ControlPlaneProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    static ControlPlaneProcess start(Path binary, List<String> arguments, Path logDirectory) {
        var command = new ArrayList<String>();
        command.add(binary.toString());
        command.addAll(arguments);
        String name = binary.getFileName().toString();
        Path log = logDirectory.resolve(name + ".log");
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ControlPlaneProcess(name, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    /** Fails with the log's place when the process has exited (a bad flag, a lost API server). */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; its log: " + log);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
