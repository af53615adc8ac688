package io.aicodecraft.api.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Histogram buckets for durations: 1, 2.5 and 5 times each power of ten from one millisecond up to a maximum.
 * A dozen or so buckets per series, where Micrometer's percentile histogram writes about seventy for each route and
 * status; that resolution is more than an alert or a dashboard reads, and it multiplies Prometheus' series.
 */
public final class LatencyBuckets {
    private static final double[] STEPS = {1, 2.5, 5};

    private LatencyBuckets() {
    }

    /** The bucket bounds up to the first one at or above {@code max}. */
    public static Duration[] upTo(Duration max) {
        List<Duration> bounds = new ArrayList<>();
        for (double decade = 1; ; decade *= 10) {
            for (double step : STEPS) {
                Duration bound = Duration.ofNanos(Math.round(step * decade * 1_000_000));
                bounds.add(bound);
                if (bound.compareTo(max) >= 0) {
                    return bounds.toArray(Duration[]::new);
                }
            }
        }
    }
}
