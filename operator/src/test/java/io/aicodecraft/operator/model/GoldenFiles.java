package io.aicodecraft.operator.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden YAML under src/test/resources/golden. With {@code -Dgolden.update=true} a test writes what it
 * rendered instead of comparing, and the diff is reviewed like code.
 */
final class GoldenFiles {

    /** Surefire runs tests in the module directory. */
    private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final String REGENERATE = "./mvnw -pl operator -am test -Dtest=GoldenYamlTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true";

    private GoldenFiles() {
    }

    static void assertMatches(String name, String actual) {
        Path file = DIRECTORY.resolve(name + ".yaml");
        try {
            if (UPDATE) {
                Files.createDirectories(DIRECTORY);
                Files.writeString(file, actual);
                return;
            }
            assertThat(file).as("golden file %s (create it with %s)", file, REGENERATE).exists();
            assertThat(actual)
                    .as("%s differs from its golden file; if the change is intended, regenerate with %s", name, REGENERATE)
                    .isEqualTo(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
