package io.aicodecraft.api.auth;

import io.aicodecraft.api.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The {@code api_keys} table. A request's key is checked here: from the {@link KeyCache} when it was seen lately,
 * else by one indexed read by prefix in PostgreSQL. A revocation is one committed UPDATE, then forgotten by this
 * instance's cache and announced to the others ({@code announce}, the revocation feed), so that it holds on every
 * API instance from the next request on.
 */
public final class ApiKeys {
    private static final String COLUMNS = "id, owner_id, name, prefix, tier, created_at, revoked_at";
    private static final String INSERT = "INSERT INTO api_keys (owner_id, name, prefix, key_hash, tier) VALUES (?, ?, ?, ?, ?)"
            + " RETURNING " + COLUMNS;
    private static final String LOOKUP = "SELECT id, owner_id, key_hash, tier FROM api_keys WHERE prefix = ? AND revoked_at IS NULL";
    private static final String REVOKE = "UPDATE api_keys SET revoked_at = coalesce(revoked_at, clock_timestamp()) WHERE id = ?";
    private static final String ORDER = " ORDER BY created_at DESC, id DESC LIMIT ?";
    private static final String LIST_ALL = "SELECT " + COLUMNS + " FROM api_keys" + ORDER;
    private static final String LIST_OWNER = "SELECT " + COLUMNS + " FROM api_keys WHERE owner_id = ?" + ORDER;
    private static final int LIST_LIMIT = 1000;

    private final Database database;
    private final KeyCache cache;
    private final Consumer<UUID> announce;

    public ApiKeys(Database database, KeyCache cache, Consumer<UUID> announce) {
        this.database = database;
        this.cache = cache;
        this.announce = announce;
    }

    /** {@code tier} empty: the key follows the default tier, whichever that is configured to be. */
    public IssuedKey create(UUID owner, String name, Optional<String> tier) {
        KeyText key = KeyText.generate();
        ApiKey stored = database.run(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, owner);
                insert.setString(2, name);
                insert.setString(3, key.prefix());
                insert.setBytes(4, key.hash());
                insert.setString(5, tier.orElse(null));
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return read(row);
                }
            }
        });
        return new IssuedKey(stored, key.text());
    }

    /** The caller a valid, unrevoked key stands for; empty for anything else. */
    public Optional<Principal> authenticate(KeyText key) {
        return cache.lookup(key, this::find);
    }

    private Optional<Principal> find(KeyText key) {
        return database.run(connection -> {
            try (PreparedStatement lookup = connection.prepareStatement(LOOKUP)) {
                lookup.setString(1, key.prefix());
                try (ResultSet row = lookup.executeQuery()) {
                    if (row.next() && key.matches(row.getBytes("key_hash"))) {
                        return Optional.of(Principal.ofKey(row.getObject("owner_id", UUID.class),
                                row.getObject("id", UUID.class), Optional.ofNullable(row.getString("tier"))));
                    }
                    return Optional.empty();
                }
            }
        });
    }

    /** @return false when no key has this id; revoking a revoked key keeps its first revocation time */
    public boolean revoke(UUID id) {
        boolean found = database.run(connection -> {
            try (PreparedStatement revoke = connection.prepareStatement(REVOKE)) {
                revoke.setObject(1, id);
                return revoke.executeUpdate() == 1;
            }
        });
        if (found) {
            cache.revoked(id);
            announce.accept(id);
        }
        return found;
    }

    /** Newest first, at most {@link #LIST_LIMIT}; all owners' keys or one owner's. */
    public List<ApiKey> list(Optional<UUID> owner) {
        return database.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(owner.isPresent() ? LIST_OWNER : LIST_ALL)) {
                int i = 1;
                if (owner.isPresent()) {
                    select.setObject(i++, owner.get());
                }
                select.setInt(i, LIST_LIMIT);
                List<ApiKey> keys = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        keys.add(read(rows));
                    }
                }
                return keys;
            }
        });
    }

    private static ApiKey read(ResultSet row) throws SQLException {
        OffsetDateTime revoked = row.getObject("revoked_at", OffsetDateTime.class);
        return new ApiKey(row.getObject("id", UUID.class), row.getObject("owner_id", UUID.class), row.getString("name"),
                row.getString("prefix"), row.getString("tier"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
