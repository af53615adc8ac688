package io.aicodecraft.operator.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.operator.crd.SpecRules;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The schema's CEL rules as Java predicates over the defaulted object ({@code self}), so {@code render}
 * rejects offline what the API server would reject. There is no CEL interpreter here: a rule added to
 * {@link SpecRules} needs its predicate here too, and a test fails until it has one.
 */
final class OfflineRules {

    private static final Map<String, Predicate<JsonNode>> RULES = Map.of(
            SpecRules.REPLICAS_ORDERED, self -> self.path("maxReplicas").asLong() >= self.path("minReplicas").asLong(),
            SpecRules.DATABASE_POOL_ORDERED, self -> self.path("maxSize").asLong() >= self.path("minIdle").asLong(),
            SpecRules.REDIS_POOL_ORDERED, self -> self.path("maxTotal").asLong() >= self.path("maxIdle").asLong(),
            SpecRules.MANAGED_XOR_EXTERNAL, self -> has(self, "managed") != has(self, "external"),
            SpecRules.OPENAI_NEEDS_ENDPOINT, self -> !self.path("provider").asText().equals("openai")
                    || (has(self, "baseUrl") && has(self, "model")),
            SpecRules.MAX_CONNECTIONS_NOT_A_PARAMETER, self -> !self.path("parameters").has("max_connections"),
            SpecRules.VERIFYING_SSL_NEEDS_CA, self -> !self.path("sslMode").asText().startsWith("verify-")
                    || has(self, "caSecretRef"),
            // a file is always a creation, where the API server skips rules about the old object
            SpecRules.STORAGE_UNCHANGED, self -> true,
            SpecRules.NAME_FITS_DERIVED_NAMES,
            self -> self.path("metadata").path("name").asText().length() <= StackNames.MAX_STACK_NAME_LENGTH);

    private OfflineRules() {
    }

    /** Whether {@code self} satisfies the rule; empty for a rule this class does not know. */
    static Optional<Boolean> holds(String rule, JsonNode self) {
        Predicate<JsonNode> predicate = RULES.get(rule);
        return predicate == null ? Optional.empty() : Optional.of(predicate.test(self));
    }

    /** CEL's has(): the field is present (the API server drops explicit nulls of optional fields). */
    private static boolean has(JsonNode self, String field) {
        return self.hasNonNull(field);
    }
}
