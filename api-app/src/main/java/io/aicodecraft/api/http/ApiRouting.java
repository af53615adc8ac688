package io.aicodecraft.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicodecraft.api.auth.AdminKey;
import io.aicodecraft.api.auth.ApiKeys;
import io.aicodecraft.api.auth.RateLimiter;
import io.aicodecraft.api.chain.Chains;
import io.aicodecraft.api.config.AccessConfig;
import io.aicodecraft.api.config.QuotaConfig;
import io.aicodecraft.api.conversation.Conversations;
import io.aicodecraft.api.usage.UsageCounters;
import io.aicodecraft.api.usage.UsageFlush;
import io.aicodecraft.api.usage.UsageReports;
import io.aicodecraft.api.generation.Conversions;
import io.aicodecraft.api.generation.CodeService;
import io.aicodecraft.api.generation.GenerationOrder;
import io.aicodecraft.api.metrics.ApiMetrics;
import io.aicodecraft.api.metrics.MetricsEndpoint;
import io.aicodecraft.api.metrics.RequestMetrics;
import io.aicodecraft.api.search.SemanticSearch;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.RedisCache;
import io.aicodecraft.api.template.TemplateLibrary;
import io.helidon.webserver.http.HttpRouting;

import java.time.Clock;
import java.util.List;

/** Every route of the API, registered here and nowhere else. */
public final class ApiRouting {
    private static final String GENERATIONS = "/v1/generations";
    private static final String CONVERSIONS = "/v1/conversions";
    private static final String TEMPLATES = "/v1/templates";
    private static final CallerRoutes CALLER_ROUTES =
            new CallerRoutes(List.of(GENERATIONS, CONVERSIONS, TEMPLATES, ChainsResource.PATH, UsageResource.PATH,
                    ConversationsResource.PATH));
    /** How the metrics and the access log name a request's route. */
    public static final RouteName ROUTE_NAME = new RouteName(CALLER_ROUTES);

    private ApiRouting() {
    }

    public static HttpRouting.Builder create(ObjectMapper json, Database database, RedisCache cache,
                                             CodeService<GenerationOrder> generations, Conversions conversions,
                                             TemplateLibrary templates,
                                             ApiKeys keys, RateLimiter limiter, AccessConfig access, ApiMetrics metrics,
                                             Chains chains, QuotaConfig quota, UsageCounters usage, UsageFlush flush,
                                             UsageReports reports, Conversations conversations,
                                             SemanticSearch search) {
        HttpRouting.Builder routing = HttpRouting.builder();
        var admin = new AdminKey(access.adminKey(), access.previousAdminKey(), Clock.systemUTC());
        var problems = new ProblemMapping(json);
        problems.register(routing);
        // in this order: time everything, answer the filters' problems, find the caller, spend the caller's budget
        routing.addFilter(new RequestMetrics(metrics.registry(), ROUTE_NAME))
                .addFilter(new FilterErrors(problems))
                .addFilter(new AuthenticationFilter(keys, admin, access.devMode(), CALLER_ROUTES))
                .addFilter(new RateLimitFilter(limiter, quota, flush, access.failOpen(),
                        metrics.registry()));
        var tokens = new TokenCharge(usage, flush);
        return routing
                .register("/metrics", new MetricsEndpoint(metrics))
                .register(KeysResource.PATH, new KeysResource(keys, admin, quota, json))
                .register(UsageResource.PATH, new UsageResource(reports, keys, quota, json))
                .register("/health", new HealthResource(database, cache, new JsonReply(json)))
                // before their parents, whose /{id} routes would take "similar" for an id
                .register(SimilarResource.GENERATIONS, SimilarResource.generations(search, json))
                .register(SimilarResource.TEMPLATES, SimilarResource.templates(search, json))
                .register(GENERATIONS, CodeResource.generations(generations, json, tokens))
                .register(CONVERSIONS, CodeResource.conversions(conversions, json, tokens))
                .register(TEMPLATES, new TemplatesResource(templates, json))
                .register(ChainsResource.PATH, new ChainsResource(chains, templates, json))
                .register(ConversationsResource.PATH, new ConversationsResource(conversations, json, tokens));
    }
}
