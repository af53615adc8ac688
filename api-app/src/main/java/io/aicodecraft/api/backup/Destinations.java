package io.aicodecraft.api.backup;

import java.nio.file.Path;
import java.util.Locale;

/** The destination {@code AICC_BACKUP_DESTINATION} names: {@code volume} (the default) or {@code s3}. */
final class Destinations {
    static final Path DEFAULT_DIR = Path.of("/backups");

    private Destinations() {
    }

    static boolean isS3(BackupEnvironment env) {
        String kind = env.text(BackupEnvironment.DESTINATION).orElse("volume").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "volume" -> false;
            case "s3" -> true;
            default -> throw new IllegalArgumentException(BackupEnvironment.DESTINATION + " = '" + kind
                    + "' is neither volume nor s3");
        };
    }

    static Destination open(BackupEnvironment env) {
        if (isS3(env)) {
            return new S3Destination(S3Settings.read(env));
        }
        return new VolumeDestination(env.text(BackupEnvironment.DIR).map(Path::of).orElse(DEFAULT_DIR));
    }
}
