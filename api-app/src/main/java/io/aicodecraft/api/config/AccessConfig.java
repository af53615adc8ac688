package io.aicodecraft.api.config;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Who may call the API and how often ({@code aicc.admin.key}, {@code aicc.rate.limit.*}). {@code devMode} is set by
 * the {@code dev} command only, never by configuration: it lets {@code X-User-Id} name the caller without a key.
 */
public record AccessConfig(Optional<String> adminKey, Optional<PreviousAdminKey> previousAdminKey, int requestsPerMinute,
                           boolean failOpen, boolean devMode) {
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 120;
    /** Shorter admin keys are guessable; the key guards every other key. */
    public static final int MIN_ADMIN_KEY_LENGTH = 16;

    public AccessConfig {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("aicc.rate.limit.per.minute must be at least 1");
        }
        if (adminKey.isPresent() && adminKey.get().length() < MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "aicc.admin.key (AICC_ADMIN_KEY) must be at least " + MIN_ADMIN_KEY_LENGTH + " characters");
        }
        if (previousAdminKey.isPresent() && adminKey.isEmpty()) {
            throw new IllegalArgumentException("aicc.previous.admin.key (AICC_PREVIOUS_ADMIN_KEY) needs aicc.admin.key");
        }
    }

    /** No admin key (keys cannot be managed), the default budget, fail open, not dev mode. */
    public static AccessConfig defaults() {
        return new AccessConfig(Optional.empty(), Optional.empty(), DEFAULT_REQUESTS_PER_MINUTE, true, false);
    }

    /** {@code aicc.admin.key} and {@code aicc.rate.limit.*} alone: what the {@code dev} command takes from configuration. */
    public static AccessConfig read(io.helidon.config.Config root) {
        return read(new ConfigReader(root.get("aicc")));
    }

    static AccessConfig read(ConfigReader aicc) {
        return new AccessConfig(aicc.text("admin.key"), previous(aicc),
                aicc.positiveInt("rate.limit.per.minute", DEFAULT_REQUESTS_PER_MINUTE),
                aicc.bool("rate.limit.fail.open", true),
                false);
    }

    public AccessConfig withAdminKey(String key) {
        return new AccessConfig(Optional.of(key), previousAdminKey, requestsPerMinute, failOpen, devMode);
    }

    public AccessConfig withRequestsPerMinute(int budget) {
        return new AccessConfig(adminKey, previousAdminKey, budget, failOpen, devMode);
    }

    public AccessConfig withFailOpen(boolean open) {
        return new AccessConfig(adminKey, previousAdminKey, requestsPerMinute, open, devMode);
    }

    public AccessConfig withDevMode(boolean dev) {
        return new AccessConfig(adminKey, previousAdminKey, requestsPerMinute, failOpen, dev);
    }

    public AccessConfig withPreviousAdminKey(String key, Instant expires) {
        return new AccessConfig(adminKey, Optional.of(new PreviousAdminKey(key, expires)), requestsPerMinute, failOpen,
                devMode);
    }

    /** Both or neither: a previous key without its expiry would be valid for ever. */
    private static Optional<PreviousAdminKey> previous(ConfigReader aicc) {
        Optional<String> key = aicc.text("previous.admin.key");
        Optional<String> expires = aicc.text("previous.key.expires");
        if (key.isPresent() != expires.isPresent()) {
            throw new IllegalArgumentException("aicc.previous.admin.key and aicc.previous.key.expires"
                    + " (AICC_PREVIOUS_ADMIN_KEY, AICC_PREVIOUS_KEY_EXPIRES) go together");
        }
        try {
            return key.map(previous -> new PreviousAdminKey(previous, Instant.parse(expires.get())));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("aicc.previous.key.expires (AICC_PREVIOUS_KEY_EXPIRES) is not an"
                    + " RFC 3339 time such as 2026-12-05T10:00:00Z: " + expires.get());
        }
    }

    @Override
    public String toString() {
        return "AccessConfig[adminKey=" + (adminKey.isPresent() ? "***" : "none") + ", previousAdminKey="
                + previousAdminKey.map(PreviousAdminKey::toString).orElse("none") + ", requestsPerMinute="
                + requestsPerMinute + ", failOpen=" + failOpen + ", devMode=" + devMode + "]";
    }
}
