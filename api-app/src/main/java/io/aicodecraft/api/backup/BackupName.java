package io.aicodecraft.api.backup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one stack's dump, {@code <stack>-<yyyyMMdd'T'HHmmss'Z'>.dump} (UTC, whole seconds): the operator lists
 * and reads these names, so the form is fixed.
 */
public record BackupName(String stack, Instant time) implements Comparable<BackupName> {
    /** A DNS-1123 label, as Kubernetes names a stack. */
    private static final Pattern STACK = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern TIME = Pattern.compile("(\\d{8}T\\d{6})Z\\.dump");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    public BackupName {
        requireStack(stack);
        time = time.truncatedTo(ChronoUnit.SECONDS);
    }

    /** {@code stack} when it is a DNS-1123 label; otherwise an {@link IllegalArgumentException} naming it. */
    public static String requireStack(String stack) {
        if (stack == null || !STACK.matcher(stack).matches()) {
            throw new IllegalArgumentException("the stack name '" + stack
                    + "' is not a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters)");
        }
        return stack;
    }

    /** The file or object name. */
    public String fileName() {
        return stack + "-" + FORMAT.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC)) + "Z.dump";
    }

    /**
     * The backup of {@code stack} that {@code fileName} names, or empty for anything else: another stack's dump
     * (also one whose name starts with {@code stack}, such as {@code a-b-...} for stack {@code a}), a temporary
     * file, a foreign file.
     */
    public static Optional<BackupName> parse(String stack, String fileName) {
        String start = stack + "-";
        if (!fileName.startsWith(start)) {
            return Optional.empty();
        }
        Matcher m = TIME.matcher(fileName.substring(start.length()));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BackupName(stack,
                    LocalDateTime.parse(m.group(1), FORMAT).toInstant(ZoneOffset.UTC)));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // the form's digits, but no such date (a 13th month)
        }
    }

    @Override
    public int compareTo(BackupName other) {
        return time.compareTo(other.time);
    }

    @Override
    public String toString() {
        return fileName();
    }
}
