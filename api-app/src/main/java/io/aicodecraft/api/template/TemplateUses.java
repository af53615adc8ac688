package io.aicodecraft.api.template;

import io.aicodecraft.api.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

/** Rows of {@code template_uses}: one per generation made from a template, and their statistics. */
final class TemplateUses {
    private final Database database;

    TemplateUses(Database database) {
        this.database = database;
    }

    void record(Template template, UUID user, boolean success, Duration latency) {
        database.run(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO template_uses"
                    + " (template_id, version, user_id, success, latency_micros) VALUES (?, ?, ?, ?, ?)")) {
                insert.setObject(1, template.id());
                insert.setInt(2, template.version());
                insert.setObject(3, user);
                insert.setBoolean(4, success);
                insert.setLong(5, latency.toNanos() / 1_000);
                return insert.executeUpdate();
            }
        });
    }

    TemplateStats stats(UUID templateId) {
        return database.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT count(*) AS uses,"
                    + " count(*) FILTER (WHERE success) AS successes, avg(latency_micros) / 1000.0 AS mean_ms"
                    + " FROM template_uses WHERE template_id = ?")) {
                select.setObject(1, templateId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    long uses = row.getLong("uses");
                    long successes = row.getLong("successes");
                    double meanMs = row.getDouble("mean_ms");
                    return uses == 0 ? new TemplateStats(templateId, 0, 0, null, null)
                            : new TemplateStats(templateId, uses, successes, (double) successes / uses, meanMs);
                }
            }
        });
    }
}
