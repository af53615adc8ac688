package io.aicodecraft.api.logging;

import io.aicodecraft.api.config.LogSettings;
import io.aicodecraft.api.http.AccessLog;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Applies {@link LogSettings} to java.util.logging once it is configured from {@code logging.properties}. */
public final class Logs {
    private Logs() {
    }

    public static void apply(LogSettings settings) {
        if (settings.json()) {
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                handler.setFormatter(new JsonLogFormatter());
            }
        }
        Logger.getLogger(AccessLog.LOGGER).setLevel(settings.accessLog() ? Level.INFO : Level.OFF);
    }
}
