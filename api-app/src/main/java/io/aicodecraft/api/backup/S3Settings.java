package io.aicodecraft.api.backup;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The S3 destination: {@code AICC_BACKUP_S3_*}, and the credentials of {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY} when both are set (else the SDK's default chain). {@link #toString()} leaves the
 * secret out.
 */
public record S3Settings(Optional<URI> endpoint, String bucket, String prefix, String region, boolean pathStyle,
                         Optional<String> accessKeyId, Optional<String> secretAccessKey, Optional<Path> caFile) {

    public static S3Settings read(BackupEnvironment env) {
        Optional<URI> endpoint = env.text(BackupEnvironment.S3_ENDPOINT).map(S3Settings::endpoint);
        String bucket = env.required(BackupEnvironment.S3_BUCKET, "the bucket that holds the dumps");
        Optional<String> id = env.text(BackupEnvironment.ACCESS_KEY_ID);
        Optional<String> secret = env.text(BackupEnvironment.SECRET_ACCESS_KEY);
        if (id.isEmpty() || secret.isEmpty()) {
            id = Optional.empty();
            secret = Optional.empty();
        }
        return new S3Settings(endpoint, bucket, env.text(BackupEnvironment.S3_PREFIX).orElse(""),
                env.text(BackupEnvironment.S3_REGION).orElse("us-east-1"),
                env.bool(BackupEnvironment.S3_PATH_STYLE, false), id, secret,
                env.text(BackupEnvironment.S3_CA_FILE).map(Path::of));
    }

    private static URI endpoint(String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below with the variable's name
        }
        throw new IllegalArgumentException(BackupEnvironment.S3_ENDPOINT + " = '" + text
                + "' is not an http:// or https:// URL such as http://127.0.0.1:9000");
    }

    /** The object key of a dump's name. */
    public String key(String name) {
        return prefix + name;
    }

    /** {@code s3://bucket/prefix} and the endpoint when it is not AWS's: where, for messages. */
    public String describe() {
        return "s3://" + bucket + "/" + prefix + endpoint.map(uri -> " at " + uri).orElse("");
    }

    @Override
    public String toString() {
        return "S3Settings[" + describe() + ", region=" + region + ", pathStyle=" + pathStyle
                + ", accessKeyId=" + accessKeyId.orElse("(default chain)")
                + caFile.map(ca -> ", ca=" + ca).orElse("") + "]";
    }
}
