package io.aicodecraft.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicodecraft.api.auth.AdminKey;
import io.aicodecraft.api.auth.ApiKeys;
import io.aicodecraft.api.auth.RateLimiter;
import io.aicodecraft.api.chain.Chains;
import io.aicodecraft.api.config.AccessConfig;
import io.aicodecraft.api.generation.Conversions;
import io.aicodecraft.api.generation.CodeService;
import io.aicodecraft.api.generation.GenerationOrder;
import io.aicodecraft.api.metrics.ApiMetrics;
import io.aicodecraft.api.metrics.MetricsEndpoint;
import io.aicodecraft.api.metrics.RequestMetrics;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.RedisCache;
import io.aicodecraft.api.template.TemplateLibrary;
import io.helidon.webserver.http.HttpRouting;

import java.util.List;

/** Every route of the API, registered here and nowhere else. */
public final class ApiRouting {
    private static final String GENERATIONS = "/v1/generations";
    private static final String CONVERSIONS = "/v1/conversions";
    private static final String TEMPLATES = "/v1/templates";

    private ApiRouting() {
    }

    public static HttpRouting.Builder create(ObjectMapper json, Database database, RedisCache cache,
                                             CodeService<GenerationOrder> generations, Conversions conversions,
                                             TemplateLibrary templates,
                                             ApiKeys keys, RateLimiter limiter, AccessConfig access, ApiMetrics metrics,
                                             Chains chains) {
        HttpRouting.Builder routing = HttpRouting.builder();
        var admin = new AdminKey(access.adminKey());
        new ProblemMapping(json).register(routing);
        var callerRoutes = new CallerRoutes(List.of(GENERATIONS, CONVERSIONS, TEMPLATES, ChainsResource.PATH));
        // in this order: time everything, then find the caller, then spend the caller's budget
        routing.addFilter(new RequestMetrics(metrics.registry(), callerRoutes::rootOf))
                .addFilter(new AuthenticationFilter(keys, admin, access.devMode(), callerRoutes))
                .addFilter(new RateLimitFilter(limiter, access.failOpen(), metrics.registry()));
        return routing
                .register("/metrics", new MetricsEndpoint(metrics))
                .register(KeysResource.PATH, new KeysResource(keys, admin, json))
                .register("/health", new HealthResource(database, cache, new JsonReply(json)))
                .register(GENERATIONS, CodeResource.generations(generations, json))
                .register(CONVERSIONS, CodeResource.conversions(conversions, json))
                .register(TEMPLATES, new TemplatesResource(templates, json))
                .register(ChainsResource.PATH, new ChainsResource(chains, templates, json));
    }
}
