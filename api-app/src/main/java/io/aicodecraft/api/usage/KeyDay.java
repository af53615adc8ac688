package io.aicodecraft.api.usage;

import java.time.LocalDate;
import java.util.UUID;

/** One key's counters of one UTC day. */
record KeyDay(UUID keyId, LocalDate day) {
}
