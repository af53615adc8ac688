package io.aicodecraft.operator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fabric8 mock Kubernetes API server in CRUD mode, with a client and a record of the requests
 * it received.
 */
public final class MockCluster implements AutoCloseable {

    /** The mock server logs every request at INFO; held here so the level setting is not garbage collected. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    private final RecordingCrudDispatcher dispatcher = new RecordingCrudDispatcher();
    private final KubernetesMockServer server =
            new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    private final KubernetesClient client;
    private final Thread drain;

    public MockCluster() {
        server.init();
        client = server.createClient();
        // The server also queues every request for takeRequest(); nothing here reads that queue, so it
        // is drained to keep long runs (the benchmark) from holding every request body in memory.
        drain = Thread.ofPlatform().daemon().name("mock-request-drain").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    server.takeRequest();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    public KubernetesClient client() {
        return client;
    }

    /** Every request the server has answered so far. */
    public long requestCount() {
        return dispatcher.requests();
    }

    /** A position in the write log, for {@link #writesSince(int)}. */
    public int writeMark() {
        return dispatcher.writeCount();
    }

    /** Writes ({@code METHOD path}) received after {@code mark}. */
    public List<String> writesSince(int mark) {
        var all = dispatcher.writes();
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    @Override
    public void close() {
        drain.interrupt();
        client.close();
        server.destroy();
    }
}
