package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The roles the API logs in to the managed PostgreSQL as ({@link PostgresLogins}): {@code username} and
 * {@code password} of the one in use, which the API pods read, and each role's password under the role's name, which
 * the grant Job reads. Where a rotation stands is in annotations, so people see it and no value is in them.
 */
public final class PostgresLoginSecret {

    static final String ROTATING_TO = "aicodecraft.io/rotating-to";

    private PostgresLoginSecret() {
    }

    public static Secret build(AICodeCraftStack stack, PostgresLogins logins) {
        Map<String, String> values = new LinkedHashMap<>();
        logins.active().ifPresent(role -> {
            values.put(StackNames.POSTGRES_USERNAME_KEY, role);
            values.put(StackNames.POSTGRES_PASSWORD_KEY, logins.passwords().get(role));
        });
        PostgresLogins.ROLES.stream().filter(logins.passwords()::containsKey)
                .forEach(role -> values.put(role, logins.passwords().get(role)));
        Secret secret = SecretData.opaque(stack, StackComponent.DATABASE, StackNames.postgresLogin(stack), values);
        logins.rotatingTo().ifPresent(role -> secret.getMetadata().setAnnotations(Map.of(ROTATING_TO, role)));
        CredentialRotation.annotate(secret, logins.rotation(), logins.rotatedAt());
        return secret;
    }

    /** The logins a Secret read back holds; a value missing from it reads as a role not yet granted. */
    public static PostgresLogins read(Secret secret) {
        Map<String, String> passwords = new LinkedHashMap<>();
        PostgresLogins.ROLES.forEach(role -> Optional.ofNullable(SecretData.value(secret, role))
                .ifPresent(password -> passwords.put(role, password)));
        Optional<String> active = Optional.ofNullable(SecretData.value(secret, StackNames.POSTGRES_USERNAME_KEY))
                .filter(passwords::containsKey);
        return new PostgresLogins(active, passwords,
                Optional.ofNullable(CredentialRotation.annotations(secret).get(ROTATING_TO)).filter(passwords::containsKey),
                CredentialRotation.rotation(secret), CredentialRotation.rotatedAt(secret));
    }
}
