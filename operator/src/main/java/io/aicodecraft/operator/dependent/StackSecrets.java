package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.AdminKeySecret;
import io.aicodecraft.operator.model.AdminKeys;
import io.aicodecraft.operator.model.CaSecret;
import io.aicodecraft.operator.model.CertificateAuthority;
import io.aicodecraft.operator.model.PostgresLoginSecret;
import io.aicodecraft.operator.model.PostgresLogins;
import io.aicodecraft.operator.model.PostgresOwnerPassword;
import io.aicodecraft.operator.model.PostgresSecret;
import io.aicodecraft.operator.model.RedisPasswords;
import io.aicodecraft.operator.model.RedisSecret;
import io.aicodecraft.operator.model.ServerCertificate;
import io.aicodecraft.operator.model.ServerTlsSecret;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.StackTls;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The stack's certificate and login Secrets as the informers last saw them, looked up by name (many dependents are Secrets). */
public final class StackSecrets {

    private StackSecrets() {
    }

    public static Optional<CertificateAuthority> certificateAuthority(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return named(context, StackNames.certificateAuthority(stack)).map(CaSecret::read);
    }

    public static Optional<ServerCertificate> postgresCertificate(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return named(context, StackNames.postgresTls(stack)).map(ServerTlsSecret::read);
    }

    public static Optional<ServerCertificate> redisCertificate(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return named(context, StackNames.redisTls(stack)).map(ServerTlsSecret::read);
    }

    /**
     * The CA certificates the API's pods trust: the stack CA's, or with cert-manager the ones it wrote beside the
     * servers' certificates.
     */
    public static Optional<String> trustedCa(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        if (!StackTls.certManager(stack)) {
            return certificateAuthority(stack, context).map(CertificateAuthority::certificate);
        }
        String issuers = Stream.of(StackNames.postgresTls(stack), StackNames.redisTls(stack))
                .flatMap(name -> named(context, name).stream())
                .flatMap(secret -> ServerTlsSecret.ca(secret).stream())
                .collect(Collectors.joining());
        return issuers.isEmpty() ? Optional.empty() : Optional.of(issuers);
    }

    /** The roles the API logs in to the managed PostgreSQL as, when their Secret holds a usable state. */
    public static Optional<PostgresLogins> postgresLogins(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return named(context, StackNames.postgresLogin(stack)).map(PostgresLoginSecret::read).filter(PostgresLogins::usable);
    }

    /** The API's admin keys, when their Secret holds one. */
    public static Optional<AdminKeys> adminKeys(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return named(context, StackNames.adminKeySecret(stack)).flatMap(AdminKeySecret::read);
    }

    /** The managed PostgreSQL owner's password, when its Secret holds one. */
    public static Optional<PostgresOwnerPassword> ownerPassword(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return named(context, StackNames.postgresSecret(stack)).flatMap(PostgresSecret::read);
    }

    /** The managed Redis's passwords, when their Secret holds one in use. */
    public static Optional<RedisPasswords> redisPasswords(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return named(context, StackNames.redisSecret(stack)).flatMap(RedisSecret::read);
    }

    /** The password of the managed Redis's exporter user, when their Secret holds one. */
    public static Optional<String> redisExporterPassword(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return named(context, StackNames.redisSecret(stack)).flatMap(RedisSecret::exporterPassword);
    }

    /** Whether the informers saw the stack's Secret {@code name}. */
    public static boolean present(Context<AICodeCraftStack> context, String name) {
        return named(context, name).isPresent();
    }

    private static Optional<Secret> named(Context<AICodeCraftStack> context, String name) {
        return context.getSecondaryResourcesAsStream(Secret.class)
                .filter(secret -> name.equals(secret.getMetadata().getName()))
                .findFirst();
    }
}
