package io.aicodecraft.api.backup;

import io.aicodecraft.api.config.TrustedCertificates;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Dumps as objects of one bucket below a prefix, through the AWS SDK with the JDK's URLConnection HTTP client. Also
 * reads any key of the bucket ({@link #fetchKey}) for a restore from an object this tool did not name.
 */
public final class S3Destination implements Destination {
    private final S3Settings settings;
    private final S3Client client;

    public S3Destination(S3Settings settings) {
        this.settings = settings;
        this.client = client(settings);
    }

    private static S3Client client(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(settings.caFile()
                        .map(ca -> UrlConnectionHttpClient.builder().tlsTrustManagersProvider(
                                () -> TrustedCertificates.of(ca, BackupEnvironment.S3_CA_FILE)).build())
                        .orElseGet(UrlConnectionHttpClient::create))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle());
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                // S3-compatible servers (MinIO, s3proxy, Ceph) do not all take the SDK's default trailing
                // checksums; checksums only where the API requires them
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKeyId().isPresent() && settings.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId().get(),
                    settings.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public void put(Path file, String name) {
        client.putObject(request -> request.bucket(settings.bucket()).key(settings.key(name)),
                RequestBody.fromFile(file));
    }

    @Override
    public List<String> names() {
        String prefix = settings.prefix();
        return client.listObjectsV2Paginator(request -> request.bucket(settings.bucket()).prefix(prefix))
                .contents().stream()
                .map(S3Object::key)
                .map(key -> key.substring(prefix.length()))
                .filter(name -> !name.contains("/"))
                .sorted()
                .toList();
    }

    @Override
    public void delete(String name) {
        client.deleteObject(request -> request.bucket(settings.bucket()).key(settings.key(name)));
    }

    @Override
    public boolean fetch(String name, Path target) throws IOException {
        return fetchKey(settings.key(name), target);
    }

    /** Copies the object {@code key} of the bucket (no prefix added) to {@code target}; false when there is none. */
    public boolean fetchKey(String key, Path target) throws IOException {
        try (InputStream in = client.getObject(request -> request.bucket(settings.bucket()).key(key))) {
            LocalFiles.writeAtomically(in, target);
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public void close() {
        client.close();
    }
}
