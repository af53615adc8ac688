package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.LinkedHashMap;
import java.util.Map;

/** Credentials of the managed PostgreSQL: user, password and database, read by PostgreSQL and the API alike. */
public final class PostgresSecret {

    /** The role and database the API owns; one per stack, so a fixed name is enough. */
    public static final String USERNAME = "aicodecraft";
    public static final String DATABASE = "aicodecraft";

    private PostgresSecret() {
    }

    public static Secret build(AICodeCraftStack stack, String password) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(StackNames.POSTGRES_USERNAME_KEY, USERNAME);
        values.put(StackNames.POSTGRES_PASSWORD_KEY, password);
        values.put(StackNames.POSTGRES_DATABASE_KEY, DATABASE);
        return SecretData.opaque(stack, StackComponent.DATABASE, StackNames.postgresSecret(stack), values);
    }
}
