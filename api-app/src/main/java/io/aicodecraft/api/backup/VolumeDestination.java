package io.aicodecraft.api.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Dumps as files in one directory of a mounted volume ({@code AICC_BACKUP_DIR}). */
public record VolumeDestination(Path directory) implements Destination {

    @Override
    public void put(Path file, String name) throws IOException {
        LocalFiles.copyAtomically(file, existingDirectory().resolve(plain(name)));
    }

    @Override
    public List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(existingDirectory())) {
            return files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(directory.resolve(plain(name)));
    }

    @Override
    public boolean fetch(String name, Path target) throws IOException {
        Path file = existingDirectory().resolve(plain(name));
        if (!Files.isRegularFile(file)) {
            return false;
        }
        LocalFiles.copyAtomically(file, target);
        return true;
    }

    @Override
    public String describe() {
        return "volume directory " + directory;
    }

    /** The directory, which must be there: a missing one means the volume is not mounted where it should be. */
    private Path existingDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null,
                    "the backup directory does not exist (is the volume mounted? " + BackupEnvironment.DIR + ")");
        }
        return directory;
    }

    /** A name in the directory itself, never a path that leaves it. */
    private static String plain(String name) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' is not a file name (no '/')");
        }
        return name;
    }
}
