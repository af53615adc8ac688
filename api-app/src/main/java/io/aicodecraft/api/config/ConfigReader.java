package io.aicodecraft.api.config;

import io.helidon.config.Config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads typed values below one Helidon Config node, naming the full key in every error. */
final class ConfigReader {
    private final Config node;

    ConfigReader(Config node) {
        this.node = node;
    }

    /** The reader of the node below {@code key}, whose errors name the full key. */
    ConfigReader child(String key) {
        return new ConfigReader(node.get(key));
    }

    /** The names of the nodes directly below {@code key}, such as the tiers of {@code aicc.quota.tiers}. */
    List<String> childNames(String key) {
        return node.get(key).asNodeList().orElse(List.of()).stream().map(Config::name).toList();
    }

    Optional<String> text(String key) {
        return node.get(key).asString().asOptional().map(String::strip).filter(s -> !s.isEmpty());
    }

    String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    String required(String key) {
        return text(key).orElseThrow(() -> new IllegalArgumentException(
                "configuration " + fullKey(key) + " (" + envName(key) + ") is required"));
    }

    int positiveInt(String key, int fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the key's name
        }
        throw new IllegalArgumentException(
                "configuration " + fullKey(key) + " = '" + value.get() + "' is not a non-negative integer");
    }

    boolean bool(String key, boolean fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(
                    "configuration " + fullKey(key) + " = '" + value.get() + "' is not true or false");
        };
    }

    Duration duration(String key, Duration fallback) {
        return text(key).map(v -> ConfigDuration.parse(fullKey(key), v)).orElse(fallback);
    }

    private String fullKey(String key) {
        String base = node.key().toString();
        return base.isEmpty() ? key : base + "." + key;
    }

    private String envName(String key) {
        return fullKey(key).replace('.', '_').toUpperCase(java.util.Locale.ROOT);
    }
}
