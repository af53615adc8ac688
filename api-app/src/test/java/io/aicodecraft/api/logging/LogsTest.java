package io.aicodecraft.api.logging;

import io.aicodecraft.api.config.LogSettings;
import io.aicodecraft.api.http.AccessLog;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogsTest {
    private final Handler handler = new ConsoleHandler();
    private final Level accessLevel = Logger.getLogger(AccessLog.LOGGER).getLevel();

    @AfterEach
    void restore() {
        Logger.getLogger("").removeHandler(handler);
        Logger.getLogger(AccessLog.LOGGER).setLevel(accessLevel);
    }

    private static LogSettings read(Map<String, String> values) {
        return LogSettings.read(Config.just(ConfigSources.create(values)));
    }

    @Test
    void jsonFormatPutsTheJsonFormatterOnEveryRootHandler() {
        Logger.getLogger("").addHandler(handler);

        Logs.apply(read(Map.of("aicc.log.format", "json")));

        assertThat(handler.getFormatter()).isInstanceOf(JsonLogFormatter.class);
        assertThat(Logger.getLogger(AccessLog.LOGGER).getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void accessLogCanBeTurnedOff() {
        Logs.apply(read(Map.of("aicc.log.access", "false")));

        assertThat(Logger.getLogger(AccessLog.LOGGER).isLoggable(Level.INFO)).isFalse();
    }

    @Test
    void textAndAnAccessLogAreTheDefault() {
        assertThat(read(Map.of())).isEqualTo(new LogSettings(false, true));
    }

    @Test
    void anUnknownFormatNamesTheSetting() {
        assertThatThrownBy(() -> read(Map.of("aicc.log.format", "xml")))
                .hasMessageContaining("AICC_LOG_FORMAT").hasMessageContaining("text or json");
    }
}
