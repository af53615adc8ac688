package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.ManagedPostgresSpec;
import io.aicodecraft.operator.dependent.MigrationReport;
import java.util.Optional;

/**
 * PostgresReady, told whether the database has pgvector, as the current migration found it: semantic search
 * ({@code /v1/templates/similar}, {@code /v1/generations/similar}) answers 501 without it. A database without
 * pgvector stays ready (everything else works) with reason {@code PgvectorMissing} and what to do.
 */
final class PgvectorCheck {

    static final String MISSING = "PgvectorMissing";

    private PgvectorCheck() {
    }

    static ConditionState apply(AICodeCraftStack stack, ConditionState postgres, Optional<MigrationReport> report) {
        if (!postgres.holds() || report.isEmpty()) {
            return postgres;
        }
        return report.get().pgvector()
                .map(version -> new ConditionState(postgres.type(), true, postgres.reason(),
                        postgres.message() + "; pgvector " + version))
                .orElseGet(() -> new ConditionState(postgres.type(), true, MISSING,
                        postgres.message() + "; the database has no pgvector, so semantic search answers 501. "
                                + remedy(stack) + ", then delete the migration Job " + report.get().job()
                                + " so that it runs again and turns semantic search on"));
    }

    private static String remedy(AICodeCraftStack stack) {
        if (stack.getSpec().getPostgres().getExternal() != null) {
            return "Install pgvector on the PostgreSQL server (the owner role must be allowed to CREATE EXTENSION vector)";
        }
        return "Run an image with pgvector in spec.postgres.managed.image, such as " + ManagedPostgresSpec.DEFAULT_IMAGE
                + " (move a database between an Alpine and a Debian image by backup and restore into a new stack: "
                + "their C libraries sort text differently)";
    }
}
