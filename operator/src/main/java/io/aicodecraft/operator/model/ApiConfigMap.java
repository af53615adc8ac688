package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.ApiSpec;
import io.aicodecraft.operator.crd.ExternalPostgresSpec;
import io.aicodecraft.operator.crd.ModelProvider;
import io.aicodecraft.operator.crd.ModelSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

import java.util.Map;
import java.util.TreeMap;

/**
 * The API's non-secret configuration, under the {@code AICC_*} names both sides share. Credentials are
 * never here: the pods read them from Secrets by {@code secretKeyRef} (see {@link ApiEnvironment}).
 */
public final class ApiConfigMap {

    private ApiConfigMap() {
    }

    /**
     * A pool plan that fits: a refused plan gets no API configuration, so neither the migration nor the API that
     * depend on it (render and the workflow ask here alike).
     */
    public static boolean applies(AICodeCraftStack stack) {
        return PoolPlan.of(stack.getSpec()).fits();
    }

    public static ConfigMap build(AICodeCraftStack stack, PoolPlan plan) {
        ApiSpec api = stack.getSpec().getApi();
        // sorted, so the same spec always renders (and hashes) the same
        Map<String, String> data = new TreeMap<>();
        data.put("AICC_HTTP_PORT", Integer.toString(ApiService.PORT));
        data.put("AICC_DB_URL", databaseUrl(stack));
        data.put("AICC_DB_POOL_MIN_IDLE", Integer.toString(api.getPools().getDatabase().getMinIdle()));
        data.put("AICC_DB_POOL_MAX_SIZE", Integer.toString(plan.databasePoolPerPod()));
        data.put("AICC_DB_POOL_CONNECTION_TIMEOUT", api.getPools().getDatabase().getConnectionTimeout());
        if (stack.getSpec().getRedis().getManaged() != null) {
            // an external Redis's URL carries its password, so it comes from its Secret instead
            data.put("AICC_REDIS_URL", (StackTls.redis(stack) ? "rediss://" : "redis://") + StackNames.serviceHost(stack, StackNames.redis(stack)) + ":"
                    + RedisService.PORT);
        }
        ApiPodVolumes.redisCa(stack).ifPresent(ca -> data.put("AICC_REDIS_CA_FILE", ApiPodVolumes.REDIS_CA_FILE));
        data.put("AICC_REDIS_POOL_MAX_TOTAL", Integer.toString(api.getPools().getRedis().getMaxTotal()));
        data.put("AICC_REDIS_POOL_MAX_IDLE", Integer.toString(api.getPools().getRedis().getMaxIdle()));
        data.put("AICC_CACHE_TTL", api.getCache().getTtl());
        data.put("AICC_CHAIN_WORKERS", Integer.toString(PoolPlan.CHAIN_WORKERS));
        ModelSpec model = api.getModel();
        data.put("AICC_MODEL_PROVIDER", model.getProvider().wireName());
        if (model.getProvider() == ModelProvider.OPENAI) {
            data.put("AICC_MODEL_BASE_URL", model.getBaseUrl());
            data.put("AICC_MODEL_NAME", model.getModel());
        }
        data.put("AICC_RATE_LIMIT_PER_MINUTE", Integer.toString(api.getRateLimit().getRequestsPerMinute()));
        return new ConfigMapBuilder()
                .withMetadata(StackComponent.API.metadata(stack, StackNames.apiConfig(stack)))
                .withData(data)
                .build();
    }

    private static String databaseUrl(AICodeCraftStack stack) {
        ExternalPostgresSpec external = stack.getSpec().getPostgres().getExternal();
        if (external != null) {
            return "jdbc:postgresql://" + external.getHost() + ":" + external.getPort() + "/" + external.getDatabase()
                    + "?sslmode=" + external.getSslMode().wireName()
                    + ApiPodVolumes.postgresCa(stack).map(ca -> "&sslrootcert=" + ApiPodVolumes.CA_FILE).orElse("");
        }
        return "jdbc:postgresql://" + StackNames.serviceHost(stack, StackNames.postgres(stack)) + ":"
                + PostgresService.PORT + "/" + PostgresSecret.DATABASE
                + (StackTls.postgres(stack) ? "?sslmode=verify-full&sslrootcert=" + ApiPodVolumes.CA_FILE : "");
    }
}
