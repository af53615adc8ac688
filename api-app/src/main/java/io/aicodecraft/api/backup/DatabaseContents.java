package io.aicodecraft.api.backup;

import io.aicodecraft.api.config.DatabaseConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The relations a database holds outside PostgreSQL's own schemas (tables, views, sequences, types' relations;
 * indexes belong to their tables and are not listed): a restore with {@code pg_restore} needs none.
 */
public record DatabaseContents(String database, List<String> tables, List<String> relations) {
    private static final String QUERY = """
            SELECT n.nspname || '.' || c.relname, c.relkind IN ('r', 'p')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
              AND c.relkind NOT IN ('i', 'I')
            ORDER BY c.relkind IN ('r', 'p') DESC, 1""";

    public static DatabaseContents read(DatabaseConfig config) throws SQLException {
        Properties properties = new Properties();
        if (!config.user().isEmpty()) {
            properties.setProperty("user", config.user());
        }
        if (!config.password().isEmpty()) {
            properties.setProperty("password", config.password());
        }
        properties.setProperty("connectTimeout",
                Long.toString(Math.max(1, config.connectionTimeout().toSeconds())));
        try (Connection connection = DriverManager.getConnection(config.url(), properties);
             Statement statement = connection.createStatement()) {
            String database;
            try (ResultSet rs = statement.executeQuery("SELECT current_database()")) {
                rs.next();
                database = rs.getString(1);
            }
            List<String> tables = new ArrayList<>();
            List<String> relations = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(QUERY)) {
                while (rs.next()) {
                    relations.add(rs.getString(1));
                    if (rs.getBoolean(2)) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            return new DatabaseContents(database, List.copyOf(tables), List.copyOf(relations));
        }
    }

    public boolean isEmpty() {
        return relations.isEmpty();
    }

    /** Why a restore may not go into this database, naming a few of what is there. */
    public String refusal() {
        List<String> named = tables.isEmpty() ? relations : tables;
        String what = tables.isEmpty() ? "relations" : "tables";
        String examples = String.join(", ", named.subList(0, Math.min(3, named.size())));
        return "database " + database + " already holds " + named.size() + " " + what + ", e.g. " + examples
                + "; a restore needs an empty database";
    }
}
