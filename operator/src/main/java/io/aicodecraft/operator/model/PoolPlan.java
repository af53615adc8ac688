package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStackSpec;
import io.aicodecraft.operator.crd.ApiSpec;
import io.aicodecraft.operator.crd.ManagedPostgresSpec;

/**
 * How many connections the stack's pools can open at most, and what PostgreSQL and Redis must accept
 * for that, so the stack can never exhaust its own database.
 *
 * @param apiPodsMax             most API pods: autoscaling's maxReplicas, or replicas
 * @param databasePoolPerPod     the database pool's maxSize in each pod
 * @param migrationReserve       connections the migration Job holds while the old pods still serve
 * @param superuserReserve       connections PostgreSQL keeps for superusers
 * @param needed                 what the stack can use at once
 * @param postgresMaxConnections the managed server's max_connections (or what an external one must allow)
 * @param fixedMaxConnections    true when the spec fixes max_connections rather than deriving it
 * @param redisMaxClients        Redis maxclients: each pod's cache pool and its chain queue's pool
 *                               ({@link #CHAIN_WORKERS} + the same maxTotal), and a reserve
 */
public record PoolPlan(int apiPodsMax, int databasePoolPerPod, int migrationReserve, int superuserReserve,
                       int needed, int postgresMaxConnections, boolean fixedMaxConnections, int redisMaxClients) {

    /**
     * Flyway holds two connections while it migrates (one for its schema-history lock, one for the
     * migration), and the Job runs while the previous image's pods still hold their full pools.
     */
    public static final int MIGRATION_RESERVE = 2;

    /**
     * PostgreSQL's default {@code superuser_reserved_connections}: slots ordinary users can never take,
     * which keep the database reachable for an administrator when the pools are full.
     */
    public static final int SUPERUSER_RESERVE = 3;

    /**
     * Redis clients beyond the API pools: the readiness probe's redis-cli, the operator's checks and a
     * person debugging with redis-cli.
     */
    public static final int REDIS_CLIENT_RESERVE = 10;

    /**
     * Chain workers per API pod, which the operator writes into the API's configuration: each holds a Redis
     * connection of the chain queue's own pool (workers + the pool's maxTotal) in a blocking read.
     */
    public static final int CHAIN_WORKERS = 4;

    /** A derived max_connections is rounded up to this step, so small spec changes do not restart PostgreSQL. */
    public static final int MAX_CONNECTIONS_STEP = 10;

    public static PoolPlan of(AICodeCraftStackSpec spec) {
        ApiSpec api = spec.getApi();
        int apiPodsMax = api.getAutoscaling().isEnabled() ? api.getAutoscaling().getMaxReplicas() : api.getReplicas();
        int perPod = api.getPools().getDatabase().getMaxSize();
        int needed = Math.addExact(Math.multiplyExact(apiPodsMax, perPod), MIGRATION_RESERVE + SUPERUSER_RESERVE);
        Integer fixed = fixedMaxConnections(spec);
        int maxConnections = fixed != null ? fixed : roundUp(needed);
        int redisPerPod = Math.addExact(Math.multiplyExact(2, api.getPools().getRedis().getMaxTotal()), CHAIN_WORKERS);
        int redisMaxClients = Math.addExact(Math.multiplyExact(apiPodsMax, redisPerPod), REDIS_CLIENT_RESERVE);
        return new PoolPlan(apiPodsMax, perPod, MIGRATION_RESERVE, SUPERUSER_RESERVE, needed, maxConnections,
                fixed != null, redisMaxClients);
    }

    /** This plan with PostgreSQL's max_connections at {@code maxConnections}. */
    public PoolPlan withPostgresMaxConnections(int maxConnections) {
        return new PoolPlan(apiPodsMax, databasePoolPerPod, migrationReserve, superuserReserve, needed, maxConnections,
                fixedMaxConnections, redisMaxClients);
    }

    /** False when a fixed max_connections is below what the pools need. */
    public boolean fits() {
        return postgresMaxConnections >= needed;
    }

    /** Why the plan does not fit, with the numbers; empty when it fits. */
    public String shortfallMessage() {
        if (fits()) {
            return "";
        }
        return "postgres.managed.maxConnections is " + postgresMaxConnections + " but the pools need " + needed
                + " (" + apiPodsMax + " API pods x " + databasePoolPerPod + " connections + " + migrationReserve
                + " for migrations + " + superuserReserve + " reserved for superusers): raise maxConnections to at least "
                + needed + " or remove it, or lower api.pools.database.maxSize or the API replicas";
    }

    private static Integer fixedMaxConnections(AICodeCraftStackSpec spec) {
        ManagedPostgresSpec managed = spec.getPostgres() == null ? null : spec.getPostgres().getManaged();
        return managed == null ? null : managed.getMaxConnections();
    }

    private static int roundUp(int value) {
        return Math.ceilDiv(value, MAX_CONNECTIONS_STEP) * MAX_CONNECTIONS_STEP;
    }
}
