package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

/** What a tenant asks for: one AICodeCraft API with its PostgreSQL, Redis and migrations. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AICodeCraftStackSpec {

    @JsonPropertyDescription("true: the operator changes nothing in this stack (condition Paused) until it is false again.")
    @Default("false")
    private boolean paused;

    @JsonPropertyDescription("What happens to the stack's data when the stack is deleted: Retain keeps the PostgreSQL and Redis volumes and the PostgreSQL credentials Secret, which a stack re-created under the same name reuses; Delete removes them with the stack.")
    @Default("Retain")
    // an unreadable value, read as null, must survive JOSDK's copy of the stack to be reported
    @JsonInclude(JsonInclude.Include.ALWAYS)
    private DeletionPolicy deletionPolicy = DeletionPolicy.Retain;

    @JsonPropertyDescription("The AICodeCraft API: image, replicas or autoscaling, resources, pools, model, cache and rate limit.")
    @Required
    private ApiSpec api;

    @JsonPropertyDescription("The database: exactly one of managed (the operator runs PostgreSQL) or external (an existing server).")
    @Required
    private PostgresSpec postgres;

    @JsonPropertyDescription("The cache and queue: exactly one of managed (the operator runs Redis) or external (an existing server).")
    @Required
    private RedisSpec redis;

    @JsonPropertyDescription("The schema migration Job run from the API image before any API pod of that image starts.")
    private MigrationsSpec migrations = new MigrationsSpec();

    @JsonPropertyDescription("Network isolation of the stack's PostgreSQL and Redis.")
    private IsolationSpec isolation = new IsolationSpec();

    @JsonPropertyDescription("TLS between the API and the stack's managed PostgreSQL and Redis.")
    private TlsSpec tls = new TlsSpec();

    @JsonPropertyDescription("Prometheus monitoring of the stack, where the Prometheus Operator is installed.")
    private MonitoringSpec monitoring = new MonitoringSpec();

    public MonitoringSpec getMonitoring() {
        return monitoring;
    }

    public void setMonitoring(MonitoringSpec monitoring) {
        this.monitoring = monitoring;
    }

    public TlsSpec getTls() {
        return tls;
    }

    public void setTls(TlsSpec tls) {
        this.tls = tls;
    }

    public boolean isPaused() {
        return paused;
    }

    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    public ApiSpec getApi() {
        return api;
    }

    public void setApi(ApiSpec api) {
        this.api = api;
    }

    public PostgresSpec getPostgres() {
        return postgres;
    }

    public void setPostgres(PostgresSpec postgres) {
        this.postgres = postgres;
    }

    public RedisSpec getRedis() {
        return redis;
    }

    public void setRedis(RedisSpec redis) {
        this.redis = redis;
    }

    public MigrationsSpec getMigrations() {
        return migrations;
    }

    public void setMigrations(MigrationsSpec migrations) {
        this.migrations = migrations;
    }

    public IsolationSpec getIsolation() {
        return isolation;
    }

    public void setIsolation(IsolationSpec isolation) {
        this.isolation = isolation;
    }
}
