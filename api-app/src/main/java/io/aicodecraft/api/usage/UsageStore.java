package io.aicodecraft.api.usage;

import io.aicodecraft.api.store.Database;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The {@code usage_daily} table: each key's requests and tokens per UTC day and route, copied from Redis. A copy
 * only ever raises a count: Redis's counters are the whole day so far, so copying twice (two instances, a retry)
 * changes nothing, and a Redis that restarted mid-day and counts from zero again does not lower what was copied.
 */
public final class UsageStore {
    private static final String UPSERT = "INSERT INTO usage_daily (key_id, day, route, requests, tokens)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_id, day, route) DO UPDATE SET"
            + " requests = GREATEST(usage_daily.requests, EXCLUDED.requests),"
            + " tokens = GREATEST(usage_daily.tokens, EXCLUDED.tokens)";
    private static final String SELECT = "SELECT key_id, day, route, requests, tokens FROM usage_daily"
            + " WHERE key_id = ANY (?) AND day BETWEEN ? AND ?";

    private final Database database;

    public UsageStore(Database database) {
        this.database = database;
    }

    /** Each key's day, route by route, in one transaction. */
    void save(Map<KeyDay, Map<String, RouteUsage>> days) {
        database.transaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (Map.Entry<KeyDay, Map<String, RouteUsage>> day : days.entrySet()) {
                    for (RouteUsage route : day.getValue().values()) {
                        upsert.setObject(1, day.getKey().keyId());
                        upsert.setObject(2, day.getKey().day());
                        upsert.setString(3, route.route());
                        upsert.setLong(4, route.requests());
                        upsert.setLong(5, route.tokens());
                        upsert.addBatch();
                    }
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    /** For each key, its routes' use on each day from {@code first} to {@code last}, newest day first. */
    Map<UUID, Map<LocalDate, Map<String, RouteUsage>>> read(List<UUID> keyIds, LocalDate first, LocalDate last) {
        return database.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                Array ids = connection.createArrayOf("uuid", keyIds.toArray());
                select.setArray(1, ids);
                select.setObject(2, first);
                select.setObject(3, last);
                Map<UUID, Map<LocalDate, Map<String, RouteUsage>>> usage = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        RouteUsage route = new RouteUsage(rows.getString("route"), rows.getLong("requests"),
                                rows.getLong("tokens"));
                        usage.computeIfAbsent(rows.getObject("key_id", UUID.class),
                                        id -> new TreeMap<LocalDate, Map<String, RouteUsage>>(Comparator.reverseOrder()))
                                .computeIfAbsent(rows.getObject("day", LocalDate.class), day -> new HashMap<>())
                                .put(route.route(), route);
                    }
                }
                return usage;
            }
        });
    }
}
