package io.aicodecraft.api.backup;

import io.aicodecraft.api.config.ConfigDuration;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code AICC_BACKUP_*} environment variables the operator sets on a backup or restore Job's containers. Each
 * read names the variable in its {@link IllegalArgumentException} (exit code 2); no message carries a value that
 * may be a secret.
 */
public final class BackupEnvironment {
    public static final String STACK = "AICC_BACKUP_STACK";
    public static final String DESTINATION = "AICC_BACKUP_DESTINATION";
    public static final String DIR = "AICC_BACKUP_DIR";
    public static final String RESULT_FILE = "AICC_BACKUP_RESULT_FILE";
    public static final String KEEP_COUNT = "AICC_BACKUP_KEEP_COUNT";
    public static final String KEEP_AGE = "AICC_BACKUP_KEEP_AGE";
    public static final String S3_ENDPOINT = "AICC_BACKUP_S3_ENDPOINT";
    public static final String S3_BUCKET = "AICC_BACKUP_S3_BUCKET";
    public static final String S3_PREFIX = "AICC_BACKUP_S3_PREFIX";
    public static final String S3_REGION = "AICC_BACKUP_S3_REGION";
    public static final String S3_PATH_STYLE = "AICC_BACKUP_S3_PATH_STYLE";
    public static final String S3_CA_FILE = "AICC_BACKUP_S3_CA_FILE";
    public static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";

    private final Map<String, String> env;

    public BackupEnvironment(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String required(String name, String meaning) {
        return text(name).orElseThrow(() -> new IllegalArgumentException(name + " is required (" + meaning + ")"));
    }

    /** {@link #STACK}, a DNS-1123 label. */
    public String stack() {
        String stack = required(STACK, "the stack's name, which names its dumps");
        try {
            return BackupName.requireStack(stack);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(STACK + ": " + e.getMessage());
        }
    }

    public boolean bool(String name, boolean fallback) {
        return text(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " = '" + v + "' is not true or false");
        }).orElse(fallback);
    }

    /** {@link #KEEP_COUNT} (an integer of at least 1) and {@link #KEEP_AGE} (a duration such as 30m or 7d). */
    public Retention retention() {
        OptionalInt count = text(KEEP_COUNT).map(v -> {
            try {
                int parsed = Integer.parseInt(v);
                if (parsed >= 1) {
                    return OptionalInt.of(parsed);
                }
            } catch (NumberFormatException ignored) {
                // reported below with the variable's name
            }
            throw new IllegalArgumentException(KEEP_COUNT + " = '" + v + "' is not an integer of at least 1");
        }).orElse(OptionalInt.empty());
        Optional<Duration> age = text(KEEP_AGE).map(v -> ConfigDuration.parse(KEEP_AGE, v));
        if (age.isPresent() && age.get().isZero()) {
            throw new IllegalArgumentException(KEEP_AGE + " = '" + text(KEEP_AGE).orElseThrow()
                    + "' must be longer than zero");
        }
        return new Retention(count, age);
    }
}
