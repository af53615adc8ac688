package io.aicodecraft.operator.model;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * A schedule of the spec (backups, credential rotation): a UNIX cron expression read in UTC, which the backups'
 * CronJob is told with {@code timeZone}, so the operator's idea of when a run is due is the CronJob controller's,
 * whatever the cluster's local time.
 */
public final class CronSchedule {

    /** The CronJob's {@code timeZone}. */
    public static final String TIME_ZONE = "Etc/UTC";

    /** The nicknames the CronJob controller accepts (robfig/cron's), as the five fields they stand for. */
    private static final Map<String, String> NICKNAMES = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final ExecutionTime executions;

    private CronSchedule(ExecutionTime executions) {
        this.executions = executions;
    }

    /** The schedule of {@code expression}; IllegalArgumentException saying what is wrong when it is not one. */
    public static CronSchedule parse(String expression) {
        try {
            String fields = NICKNAMES.getOrDefault(expression.trim(), expression.trim());
            return new CronSchedule(ExecutionTime.forCron(PARSER.parse(fields).validate()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + expression + "\" is not a cron schedule of five fields"
                    + " (minute hour day-of-month month day-of-week) or @hourly, @daily, @weekly, @monthly, @yearly: "
                    + e.getMessage(), e);
        }
    }

    /** Why {@code expression} is not a schedule, if it is not. */
    public static Optional<String> problem(String expression) {
        try {
            parse(expression);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The latest run at or before {@code time}. */
    public Instant last(Instant time) {
        return executions.lastExecution(time.plusNanos(1).atZone(ZoneOffset.UTC))
                .orElseThrow(() -> new IllegalStateException("a cron schedule always has had a run"))
                .toInstant();
    }

    /** The first run strictly after {@code time}. */
    public Instant next(Instant time) {
        return executions.nextExecution(time.atZone(ZoneOffset.UTC))
                .orElseThrow(() -> new IllegalStateException("a cron schedule always has a next run"))
                .toInstant();
    }
}
