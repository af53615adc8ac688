package io.aicodecraft.api.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Which of a stack's dumps to delete after a new one is stored: those beyond the newest {@code keepCount}, and those
 * older than {@code keepAge}; never the one just stored; with neither limit, none. A pure function of the names (the
 * time is read from each name, not from a file's or object's dates).
 */
public record Retention(OptionalInt keepCount, Optional<Duration> keepAge) {

    public Retention {
        if (keepCount.isPresent() && keepCount.getAsInt() < 1) {
            throw new IllegalArgumentException("keepCount must be at least 1");
        }
        if (keepAge.isPresent() && (keepAge.get().isNegative() || keepAge.get().isZero())) {
            throw new IllegalArgumentException("keepAge must be positive");
        }
    }

    public static Retention keepAll() {
        return new Retention(OptionalInt.empty(), Optional.empty());
    }

    /**
     * The names among {@code names} to delete, oldest first. Only names of {@code stack}'s dumps
     * ({@link BackupName#parse}) are considered; every other name is kept whatever it is.
     */
    public List<String> toDelete(Collection<String> names, String stack, String justStored, Instant now) {
        List<BackupName> dumps = names.stream().distinct()
                .flatMap(name -> BackupName.parse(stack, name).stream())
                .sorted(Comparator.reverseOrder())
                .toList();
        Instant oldestKept = keepAge.map(now::minus).orElse(Instant.MIN);
        int newest = keepCount.orElse(Integer.MAX_VALUE);
        return IntStream.range(0, dumps.size())
                .filter(i -> i >= newest || dumps.get(i).time().isBefore(oldestKept))
                .mapToObj(dumps::get)
                .map(BackupName::fileName)
                .filter(name -> !name.equals(justStored))
                .sorted()
                .toList();
    }
}
