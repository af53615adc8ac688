package io.aicodecraft.operator.crd;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * crds/ holds the CRD users install; it must be exactly what the generator makes from the classes.
 * Refresh it with the command in {@link #REFRESH}.
 */
class CheckedInCrdTest {

    /** Surefire runs tests in the module directory; crds/ sits beside the modules. */
    private static final Path CHECKED_IN = Path.of("..", "crds", "aicodecraftstacks.aicodecraft.io-v1.yml");
    private static final String REFRESH = "./mvnw -pl operator -am test -Dtest=CheckedInCrdTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dcrd.update=true";

    @Test
    void checkedInCrdEqualsTheGeneratorsOutput() throws IOException {
        String generated = GeneratedCrd.text();
        if (Boolean.getBoolean("crd.update")) {
            Files.writeString(CHECKED_IN, generated);
        }

        assertThat(CHECKED_IN).as("%s is missing; create it with %s", CHECKED_IN, REFRESH).exists();
        assertThat(Files.readString(CHECKED_IN))
                .as("%s is stale; refresh it with %s", CHECKED_IN, REFRESH)
                .isEqualTo(generated);
    }
}
