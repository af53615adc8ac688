package io.aicodecraft.operator.testing;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.function.Supplier;

/**
 * Repeats a read-modify-write of the tests when the operator wrote the same object in between
 * (409 Conflict), as kubectl and the real kubelet do.
 */
final class Conflicts {

    private static final int MAX_ATTEMPTS = 10;

    private Conflicts() {
    }

    static <T> T retry(Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
