package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** S3-compatible object storage for the dumps: AWS S3, MinIO, Ceph RGW, and the like. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class S3BackupSpec {

    @JsonPropertyDescription("The storage's URL, e.g. https://minio.storage.svc:9000; unset: AWS S3 of the region.")
    @Pattern("^https?://[^\\s]+$")
    @Nullable
    private String endpoint;

    @JsonPropertyDescription("The bucket; it must exist.")
    @Required
    private String bucket;

    @JsonPropertyDescription("Prefix of the object keys, e.g. tenants/team-a/; a key is the prefix and the dump's name.")
    @Default("")
    private String prefix = "";

    @JsonPropertyDescription("The region the client signs for.")
    @Default("us-east-1")
    private String region = "us-east-1";

    @JsonPropertyDescription("A Secret in the stack's namespace with the keys accessKeyId and secretAccessKey.")
    @Required
    private LocalSecretReference credentialsSecretRef;

    @JsonPropertyDescription("The CA that signed the storage's certificate, when it is not one the JVM trusts (a MinIO or Ceph behind the cluster's own CA): a PEM key of a Secret in the stack's namespace.")
    private SecretKeyReference caSecretRef;

    @JsonPropertyDescription("true: address the bucket in the path (endpoint/bucket/key), as MinIO and most self-hosted storage need; false: as a host name (bucket.endpoint).")
    @Default("false")
    private boolean pathStyle;

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public LocalSecretReference getCredentialsSecretRef() {
        return credentialsSecretRef;
    }

    public void setCredentialsSecretRef(LocalSecretReference credentialsSecretRef) {
        this.credentialsSecretRef = credentialsSecretRef;
    }

    public SecretKeyReference getCaSecretRef() {
        return caSecretRef;
    }

    public void setCaSecretRef(SecretKeyReference caSecretRef) {
        this.caSecretRef = caSecretRef;
    }

    public boolean isPathStyle() {
        return pathStyle;
    }

    public void setPathStyle(boolean pathStyle) {
        this.pathStyle = pathStyle;
    }
}
