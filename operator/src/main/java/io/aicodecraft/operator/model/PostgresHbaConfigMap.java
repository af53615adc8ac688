package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;

import java.util.Map;

/**
 * The managed PostgreSQL's client authentication with TLS on ({@code hba_file}): over the network only TLS
 * connections with a password, so a client that would talk in plain text is refused rather than served. Inside the pod
 * the Unix socket stays as the postgres image sets it up, for its entrypoint.
 */
public final class PostgresHbaConfigMap {

    static final String FILE = "pg_hba.conf";
    static final String VOLUME = "hba";
    static final String DIRECTORY = "/etc/aicodecraft/postgres-hba";
    static final String CONTENT = """
            # TYPE    DATABASE USER ADDRESS METHOD
            # the postgres image's entrypoint, its tools and the exporter inside the pod, over the Unix socket (as the image has it)
            local     all      all          trust
            # over the network: TLS and a SCRAM password, and nothing in plain text
            hostssl   all      all  all     scram-sha-256
            hostnossl all      all  all     reject
            """;

    private PostgresHbaConfigMap() {
    }

    /** With a managed PostgreSQL, whether TLS is on or not, like its certificate: turning TLS on needs nothing new. */
    public static boolean applies(AICodeCraftStack stack) {
        return PostgresStatefulSet.applies(stack);
    }

    public static ConfigMap build(AICodeCraftStack stack) {
        return new ConfigMapBuilder()
                .withMetadata(StackComponent.DATABASE.metadata(stack, StackNames.postgresHba(stack)))
                .withData(Map.of(FILE, CONTENT))
                .build();
    }

    static Volume volume(AICodeCraftStack stack) {
        return new VolumeBuilder().withName(VOLUME)
                .withNewConfigMap().withName(StackNames.postgresHba(stack)).endConfigMap()
                .build();
    }

    static VolumeMount mount() {
        return RestrictedSecurity.readOnlyMount(VOLUME, DIRECTORY);
    }
}
