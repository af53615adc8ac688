package io.aicodecraft.api.store;

import java.time.Duration;
import java.util.Optional;

/** One dependency check for {@code /health/ready}: reachable or not, how long it took, why not. */
public record Probe(boolean up, Duration latency, Optional<String> error) {

    public static Probe up(Duration latency) {
        return new Probe(true, latency, Optional.empty());
    }

    public static Probe down(Duration latency, String error) {
        return new Probe(false, latency, Optional.of(error));
    }
}
