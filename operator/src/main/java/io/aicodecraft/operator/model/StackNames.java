package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The name of every object a stack owns, in one place so builders, dependents and tests agree. */
public final class StackNames {

    /** Service and label values are DNS labels: at most 63 characters. */
    static final int MAX_NAME_LENGTH = 63;

    /**
     * The StatefulSet controller labels its pods {@code controller-revision-hash: <name>-<10-char hash>},
     * so a StatefulSet name over 52 characters gets no pods.
     */
    static final int MAX_STATEFUL_SET_NAME_LENGTH = 52;

    /**
     * The longest stack name every derived name and label fits: {@code <stack>-postgres-credentials}
     * (the longest suffix) is a DNS label and {@code <stack>-postgres} a StatefulSet name. The CRD
     * enforces it on {@code metadata.name}.
     */
    public static final int MAX_STACK_NAME_LENGTH = 42;

    public static final String POSTGRES_USERNAME_KEY = "username";
    public static final String POSTGRES_PASSWORD_KEY = "password";
    public static final String POSTGRES_DATABASE_KEY = "database";
    public static final String REDIS_PASSWORD_KEY = "password";
    public static final String ADMIN_KEY_KEY = "key";
    public static final String PREVIOUS_ADMIN_KEY_KEY = "previous";
    public static final String PREVIOUS_ADMIN_KEY_EXPIRES_KEY = "previousExpires";

    /** Keys an external PostgreSQL's credentials Secret must have. */
    public static final String EXTERNAL_USERNAME_KEY = "username";
    public static final String EXTERNAL_PASSWORD_KEY = "password";

    /** Keys the object storage's credentials Secret must have. */
    /** The keys of the stack's CA Secret and of its servers' certificate Secrets (kubernetes.io/tls). */
    public static final String CA_CERTIFICATE_KEY = "ca.crt";
    public static final String CA_KEY_KEY = "ca.key";
    public static final String TLS_CERTIFICATE_KEY = "tls.crt";
    public static final String TLS_KEY_KEY = "tls.key";
    public static final String S3_ACCESS_KEY_ID_KEY = "accessKeyId";
    public static final String S3_SECRET_ACCESS_KEY_KEY = "secretAccessKey";

    private StackNames() {
    }

    public static String postgres(AICodeCraftStack stack) {
        return owned(stack, "postgres");
    }

    public static String postgresSecret(AICodeCraftStack stack) {
        return owned(stack, "postgres-credentials");
    }

    /** The roles the API logs in to the managed PostgreSQL as (PostgresLoginSecret). */
    public static String postgresLogin(AICodeCraftStack stack) {
        return owned(stack, "postgres-login");
    }

    /** The managed PostgreSQL's pg_hba.conf with TLS on (PostgresHbaConfigMap). */
    public static String postgresHba(AICodeCraftStack stack) {
        return owned(stack, "postgres-hba");
    }

    public static String certificateAuthority(AICodeCraftStack stack) {
        return owned(stack, "ca");
    }

    public static String postgresTls(AICodeCraftStack stack) {
        return owned(stack, "postgres-tls");
    }

    public static String redisTls(AICodeCraftStack stack) {
        return owned(stack, "redis-tls");
    }

    public static String redis(AICodeCraftStack stack) {
        return owned(stack, "redis");
    }

    public static String redisSecret(AICodeCraftStack stack) {
        return owned(stack, "redis-password");
    }

    public static String redisData(AICodeCraftStack stack) {
        return owned(stack, "redis-data");
    }

    public static String adminKeySecret(AICodeCraftStack stack) {
        return owned(stack, "admin-key");
    }

    public static String apiConfig(AICodeCraftStack stack) {
        return owned(stack, "api-config");
    }

    public static String api(AICodeCraftStack stack) {
        return owned(stack, "api");
    }

    /** The PrometheusRule of the stack's alerts. */
    public static String alerts(AICodeCraftStack stack) {
        return owned(stack, "alerts");
    }

    public static String networkPolicy(AICodeCraftStack stack) {
        return owned(stack, "backends");
    }

    /** The migration Job for the stack's current API image: a new image, a new Job. */
    public static String migrationJob(AICodeCraftStack stack) {
        return owned(stack, "migrate-" + shortHash(stack.getSpec().getApi().getImage()));
    }

    /** The Job that sets {@code role}'s {@code password} in the database: one per password. */
    public static String grantLoginJob(AICodeCraftStack stack, String role, String password) {
        return owned(stack, "grant-login-" + shortHash(role + ":" + password));
    }

    /** The Job that gives the managed PostgreSQL's owner {@code password}: one per password. */
    public static String ownerPasswordJob(AICodeCraftStack stack, String password) {
        return owned(stack, "owner-pass-" + shortHash(password));
    }

    /** The Job that adds {@code password} to the managed Redis: one per password. */
    public static String redisPasswordJob(AICodeCraftStack stack, String password) {
        return owned(stack, "redis-pass-" + shortHash(password));
    }

    /** The CronJob of the scheduled backups; its Jobs are named {@code <this>-<minutes since the epoch>}. */
    public static String backupSchedule(AICodeCraftStack stack) {
        return owned(stack, "backup");
    }

    /** The volume claim the dumps are kept on. */
    public static String backupClaim(AICodeCraftStack stack) {
        return backupClaim(stack.getMetadata().getName());
    }

    /** The backups' claim of the stack named {@code stackName}: a restore reads another stack's dumps there. */
    public static String backupClaim(String stackName) {
        return owned(stackName, "backups");
    }

    /** The Job that restores spec.postgres.restoreFrom before the first migration. */
    public static String restoreJob(AICodeCraftStack stack) {
        return owned(stack, "restore");
    }

    /** The Job of one on-demand backup: a new token of the annotation, a new Job. */
    public static String onDemandBackup(AICodeCraftStack stack, String token) {
        return owned(stack, "backup-now-" + shortHash(token));
    }

    /** In-cluster URL of the API, as the status reports it. */
    public static String apiUrl(AICodeCraftStack stack) {
        return "http://" + api(stack) + "." + stack.getMetadata().getNamespace() + ".svc:" + ApiService.PORT;
    }

    /** Host name of the managed PostgreSQL or Redis Service. */
    static String serviceHost(AICodeCraftStack stack, String serviceName) {
        return serviceName + "." + stack.getMetadata().getNamespace() + ".svc";
    }

    /**
     * {@code <stack>-<suffix>}; a stack name too long for that keeps its start and gains a hash of the
     * whole, so two long stack names never share an object name.
     */
    static String owned(AICodeCraftStack stack, String suffix) {
        return owned(stack.getMetadata().getName(), suffix);
    }

    private static String owned(String stackName, String suffix) {
        String name = stackName + "-" + suffix;
        if (name.length() <= MAX_NAME_LENGTH) {
            return name;
        }
        String hash = shortHash(stackName);
        int keep = MAX_NAME_LENGTH - suffix.length() - hash.length() - 2;
        String start = stackName.substring(0, Math.max(keep, 1)).replaceAll("-+$", "");
        return start + "-" + hash + "-" + suffix;
    }

    /** First 8 hex digits of the SHA-256 of a text. */
    static String shortHash(String text) {
        return sha256Hex(text).substring(0, 8);
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
