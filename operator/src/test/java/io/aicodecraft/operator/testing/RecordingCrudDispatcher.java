package io.aicodecraft.operator.testing;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock API server's CRUD dispatcher, remembering every request it answers: all of them are
 * counted, and writes (anything but GET) are kept as {@code METHOD path} lines.
 */
final class RecordingCrudDispatcher extends KubernetesCrudDispatcher {

    private final AtomicLong requests = new AtomicLong();
    private final List<String> writes = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.incrementAndGet();
        if (!"GET".equals(request.getMethod())) {
            writes.add(request.getMethod() + " " + request.getPath());
        }
        return super.dispatch(request);
    }

    long requests() {
        return requests.get();
    }

    List<String> writes() {
        return List.copyOf(writes);
    }

    int writeCount() {
        return writes.size();
    }
}
