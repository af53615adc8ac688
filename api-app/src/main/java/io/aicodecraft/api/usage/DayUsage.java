package io.aicodecraft.api.usage;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** A key's use of one UTC day: in all, and per route (by route name). */
public record DayUsage(LocalDate day, long requests, long tokens, List<RouteUsage> routes) {

    static DayUsage of(LocalDate day, Collection<RouteUsage> routes) {
        List<RouteUsage> sorted = routes.stream().sorted(Comparator.comparing(RouteUsage::route)).toList();
        return new DayUsage(day, sorted.stream().mapToLong(RouteUsage::requests).sum(),
                sorted.stream().mapToLong(RouteUsage::tokens).sum(), sorted);
    }
}
