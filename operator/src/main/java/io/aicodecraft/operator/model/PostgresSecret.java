package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials of the managed PostgreSQL's owner: user, password and database, read by PostgreSQL (at its first start)
 * and the owner's Jobs; and, while a rotation sets it, the owner's {@code next} password ({@link PostgresOwnerPassword}).
 */
public final class PostgresSecret {

    /** The role and database the API owns; one per stack, so a fixed name is enough. */
    public static final String USERNAME = "aicodecraft";
    public static final String DATABASE = "aicodecraft";
    static final String NEXT_KEY = "next";

    private PostgresSecret() {
    }

    public static Secret build(AICodeCraftStack stack, PostgresOwnerPassword owner) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(StackNames.POSTGRES_USERNAME_KEY, USERNAME);
        values.put(StackNames.POSTGRES_PASSWORD_KEY, owner.password());
        values.put(StackNames.POSTGRES_DATABASE_KEY, DATABASE);
        owner.next().ifPresent(next -> values.put(NEXT_KEY, next));
        Secret secret = SecretData.opaque(stack, StackComponent.DATABASE, StackNames.postgresSecret(stack), values);
        CredentialRotation.annotate(secret, owner.rotation(), owner.rotatedAt());
        return secret;
    }

    /**
     * The owner's password a Secret read back holds, when it has one. Until a first rotation the password dates from
     * the Secret's creation (a rotation schedule counts from then).
     */
    public static Optional<PostgresOwnerPassword> read(Secret secret) {
        return Optional.ofNullable(SecretData.value(secret, StackNames.POSTGRES_PASSWORD_KEY))
                .filter(password -> !password.isBlank())
                .map(password -> new PostgresOwnerPassword(password,
                        Optional.ofNullable(SecretData.value(secret, NEXT_KEY)).filter(next -> !next.isBlank()),
                        CredentialRotation.rotation(secret), CredentialRotation.rotatedAt(secret)
                                .or(() -> CredentialRotation.instant(secret.getMetadata().getCreationTimestamp()))));
    }
}
