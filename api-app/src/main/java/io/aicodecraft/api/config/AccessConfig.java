package io.aicodecraft.api.config;

import java.util.Optional;

/**
 * Who may call the API and how often ({@code aicc.admin.key}, {@code aicc.rate.limit.*}). {@code devMode} is set by
 * the {@code dev} command only, never by configuration: it lets {@code X-User-Id} name the caller without a key.
 */
public record AccessConfig(Optional<String> adminKey, int requestsPerMinute, boolean failOpen, boolean devMode) {
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
    }

    /** No admin key (keys cannot be managed), the default budget, fail open, not dev mode. */
    public static AccessConfig defaults() {
        return new AccessConfig(Optional.empty(), DEFAULT_REQUESTS_PER_MINUTE, true, false);
    }

    /** {@code aicc.admin.key} and {@code aicc.rate.limit.*} alone: what the {@code dev} command takes from configuration. */
    public static AccessConfig read(io.helidon.config.Config root) {
        return read(new ConfigReader(root.get("aicc")));
    }

    static AccessConfig read(ConfigReader aicc) {
        return new AccessConfig(aicc.text("admin.key"),
                aicc.positiveInt("rate.limit.per.minute", DEFAULT_REQUESTS_PER_MINUTE),
                aicc.bool("rate.limit.fail.open", true),
                false);
    }

    public AccessConfig withAdminKey(String key) {
        return new AccessConfig(Optional.of(key), requestsPerMinute, failOpen, devMode);
    }

    public AccessConfig withRequestsPerMinute(int budget) {
        return new AccessConfig(adminKey, budget, failOpen, devMode);
    }

    public AccessConfig withFailOpen(boolean open) {
        return new AccessConfig(adminKey, requestsPerMinute, open, devMode);
    }

    public AccessConfig withDevMode(boolean dev) {
        return new AccessConfig(adminKey, requestsPerMinute, failOpen, dev);
    }

    @Override
    public String toString() {
        return "AccessConfig[adminKey=" + (adminKey.isPresent() ? "***" : "none") + ", requestsPerMinute="
                + requestsPerMinute + ", failOpen=" + failOpen + ", devMode=" + devMode + "]";
    }
}
