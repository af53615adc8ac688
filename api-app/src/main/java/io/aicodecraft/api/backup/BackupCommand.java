package io.aicodecraft.api.backup;

import io.aicodecraft.api.config.DatabaseConfig;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code api-app backup ...}, what the operator's backup and restore Jobs run in this image:
 * <ul>
 *   <li>{@code store --file PATH}: the dump as {@code <stack>-<yyyyMMdd'T'HHmmss'Z'>.dump} in the destination, then
 *   retention; one JSON line ({@link StoreResult}) to stdout and to {@code AICC_BACKUP_RESULT_FILE}
 *   (default {@code /dev/termination-log});</li>
 *   <li>{@code fetch (--name NAME | --key KEY | --path PATH) --to FILE}: a dump back to a local file;</li>
 *   <li>{@code check-empty}: exit 0 when the API's database ({@code AICC_DB_*}) holds no relation, else 3.</li>
 * </ul>
 * Exit codes: 0 done, 1 failed (I/O, S3, database, a dump not found), 2 usage or configuration, 3 not empty.
 */
public final class BackupCommand {
    public static final String USAGE = "backup store --file PATH"
            + " | backup fetch (--name NAME | --key KEY | --path PATH) --to FILE | backup check-empty";
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE_ERROR = 2;
    public static final int NOT_EMPTY = 3;
    static final Path DEFAULT_RESULT_FILE = Path.of("/dev/termination-log");

    private final BackupEnvironment env;
    private final Supplier<DatabaseConfig> database;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param database the API's database settings, read only by {@code check-empty}
     * @param clock    the time that names a stored dump and that retention's age is measured from
     */
    public BackupCommand(Map<String, String> env, Supplier<DatabaseConfig> database, Clock clock, PrintStream out,
                         PrintStream err) {
        this.env = new BackupEnvironment(env);
        this.database = database;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code args} (the words after {@code backup}) and returns the exit code. */
    public int run(List<String> args) {
        String command = args.isEmpty() ? "" : args.getFirst();
        try {
            Map<String, String> options = options(args.subList(Math.min(1, args.size()), args.size()));
            return switch (command) {
                case "store" -> store(options);
                case "fetch" -> fetch(options);
                case "check-empty" -> checkEmpty(options);
                default -> throw new IllegalArgumentException("unknown backup command '" + command + "'");
            };
        } catch (IllegalArgumentException e) {
            err.println("backup " + command + ": " + e.getMessage() + "\nusage: api-app " + USAGE);
            return USAGE_ERROR;
        } catch (BackupFailedException e) {
            err.println("backup " + command + " failed: " + e.getMessage());
            return FAILED;
        } catch (IOException | UncheckedIOException | SdkException | SQLException e) {
            err.println("backup " + command + " failed: " + describe(e));
            return FAILED;
        }
    }

