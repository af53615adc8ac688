package io.aicodecraft.api.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.Optional;

/** The Flyway migrations in {@code db/migration}: applied by {@code migrate}, checked by {@code serve}. */
public final class Migrations {
    private final DataSource dataSource;
    private final Flyway flyway;

    public Migrations(DataSource dataSource) {
        this.dataSource = dataSource;
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }

    /**
     * Applies what is pending and returns the schema version afterwards, with pgvector's version where semantic
     * search is on; creates the pgvector part of the schema when pgvector has been installed since V8 ran without it
     * ({@link VectorSchema}).
     */
    public MigrationResult migrate() {
        flyway.migrate();
        Optional<String> pgvector = VectorSchema.createIfMissing(dataSource);
        return new MigrationResult(currentVersion().orElse("none"), pgvector.orElse(null));
    }

    /**
     * Throws when the database lacks a migration this build ships. A database that is ahead (a newer
     * version's Job ran first) is fine: migrations only ever add.
     */
    public void requireUpToDate() {
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length > 0) {
            String needed = Arrays.stream(pending).map(MigrationInfo::getVersion).max(MigrationVersion::compareTo)
                    .map(MigrationVersion::getVersion).orElse("?");
            throw new SchemaBehindException("the database schema is at version " + currentVersion().orElse("none")
                    + " but this API needs version " + needed + "; run the `migrate` command first");
        }
    }

    public Optional<String> currentVersion() {
        return Optional.ofNullable(flyway.info().current()).map(info -> info.getVersion().getVersion());
    }
}
