package io.aicodecraft.api;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.aicodecraft.api.ai.CodeModel;
import io.aicodecraft.api.chain.ChainQueue;
import io.aicodecraft.api.chain.ChainStore;
import io.aicodecraft.api.chain.ChainWorkers;
import io.aicodecraft.api.chain.Chains;
import io.aicodecraft.api.auth.ApiKeys;
import io.aicodecraft.api.auth.KeyCache;
import io.aicodecraft.api.auth.RevocationFeed;
import io.aicodecraft.api.auth.RateLimiter;
import io.aicodecraft.api.config.ApiConfig;
import io.aicodecraft.api.conversation.ConversationPurge;
import io.aicodecraft.api.conversation.Conversations;
import io.aicodecraft.api.generation.CacheAside;
import io.aicodecraft.api.generation.ConversionStore;
import io.aicodecraft.api.generation.Conversions;
import io.aicodecraft.api.generation.GenerationStore;
import io.aicodecraft.api.generation.Generations;
import io.aicodecraft.api.http.AccessLog;
import io.aicodecraft.api.http.ApiRouting;
import io.aicodecraft.api.http.ProblemDirectHandler;
import io.aicodecraft.api.http.CodeResource;
import io.aicodecraft.api.metrics.ApiMetrics;
import io.aicodecraft.api.metrics.CacheMetrics;
import io.aicodecraft.api.ai.EmbeddingModel;
import io.aicodecraft.api.search.EmbeddingBackfill;
import io.aicodecraft.api.search.SemanticSearch;
import io.aicodecraft.api.search.VectorSupport;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.GroupCommit;
import io.aicodecraft.api.store.Migrations;
import io.aicodecraft.api.store.RedisCache;
import io.aicodecraft.api.store.RedisKeys;
import io.aicodecraft.api.template.TemplateLibrary;
import io.aicodecraft.api.template.TemplatedGenerations;
import io.aicodecraft.api.usage.UsageCounters;
import io.aicodecraft.api.usage.UsageFlush;
import io.aicodecraft.api.usage.UsageReports;
import io.aicodecraft.api.usage.UsageStore;
import io.helidon.common.socket.SocketOptions;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServer;

import java.time.Clock;
import java.time.Duration;

/** The running API: pools, model, services and the web server, wired by constructor from one {@link ApiConfig}. */
public final class ApiServer implements AutoCloseable {
    /** Enough for a burst of a few thousand requests a second to share a commit a millisecond. */
    private static final int HISTORY_BATCH = 64;
    /** Two transactions in flight: one collects writes while the other waits for PostgreSQL's commit. */
    private static final int HISTORY_COMMITTERS = 2;
    /** Keys seen in the last ten minutes, ten thousand at most: a request with one of them reads no PostgreSQL. */
    private static final int KEY_CACHE_SIZE = 10_000;
    private static final Duration KEY_CACHE_LIFETIME = Duration.ofMinutes(10);
    /** A revoked key's mark outlives every cache entry of it by this much. */
    private static final Duration REVOCATION_MARGIN = Duration.ofMinutes(1);
    /** Model answers kept in this process besides Redis: a few thousand, a few MB of code. */
    private static final int NEAR_CACHE_ENTRIES = 5_000;
    /** Often enough that a conversation is gone within an hour of its retention ending. */
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final Database database;
    private final GroupCommit history;
    private final RedisCache cache;
    private final WebServer server;
    private final ChainQueue chainQueue;
    private final ChainWorkers chainWorkers;
    private final RevocationFeed revocations;
    private final UsageFlush usageFlush;
    private final ConversationPurge purge;
    private final EmbeddingBackfill backfill;

    private ApiServer(Database database, GroupCommit history, RedisCache cache, WebServer server,
                      ChainQueue chainQueue, ChainWorkers chainWorkers, RevocationFeed revocations,
                      UsageFlush usageFlush, ConversationPurge purge, EmbeddingBackfill backfill) {
        this.database = database;
        this.history = history;
        this.cache = cache;
        this.server = server;
        this.chainQueue = chainQueue;
        this.chainWorkers = chainWorkers;
        this.revocations = revocations;
        this.usageFlush = usageFlush;
        this.purge = purge;
        this.backfill = backfill;
    }

