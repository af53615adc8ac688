package io.aicodecraft.operator.e2e;

import io.aicodecraft.operator.probe.ServiceAddressResolver;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's probe address for a Service when the operator runs outside the cluster: a local
 * port forwarded to the Service. Until the Service has a pod to forward to, the answer is an
 * address nothing listens on, so the probe reports the API unreachable and tries again later.
 */
final class PortForwardingResolver implements ServiceAddressResolver, AutoCloseable {

    private static final URI NOTHING_LISTENS = URI.create("http://127.0.0.1:9");

    private final KubernetesClient client;
    private final Map<String, LocalPortForward> forwards = new ConcurrentHashMap<>();

    PortForwardingResolver(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public URI baseUri(Service service, int port) {
        String key = service.getMetadata().getNamespace() + "/" + service.getMetadata().getName() + ":" + port;
        try {
            LocalPortForward forward = forwards.computeIfAbsent(key, k -> client.services()
                    .inNamespace(service.getMetadata().getNamespace())
                    .withName(service.getMetadata().getName())
                    .portForward(port));
            return URI.create("http://127.0.0.1:" + forward.getLocalPort());
        } catch (RuntimeException noPodYet) {
            return NOTHING_LISTENS;
        }
    }

    @Override
    public void close() {
        forwards.values().forEach(forward -> {
            try {
                forward.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
