package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.ExternalPostgresSpec;
import io.aicodecraft.operator.crd.ExternalRedisSpec;
import io.aicodecraft.operator.crd.SecretKeyReference;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;

import java.util.ArrayList;
import java.util.List;

/** The environment of an API container (server and migration alike): the ConfigMap, plus secrets by reference. */
final class ApiEnvironment {

    private ApiEnvironment() {
    }

    static List<EnvFromSource> fromConfigMap(AICodeCraftStack stack) {
        return List.of(new EnvFromSourceBuilder()
                .withNewConfigMapRef().withName(StackNames.apiConfig(stack)).endConfigMapRef()
                .build());
    }

    /** What a command run as the database's owner needs (the migrations, granting a login), and no more. */
    static List<EnvVar> databaseSecrets(AICodeCraftStack stack) {
        ExternalPostgresSpec externalPostgres = stack.getSpec().getPostgres().getExternal();
        return externalPostgres != null ? externalCredentials(externalPostgres)
                : credentials(StackNames.postgresSecret(stack));
    }

    /**
     * What the API server needs: database, Redis, model and admin credentials. On the managed PostgreSQL it logs in
     * as the login role in use (PostgresLoginSecret), never as the owner.
     */
    static List<EnvVar> allSecrets(AICodeCraftStack stack) {
        ExternalPostgresSpec externalPostgres = stack.getSpec().getPostgres().getExternal();
        List<EnvVar> env = new ArrayList<>(externalPostgres != null ? externalCredentials(externalPostgres)
                : credentials(StackNames.postgresLogin(stack)));
        ExternalRedisSpec externalRedis = stack.getSpec().getRedis().getExternal();
        if (externalRedis != null) {
            env.add(fromSecret("AICC_REDIS_URL", externalRedis.getUrlSecretRef()));
            if (externalRedis.getPasswordSecretRef() != null) {
                env.add(fromSecret("AICC_REDIS_PASSWORD", externalRedis.getPasswordSecretRef()));
            }
        } else {
            env.add(EnvVars.fromSecret("AICC_REDIS_PASSWORD", StackNames.redisSecret(stack), StackNames.REDIS_PASSWORD_KEY));
        }
        SecretKeyReference modelKey = stack.getSpec().getApi().getModel().getApiKeySecretRef();
        if (modelKey != null) {
            env.add(fromSecret("AICC_MODEL_API_KEY", modelKey));
        }
        String admin = StackNames.adminKeySecret(stack);
        env.add(EnvVars.fromSecret("AICC_ADMIN_KEY", admin, StackNames.ADMIN_KEY_KEY));
        // only after a rotation
        env.add(EnvVars.fromOptionalSecret("AICC_PREVIOUS_ADMIN_KEY", admin, StackNames.PREVIOUS_ADMIN_KEY_KEY));
        env.add(EnvVars.fromOptionalSecret("AICC_PREVIOUS_KEY_EXPIRES", admin, StackNames.PREVIOUS_ADMIN_KEY_EXPIRES_KEY));
        return env;
    }

    private static List<EnvVar> credentials(String secret) {
        return List.of(EnvVars.fromSecret("AICC_DB_USER", secret, StackNames.POSTGRES_USERNAME_KEY),
                EnvVars.fromSecret("AICC_DB_PASSWORD", secret, StackNames.POSTGRES_PASSWORD_KEY));
    }

    private static List<EnvVar> externalCredentials(ExternalPostgresSpec external) {
        String secret = external.getCredentialsSecretRef().getName();
        return List.of(EnvVars.fromSecret("AICC_DB_USER", secret, StackNames.EXTERNAL_USERNAME_KEY),
                EnvVars.fromSecret("AICC_DB_PASSWORD", secret, StackNames.EXTERNAL_PASSWORD_KEY));
    }

    private static EnvVar fromSecret(String variable, SecretKeyReference reference) {
        return EnvVars.fromSecret(variable, reference.getName(), reference.getKey());
    }
}
