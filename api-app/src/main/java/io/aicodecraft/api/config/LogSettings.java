package io.aicodecraft.api.config;

import io.helidon.config.Config;

/**
 * How the API logs ({@code aicc.log.*}): {@code format} {@code text} (one line per record) or {@code json} (one JSON
 * object per line, for log collectors), and {@code access} whether each request gets an access log line.
 */
public record LogSettings(boolean json, boolean accessLog) {

    public static LogSettings read(Config root) {
        ConfigReader log = new ConfigReader(root.get("aicc.log"));
        String format = log.text("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException(
                    "configuration aicc.log.format (AICC_LOG_FORMAT) is text or json, not '" + format + "'");
        }
        return new LogSettings(format.equals("json"), log.bool("access", true));
    }
}
