package io.aicodecraft.operator.model;

import io.fabric8.kubernetes.api.model.ConfigMap;

import java.util.Map;
import java.util.TreeMap;

/**
 * A short hash of the API's rendered configuration. It goes on the pod template as an annotation, so a
 * configuration change changes the template and Kubernetes rolls the pods.
 */
public final class ConfigHash {

    /** The pod template annotation that carries the hash. */
    public static final String ANNOTATION = "aicodecraft.io/config-hash";

    private ConfigHash() {
    }

    public static String of(ConfigMap config) {
        Map<String, String> data = config.getData() == null ? Map.of() : new TreeMap<>(config.getData());
        StringBuilder text = new StringBuilder();
        data.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return StackNames.sha256Hex(text.toString()).substring(0, 16);
    }
}
