package io.aicodecraft.api.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where dumps are kept: a mounted volume's directory, or an S3 bucket below a prefix. */
public interface Destination extends AutoCloseable {

    /** Stores {@code file} as {@code name}; a reader never sees {@code name} before the whole file is there. */
    void put(Path file, String name) throws IOException;

    /** The names of the dumps kept here (with foreign names among them: callers filter). */
    List<String> names() throws IOException;

    void delete(String name) throws IOException;

    /** Copies {@code name} to {@code target}; false when there is no such dump. */
    boolean fetch(String name, Path target) throws IOException;

    /** Where this is, for messages, such as {@code volume /backups} or {@code s3://bucket/prefix}; never a secret. */
    String describe();

    @Override
    default void close() {
    }
}
