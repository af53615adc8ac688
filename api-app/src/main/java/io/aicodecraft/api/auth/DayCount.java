package io.aicodecraft.api.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A key's requests and tokens of one UTC day (by Redis's clock), and how long until the next day begins. */
public record DayCount(LocalDate day, long requests, long tokens, Duration untilNextDay) {

    /** When {@code day}'s quota starts again: the next UTC midnight. */
    public static Instant resetOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
