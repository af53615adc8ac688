package io.aicodecraft.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator's reading of a schedule, which must agree with the CronJob controller's (UTC). */
class CronScheduleTest {

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
        assertThat(CronSchedule.parse(expression).next(after)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "0 3 * * *,    2026-12-03T03:00:00Z, 2026-12-03T03:00:00Z",
        "0 3 * * *,    2026-12-03T02:59:59Z, 2026-12-02T03:00:00Z",
        "*/15 * * * *, 2026-12-03T10:07:00Z, 2026-12-03T10:00:00Z",
        "0 0 * * 0,    2026-12-03T10:07:00Z, 2026-11-29T00:00:00Z",
    })
    void theLastRunIsAtOrBeforeTheGivenTime(String expression, Instant at, Instant expected) {
        assertThat(CronSchedule.parse(expression).last(at)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 25 * * *", "* * * *", "0 3 * * * *", "every day", "", "@every 5m"})
    void whatIsNoScheduleIsRefusedSayingWhatIsExpected(String expression) {
        assertThat(CronSchedule.problem(expression)).hasValueSatisfying(problem ->
                assertThat(problem).contains("is not a cron schedule of five fields"));
        assertThatThrownBy(() -> CronSchedule.parse(expression)).isInstanceOf(IllegalArgumentException.class);
    }
}
