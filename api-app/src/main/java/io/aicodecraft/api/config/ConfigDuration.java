package io.aicodecraft.api.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as every setting of the API and the operator writes them, and as the CRD's schema checks them: a whole
 * number and one unit, {@code 500ms}, {@code 5s}, {@code 30m}, {@code 1h}, {@code 2d}.
 */
public final class ConfigDuration {
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private ConfigDuration() {
    }

    public static Duration parse(String key, String text) {
        String value = text.strip();
        Matcher m = SHORT.matcher(value);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        throw new IllegalArgumentException(
                "configuration " + key + " = '" + text + "' is not a duration such as 500ms, 5s, 30m, 1h or 2d");
    }
}
