package io.aicodecraft.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.CredentialsSpec;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialRotationTest {

    private static final Instant NOW = Instant.parse("2026-12-04T01:00:00Z");
    private static final Optional<Instant> LATE_YESTERDAY = Optional.of(Instant.parse("2026-12-03T23:00:00Z"));

    @Test
    void aNewTokenIsDueAndATokenDoneIsNot() {
        assertThat(CredentialRotation.postgresDue(stack(Map.of(CredentialRotation.ANNOTATION, "t2"), null),
                "t1", LATE_YESTERDAY, NOW)).contains("t2");
        assertThat(CredentialRotation.postgresDue(stack(Map.of(CredentialRotation.ANNOTATION, "t1"), null),
                "t1", LATE_YESTERDAY, NOW)).isEmpty();
        assertThat(CredentialRotation.postgresDue(stack(Map.of(), null), "t1", LATE_YESTERDAY, NOW)).isEmpty();
    }

    @Test
    void aScheduledRunSinceTheLastRotationIsDueAndKeepsTheToken() {
        // @daily ran at 00:00, after the rotation at 23:00
        assertThat(CredentialRotation.postgresDue(stack(Map.of(CredentialRotation.ANNOTATION, "t1"), "@daily"),
                "t1", LATE_YESTERDAY, NOW)).contains("t1");
        // @monthly last ran on the 1st, before it
        assertThat(CredentialRotation.postgresDue(stack(Map.of(), "@monthly"), "t1", LATE_YESTERDAY, NOW)).isEmpty();
        assertThat(CredentialRotation.nextScheduled(stack(Map.of(), "@daily"), NOW))
                .contains(Instant.parse("2026-12-05T00:00:00Z"));
    }

    @Test
    void aRotationScheduleThatIsNoCronExpressionIsASpecProblem() {
        assertThat(SpecProblems.of(stack(Map.of(), "every month")))
                .anySatisfy(problem -> assertThat(problem).startsWith("spec.postgres.credentials.rotationSchedule: "));
        assertThat(SpecProblems.of(stack(Map.of(), "@monthly"))).isEmpty();
    }

    private static AICodeCraftStack stack(Map<String, String> annotations, String schedule) {
        AICodeCraftStack stack = TestStacks.load("minimal");
        stack.getMetadata().setAnnotations(annotations);
        if (schedule != null) {
            var credentials = new CredentialsSpec();
            credentials.setRotationSchedule(schedule);
            stack.getSpec().getPostgres().setCredentials(credentials);
        }
        return stack;
    }
}
