package io.aicodecraft.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.ExternalPostgresSpec;
import io.aicodecraft.operator.crd.ManagedPostgresSpec;
import io.aicodecraft.operator.dependent.MigrationReport;
import io.aicodecraft.operator.testing.TestStacks;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PostgresReady as the migration's report of pgvector makes it. */
class PgvectorCheckTest {

    private static final ConditionState READY = new ConditionState(ConditionState.POSTGRES_READY, true, "PostgresReady",
            "StatefulSet team-a-postgres is ready");
    private final AICodeCraftStack stack = TestStacks.minimal("ns", "team-a");

    @Test
    void aDatabaseWithPgvectorSaysItsVersion() {
        var checked = PgvectorCheck.apply(stack, READY, report("0.8.5"));

        assertThat(checked).isEqualTo(new ConditionState(ConditionState.POSTGRES_READY, true, "PostgresReady",
                "StatefulSet team-a-postgres is ready; pgvector 0.8.5"));
    }

    @Test
    void aManagedDatabaseWithoutPgvectorStaysReadyAndNamesAnImageWithItAndTheJobToRunAgain() {
        var checked = PgvectorCheck.apply(stack, READY, report(null));

        assertThat(checked.holds()).isTrue();
        assertThat(checked.reason()).isEqualTo("PgvectorMissing");
        assertThat(checked.message()).startsWith(READY.message())
                .contains("semantic search answers 501")
                .contains(ManagedPostgresSpec.DEFAULT_IMAGE)
                .contains("delete the migration Job team-a-migrate-1234abcd");
    }

    @Test
    void anExternalDatabaseWithoutPgvectorIsToldToInstallIt() {
        var external = new ExternalPostgresSpec();
        external.setHost("db.example.com");
        stack.getSpec().getPostgres().setExternal(external);

        var checked = PgvectorCheck.apply(stack, READY, report(null));

        assertThat(checked.reason()).isEqualTo("PgvectorMissing");
        assertThat(checked.message()).contains("Install pgvector on the PostgreSQL server")
                .doesNotContain("spec.postgres.managed.image");
    }

    @Test
    void withoutAReportOrBeforeTheDatabaseIsReadyNothingIsSaid() {
        var starting = new ConditionState(ConditionState.POSTGRES_READY, false, "PostgresStarting", "0 of 1 pods ready");

        assertThat(PgvectorCheck.apply(stack, READY, Optional.empty())).isEqualTo(READY);
        assertThat(PgvectorCheck.apply(stack, starting, report(null))).isEqualTo(starting);
    }

    private static Optional<MigrationReport> report(String pgvector) {
        return Optional.of(new MigrationReport("team-a-migrate-1234abcd", "8", pgvector));
    }
}
