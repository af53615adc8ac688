package io.aicodecraft.api.backup;

/** A backup command that could not do its work for a reason it can say in one sentence (exit code 1). */
public final class BackupFailedException extends RuntimeException {
    public BackupFailedException(String message) {
        super(message);
    }
}
