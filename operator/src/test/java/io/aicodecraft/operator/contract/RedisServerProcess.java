package io.aicodecraft.operator.contract;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The redis-server on the PATH (Debian's, the release a stack runs) with the arguments a test gives it, on loopback. */
record RedisServerProcess(Process process, Path log) implements AutoCloseable {

    /** Started with {@code arguments} (its port among them), and listening on {@code port} when this returns. */
    static RedisServerProcess start(int port, List<String> arguments, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of("redis-server"));
        command.addAll(arguments);
        command.addAll(List.of("--bind", "127.0.0.1"));
        var server = new RedisServerProcess(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start(), log);
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return server;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        server.close();
        throw new AssertionError("redis-server did not listen on " + port + ":\n" + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
    }
}
