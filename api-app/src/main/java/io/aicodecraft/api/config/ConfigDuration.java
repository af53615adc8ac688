package io.aicodecraft.api.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in config ({@code 500ms}, {@code 5s}, {@code 1h}, {@code 2d}) or ISO-8601. */
public final class ConfigDuration {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

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
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "configuration " + key + " = '" + text + "' is not a duration such as 500ms, 5s, 1h or PT5S");
        }
    }
}
