package io.aicodecraft.operator.crd;

/**
 * The CEL rules of the schema ({@code x-kubernetes-validations}). Constants, so the offline check of
 * the {@code render} command can name the very rules the API server runs.
 */
public final class SpecRules {

    public static final String REPLICAS_ORDERED = "self.maxReplicas >= self.minReplicas";
    public static final String DATABASE_POOL_ORDERED = "self.maxSize >= self.minIdle";
    public static final String REDIS_POOL_ORDERED = "self.maxTotal >= self.maxIdle";
    public static final String MANAGED_XOR_EXTERNAL = "has(self.managed) != has(self.external)";
    public static final String OPENAI_NEEDS_ENDPOINT = "self.provider != 'openai' || (has(self.baseUrl) && has(self.model))";
    public static final String MAX_CONNECTIONS_NOT_A_PARAMETER =
            "!has(self.parameters) || !('max_connections' in self.parameters)";
    /** A transition rule: the API server checks it on updates only. */
    public static final String STORAGE_UNCHANGED = "self == oldSelf";

    private SpecRules() {
    }
}
