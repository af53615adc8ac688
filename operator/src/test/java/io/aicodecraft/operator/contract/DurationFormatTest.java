package io.aicodecraft.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aicodecraft.api.config.ConfigDuration;
import io.aicodecraft.operator.crd.SpecFormats;
import io.aicodecraft.operator.runtime.OperatorSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One duration form everywhere: what the CRD's schema accepts for a stack's durations, the operator's own settings
 * and the API's settings (which the operator writes from the stack) read alike, and refuse alike.
 */
class DurationFormatTest {

    private static Duration operator(String text) {
        return OperatorSettings.fromEnvironment(Map.of(OperatorSettings.PROBE_INTERVAL, text)).probeInterval();
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "5s, PT5S", "30m, PT30M", "1h, PT1H", "2d, P2D"})
    void theSchemaTheOperatorAndTheApiReadADurationAlike(String text, Duration expected) {
        assertThat(text).matches(SpecFormats.DURATION);
        assertThat(operator(text)).isEqualTo(expected);
        assertThat(ConfigDuration.parse("k", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT5S", "5", "1.5s", "5 s", "-1s", "1h30m", "5sec"})
    void theSchemaTheOperatorAndTheApiRefuseTheSameForms(String text) {
        assertThat(text).doesNotMatch(SpecFormats.DURATION);
        assertThatThrownBy(() -> operator(text)).hasMessageContaining("500ms, 5s, 30m, 1h or 2d");
        assertThatThrownBy(() -> ConfigDuration.parse("k", text)).hasMessageContaining("500ms, 5s, 30m, 1h or 2d");
    }
}
