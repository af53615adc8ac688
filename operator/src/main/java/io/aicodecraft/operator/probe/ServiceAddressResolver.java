package io.aicodecraft.operator.probe;

import io.fabric8.kubernetes.api.model.Service;
import java.net.URI;

/**
 * Turns a Service into the base address the operator's probe calls. Injectable because an
 * operator outside the cluster (or a test) cannot reach cluster DNS names.
 */
@FunctionalInterface
public interface ServiceAddressResolver {

    /** The base URI of {@code service} on {@code port}, without a trailing slash. */
    URI baseUri(Service service, int port);

    /** In-cluster resolution: {@code http://name.namespace.svc:port}. */
    static ServiceAddressResolver clusterDns() {
        return new AddressTemplate(AddressTemplate.CLUSTER_DNS);
    }
}
