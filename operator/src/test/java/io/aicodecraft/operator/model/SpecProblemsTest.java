package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the reconciler refuses before creating anything, on stacks as an informer would read them. */
class SpecProblemsTest {

    @Test
    void aStackThatRendersHasNoProblem() {
        assertThat(SpecProblems.of(TestStacks.minimal("ns", "team-a"))).isEmpty();
        assertThat(SpecProblems.of(TestStacks.tooSmallMaxConnections("ns", "team-a"))).isEmpty();
    }

    @Test
    void aNameTooLongForTheDerivedNamesIsRefusedWithTheNumbers() {
        var stack = TestStacks.minimal("ns", "a".repeat(StackNames.MAX_STACK_NAME_LENGTH + 1));

        assertThat(SpecProblems.of(stack)).singleElement().asString()
                .startsWith("metadata.name: 43 characters").contains("at most 42").contains("52");
        assertThat(SpecProblems.of(TestStacks.minimal("ns", "a".repeat(StackNames.MAX_STACK_NAME_LENGTH)))).isEmpty();
    }

    @Test
    void anUnknownEnumValueIsReadAsUnknownAndNamed() {
        var stack = read("""
                  deletionPolicy: Destroy
                  api:
                    image: %s
                  postgres:
                    managed: {}
                  redis:
                    managed: {}
                """.formatted(TestStacks.IMAGE_V1));

        assertThat(stack.getSpec().getDeletionPolicy()).isNull();
        assertThat(SpecProblems.of(stack)).singleElement().asString()
                .startsWith("spec.deletionPolicy: a value this operator does not know").endsWith("Retain, Delete");
    }

    @Test
    void aFieldOfANewerCrdIsIgnored() {
        var stack = read("""
                  api:
                    image: %s
                    futureField: 1
                  postgres:
                    managed: {}
                  redis:
                    managed: {}
                  futureSection: {a: b}
                """.formatted(TestStacks.IMAGE_V1));

        assertThat(stack.getSpec().getApi().getImage()).isEqualTo(TestStacks.IMAGE_V1);
        assertThat(SpecProblems.of(stack)).isEmpty();
    }

    @Test
    void theCrdsRulesApplyToWhatItsServerLetThrough() {
        var negative = TestStacks.minimal("ns", "team-a");
        negative.getSpec().getApi().setReplicas(-1);
        var both = read("""
                  api:
                    image: %s
                  postgres:
                    managed: {}
                    external: {host: db.example, database: app, credentialsSecretRef: {name: db}}
                  redis:
                    managed: {}
                """.formatted(TestStacks.IMAGE_V1));

        assertThat(SpecProblems.of(negative)).anySatisfy(problem -> assertThat(problem).startsWith("spec.api.replicas"));
        assertThat(SpecProblems.of(both)).isNotEmpty();
    }

    @Test
    void aBackupScheduleThatIsNoCronExpressionIsRefusedWithWhatIsWrong() {
        var stack = read("""
                  api:
                    image: %s
                  postgres:
                    managed: {}
                    backup: {schedule: "0 25 * * *", volume: {}}
                  redis:
                    managed: {}
                """.formatted(TestStacks.IMAGE_V1));

        assertThat(SpecProblems.of(stack)).singleElement().asString()
                .startsWith("spec.postgres.backup.schedule: \"0 25 * * *\" is not a cron schedule of five fields");
    }

    @Test
    void backupsOfAnExternalPostgresAndBackupsWithoutOrWithTwoDestinationsAreRefusedByTheCrdsRules() {
        var external = read("""
                  api:
                    image: %s
                  postgres:
                    external: {host: db.example, database: app, credentialsSecretRef: {name: db}}
                    backup: {schedule: "@daily", volume: {}}
                  redis:
                    managed: {}
                """.formatted(TestStacks.IMAGE_V1));
        var nowhere = read("""
                  api:
                    image: %s
                  postgres:
                    managed: {}
                    backup: {schedule: "@daily"}
                  redis:
                    managed: {}
                """.formatted(TestStacks.IMAGE_V1));

        assertThat(SpecProblems.of(external)).anySatisfy(problem -> assertThat(problem)
                .contains("backups are taken of a managed PostgreSQL"));
        assertThat(SpecProblems.of(nowhere)).anySatisfy(problem -> assertThat(problem)
                .contains("set exactly one of volume or s3"));
    }

    private static AICodeCraftStack read(String spec) {
        return Serialization.unmarshal(TestStacks.yaml("ns", "team-a", spec), AICodeCraftStack.class);
    }
}
