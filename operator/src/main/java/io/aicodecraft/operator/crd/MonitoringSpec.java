package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** Prometheus monitoring of the stack, through the Prometheus Operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class MonitoringSpec {

    /** postgres_exporter of the Go module testcluster/exporters/postgres builds for the tests (DefaultImagesTest). */
    public static final String DEFAULT_POSTGRES_EXPORTER_IMAGE = "quay.io/prometheuscommunity/postgres-exporter:v0.17.1";
    /** redis_exporter of the Go module testcluster/exporters/redis builds for the tests (DefaultImagesTest). */
    public static final String DEFAULT_REDIS_EXPORTER_IMAGE = "oliver006/redis_exporter:v1.74.0";

    @JsonPropertyDescription("true: where the Prometheus Operator's CRDs are in the cluster, a ServiceMonitor for the API's /metrics (<stack>-api), a PrometheusRule of the stack's alerts (<stack>-alerts), and for a managed PostgreSQL and Redis an exporter container in each pod with a PodMonitor (<stack>-postgres, <stack>-redis). false: none of them.")
    @Default("true")
    private boolean enabled = true;

    @JsonPropertyDescription("The image of the managed PostgreSQL's exporter container (Prometheus's postgres_exporter), for a registry mirror. It reads the server over the pod's Unix socket.")
    @Default(DEFAULT_POSTGRES_EXPORTER_IMAGE)
    @Pattern(SpecFormats.IMAGE)
    private String postgresExporterImage = DEFAULT_POSTGRES_EXPORTER_IMAGE;

    @JsonPropertyDescription("The image of the managed Redis's exporter container (redis_exporter), for a registry mirror. It reads the server over the pod's Unix socket as a user that may read nothing but Redis's statistics.")
    @Default(DEFAULT_REDIS_EXPORTER_IMAGE)
    @Pattern(SpecFormats.IMAGE)
    private String redisExporterImage = DEFAULT_REDIS_EXPORTER_IMAGE;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPostgresExporterImage() {
        return postgresExporterImage;
    }

    public void setPostgresExporterImage(String postgresExporterImage) {
        this.postgresExporterImage = postgresExporterImage;
    }

    public String getRedisExporterImage() {
        return redisExporterImage;
    }

    public void setRedisExporterImage(String redisExporterImage) {
        this.redisExporterImage = redisExporterImage;
    }
}
