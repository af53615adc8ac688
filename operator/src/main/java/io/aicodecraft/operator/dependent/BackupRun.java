package io.aicodecraft.operator.dependent;

import java.time.Instant;

/** A backup run that has ended: its dump stored, or failed. A run still going is none of these. */
public sealed interface BackupRun {

    String job();

    Instant finished();

    /**
     * @param name the dump's name in the destination; null when the run's result could not be read
     * @param sizeBytes the dump's size; null likewise
     * @param kept how many of the stack's dumps the destination held after pruning; null likewise
     */
    record Stored(String job, Instant finished, String name, Long sizeBytes, Integer kept) implements BackupRun {
    }

    record Failed(String job, Instant finished, String reason) implements BackupRun {
    }
}
