package io.aicodecraft.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator's reading of a backup schedule, which must agree with the CronJob controller's (UTC). */
class BackupScheduleTest {

    @ParameterizedTest
    @CsvSource({
        "0 3 * * *,    2026-12-03T02:59:59Z, 2026-12-03T03:00:00Z",
        "0 3 * * *,    2026-12-03T03:00:00Z, 2026-12-04T03:00:00Z",
        "*/15 * * * *, 2026-12-03T10:07:00Z, 2026-12-03T10:15:00Z",
        "@hourly,      2026-12-03T10:07:00Z, 2026-12-03T11:00:00Z",
        "@daily,       2026-12-03T10:07:00Z, 2026-12-04T00:00:00Z",
        "0 0 * * 0,    2026-12-03T10:07:00Z, 2026-12-06T00:00:00Z",
    })
    void theNextRunIsStrictlyAfterTheGivenTimeInUtc(String expression, Instant after, Instant expected) {
        assertThat(BackupSchedule.parse(expression).next(after)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 25 * * *", "* * * *", "0 3 * * * *", "every day", "", "@every 5m"})
    void whatIsNoScheduleIsRefusedSayingWhatIsExpected(String expression) {
        assertThat(BackupSchedule.problem(expression)).hasValueSatisfying(problem ->
                assertThat(problem).contains("is not a cron schedule of five fields"));
        assertThatThrownBy(() -> BackupSchedule.parse(expression)).isInstanceOf(IllegalArgumentException.class);
    }
}
