package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.CredentialsStatus;
import io.aicodecraft.operator.crd.TlsStatus;
import io.aicodecraft.operator.model.PoolPlan;
import java.util.List;
import java.util.Optional;

/**
 * What one reconcile found, condition by condition, plus the facts the status needs besides them.
 *
 * @param components PostgresReady, Restored (with spec.postgres.restoreFrom), RedisReady, PoolsConfigured,
 *     MigrationsComplete and ApiReady, in that order
 * @param plan the pool plan of the spec
 * @param migratedImage the image whose migration Job succeeded in this generation, if it did
 * @param apiServiceExists whether the API Service exists, so the status can name its endpoint
 * @param apiServing whether an API Deployment (of any image) has its pods available
 * @param apiReadyReplicas the API Deployment's ready pods, as its status counts them (0 without one)
 * @param backups the backups, when the stack has them
 * @param tls the certificates of the managed servers, when they serve TLS
 * @param credentials the generated credentials' rotations, when there are any
 */
public record Observation(List<ConditionState> components, PoolPlan plan, Optional<String> migratedImage,
                          boolean apiServiceExists, boolean apiServing, int apiReadyReplicas,
                          Optional<BackupHealth> backups, Optional<TlsStatus> tls,
                          Optional<CredentialsStatus> credentials) {

    public Observation {
        components = List.copyOf(components);
    }

    public ConditionState component(String type) {
        return components.stream().filter(c -> c.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no condition " + type));
    }

    public boolean allHold() {
        return components.stream().allMatch(ConditionState::holds);
    }
}