    /**
     * Starts serving on {@code host} after checking that the schema is current.
     *
     * @throws io.aicodecraft.api.store.SchemaBehindException when {@code migrate} has not run for this version
     */
    public static ApiServer start(ApiConfig config, String host) {
        Database database = new Database(config.database());
        GroupCommit history = null;
        RedisCache cache = null;
        ChainQueue chainQueue = null;
        RevocationFeed revocations = null;
        UsageFlush usageFlush = null;
        try {
            new Migrations(database.dataSource()).requireUpToDate();
            cache = new RedisCache(config.redis());
            ApiMetrics metrics = new ApiMetrics();
            metrics.bindDatabasePool(database.dataSource());
            metrics.bindRedisPool(cache);
            ObjectMapper json = json();
            CodeModel model = CodeModel.from(config.model());
            CacheAside cacheAside = new CacheAside(cache, config.cacheTtl(), new CacheMetrics(metrics.registry()),
                    NEAR_CACHE_ENTRIES);
            history = new GroupCommit(database, HISTORY_BATCH, HISTORY_COMMITTERS);
            Generations generations = new Generations(model, new GenerationStore(database, history), cacheAside);
            Conversions conversions = new Conversions(model, new ConversionStore(database, history), cacheAside);
            TemplateLibrary templates = new TemplateLibrary(database, cache, json, config.cacheTtl());
            chainQueue = new ChainQueue(config.redis(), config.chains(), json);
            Chains chains = new Chains(chainQueue, new ChainStore(database, json));
            KeyCache keyCache = new KeyCache(KEY_CACHE_SIZE, KEY_CACHE_LIFETIME);
            metrics.bindKeyCache(keyCache);
            revocations = RevocationFeed.start(config.redis(), keyCache);
            RedisCache announcer = cache;
            RateLimiter limiter = new RateLimiter(cache, config.access().requestsPerMinute());
            // the mark refuses the key on every instance before the revocation is answered; the message empties caches
            ApiKeys keys = new ApiKeys(database, keyCache, id -> {
                limiter.revoked(id, KEY_CACHE_LIFETIME.plus(REVOCATION_MARGIN));
                announcer.attempt(redis -> redis.publish(RedisKeys.KEY_REVOCATIONS, id.toString()));
            });
            UsageCounters usage = new UsageCounters(cache, RateLimiter.USAGE_LIFETIME);
            UsageStore usageStore = new UsageStore(database);
            usageFlush = new UsageFlush(usage, usageStore, config.quota().flushInterval());
            int defaultRate = config.access().requestsPerMinute();
            Conversations conversations = new Conversations(model, database, cache, cacheAside, json,
                    config.cacheTtl(), config.conversations(), Clock.systemUTC());
            EmbeddingModel embeddings = EmbeddingModel.from(config.model(), config.search());
            VectorSupport vectors = new VectorSupport(database, Clock.systemUTC());
            SemanticSearch search = new SemanticSearch(database, embeddings, vectors);
            WebServer server = WebServer.builder()
                    .host(host)
                    .port(config.httpPort())
                    .shutdownHook(false)
                    // a reply longer than the write buffer goes out in several writes: without this the last one
                    // waits for the client's delayed ACK (40 ms on Linux) under Nagle's algorithm
                    .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                    .directHandlers(ProblemDirectHandler.all(json))
                    .addFeature(AccessLog.feature(ApiRouting.ROUTE_NAME))
                    // META-INF/openapi.yaml at /openapi; a public document, as the health checks are
                    .addFeature(OpenApiFeature.builder().permitAll(true).build())
                    .routing(ApiRouting.create(json, database, cache,
                            new TemplatedGenerations(generations, templates, CodeResource.MAX_PROMPT_BYTES),
                            conversions, templates, keys,
                            limiter, config.access(), metrics, chains, config.quota(),
                            usage, usageFlush, new UsageReports(usage, usageStore, defaultRate, Clock.systemUTC()),
                            conversations, search))
                    .build()
                    .start();
            if (server.port() < 0) {
                // Helidon logs a failed bind and runs on without its listener
                server.stop();
                throw new IllegalStateException("cannot listen on " + host + ":" + config.httpPort()
                        + " (AICC_HTTP_PORT, or dev --port): the port is taken or not allowed");
            }
            ChainWorkers chainWorkers = ChainWorkers.start(chainQueue, chains, generations, templates,
                    config.chains(), metrics.registry(), ChainWorkers.instanceName());
            return new ApiServer(database, history, cache, server, chainQueue, chainWorkers, revocations, usageFlush,
                    new ConversationPurge(conversations, PURGE_INTERVAL),
                    EmbeddingBackfill.start(database, embeddings, vectors, config.search()));
        } catch (RuntimeException e) {
            if (usageFlush != null) {
                usageFlush.close();
            }
            if (revocations != null) {
                revocations.close();
            }
            if (history != null) {
                history.close();
            }
            if (cache != null) {
                cache.close();
            }
            if (chainQueue != null) {
                chainQueue.close();
            }
            database.close();
            throw e;
        }
    }

    /** Strict reading (duplicate keys, trailing data are errors); ISO-8601 timestamps. */
    static ObjectMapper json() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        chainWorkers.close();
        purge.close();
        backfill.close();
        server.stop();
        revocations.close();
        usageFlush.close();
        history.close();
        chainQueue.close();
        cache.close();
        database.close();
    }
}
