package io.aicodecraft.api.auth;

import java.time.Duration;
import java.time.LocalDate;

/** A key's requests and tokens of one UTC day (by Redis's clock), and how long until the next day begins. */
public record DayCount(LocalDate day, long requests, long tokens, Duration untilNextDay) {
}