    private int store(Map<String, String> options) throws IOException {
        allow(options, Set.of("--file"));
        Path file = Path.of(option(options, "--file"));
        String stack = env.stack();
        Retention retention = env.retention();
        Path resultFile = env.text(BackupEnvironment.RESULT_FILE).map(Path::of).orElse(DEFAULT_RESULT_FILE);
        if (!Files.isRegularFile(file)) {
            throw new BackupFailedException("the dump " + file + " does not exist (did pg_dump run?)");
        }
        long size = Files.size(file);
        if (size == 0) {
            throw new BackupFailedException("the dump " + file + " is empty (did pg_dump fail?)");
        }
        Instant now = clock.instant();
        String name = new BackupName(stack, now).fileName();
        try (Destination destination = Destinations.open(env)) {
            where(destination, () -> destination.put(file, name));
            List<String> names = where(destination, destination::names);
            List<String> pruned = retention.toDelete(names, stack, name, now);
            for (String old : pruned) {
                where(destination, () -> destination.delete(old));
            }
            int kept = (int) names.stream().distinct().filter(n -> BackupName.parse(stack, n).isPresent())
                    .filter(n -> !pruned.contains(n)).count();
            String line = new StoreResult(name, size, kept, pruned.size()).jsonLine();
            try {
                Files.writeString(resultFile, line + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BackupFailedException(name + " is stored in " + destination.describe()
                        + ", but the result file " + resultFile + " cannot be written ("
                        + BackupEnvironment.RESULT_FILE + "): " + describe(e));
            }
            out.println(line);
            out.flush();
        }
        return OK;
    }

    private int fetch(Map<String, String> options) throws IOException {
        allow(options, Set.of("--name", "--key", "--path", "--to"));
        Path target = Path.of(option(options, "--to"));
        List<String> sources = options.keySet().stream().filter(o -> !o.equals("--to")).toList();
        if (sources.size() != 1) {
            throw new IllegalArgumentException("fetch takes exactly one of --name, --key and --path");
        }
        String source = sources.getFirst();
        String value = options.get(source);
        switch (source) {
            case "--path" -> {
                Path file = Path.of(value);
                if (!Files.isRegularFile(file)) {
                    throw new BackupFailedException("no dump at --path " + file + " (no such file)");
                }
                LocalFiles.copyAtomically(file, target);
            }
            case "--key" -> {
                if (!Destinations.isS3(env)) {
                    throw new IllegalArgumentException("--key reads an S3 object; set "
                            + BackupEnvironment.DESTINATION + "=s3 and " + BackupEnvironment.S3_BUCKET);
                }
                S3Settings s3 = S3Settings.read(env);
                try (S3Destination destination = new S3Destination(s3)) {
                    if (!where(destination, () -> destination.fetchKey(value, target))) {
                        throw new BackupFailedException("no object with key " + value + " in bucket " + s3.bucket()
                                + s3.endpoint().map(uri -> " at " + uri).orElse(""));
                    }
                }
            }
            default -> {
                try (Destination destination = Destinations.open(env)) {
                    if (!where(destination, () -> destination.fetch(value, target))) {
                        throw new BackupFailedException("no backup named " + value + " in "
                                + destination.describe());
                    }
                }
            }
        }
        out.println("fetched " + value + " to " + target + " (" + Files.size(target) + " bytes)");
        return OK;
    }

    private int checkEmpty(Map<String, String> options) throws SQLException {
        allow(options, Set.of());
        DatabaseContents contents = DatabaseContents.read(database.get());
        if (contents.isEmpty()) {
            out.println("database " + contents.database() + " is empty; a restore may go into it");
            return OK;
        }
        err.println(contents.refusal());
        return NOT_EMPTY;
    }

    /** An S3 or I/O failure of {@code work}, with the destination it failed on in the message. */
    private static <T> T where(Destination destination, IoWork<T> work) throws IOException {
        try {
            return work.run();
        } catch (SdkException | IOException | UncheckedIOException e) {
            throw new BackupFailedException(destination.describe() + ": " + describe(e));
        }
    }

    private static void where(Destination destination, IoStep step) throws IOException {
        where(destination, () -> {
            step.run();
            return null;
        });
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return switch (e) {
            case SdkException sdk -> message;
            case SQLException sql -> message;
            case java.nio.file.NoSuchFileException missing -> missing.getFile() + ": no such file or directory"
                    + (missing.getReason() == null ? "" : " (" + missing.getReason() + ")");
            default -> e.getClass().getSimpleName() + ": " + message;
        };
    }

    private static Map<String, String> options(List<String> words) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < words.size(); i += 2) {
            String option = words.get(i);
            if (!option.startsWith("--") || i + 1 >= words.size()) {
                throw new IllegalArgumentException("expected an option and its value, got '" + option + "'");
            }
            if (options.put(option, words.get(i + 1)) != null) {
                throw new IllegalArgumentException(option + " is given twice");
            }
        }
        return options;
    }

    private static void allow(Map<String, String> options, Set<String> allowed) {
        options.keySet().stream().filter(o -> !allowed.contains(o)).findFirst().ifPresent(o -> {
            throw new IllegalArgumentException("unknown option " + o);
        });
    }

    private static String option(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    @FunctionalInterface
    private interface IoWork<T> {
        T run() throws IOException;
    }

    @FunctionalInterface
    private interface IoStep {
        void run() throws IOException;
    }
}
