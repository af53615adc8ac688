package io.aicodecraft.api.backup;

import io.aicodecraft.api.SelfSignedCertificate;
import io.aicodecraft.api.TestServers;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real S3 server in the tests' JVM: s3proxy over jclouds' in-memory {@code transient} blob store, on 127.0.0.1
 * and a free port, checking AWS signatures (V2 or V4) against one access key.
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "backup-test-access";
    public static final String SECRET_KEY = "backup-test-secret-Zq81xW";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final URI endpoint;

    private S3Server(S3Proxy proxy, BlobStoreContext context, URI endpoint) {
        this.proxy = proxy;
        this.context = context;
        this.endpoint = endpoint;
    }

    public static S3Server start(String... buckets) throws Exception {
        URI endpoint = URI.create("http://127.0.0.1:" + TestServers.freePort());
        return start(S3Proxy.builder().endpoint(endpoint), endpoint, buckets);
    }

    /**
     * Over HTTPS only, with a certificate of its own CA for 127.0.0.1 made in {@code directory}, which the JVM does not
     * trust: {@code directory/ca.pem} is the certificate to trust instead.
     */
    public static S3Server startTls(Path directory, String... buckets) throws Exception {
        var certificate = SelfSignedCertificate.make(directory, "ca", "ip:127.0.0.1");
        URI endpoint = URI.create("https://127.0.0.1:" + TestServers.freePort());
        return start(S3Proxy.builder().secureEndpoint(endpoint)
                .keyStore(certificate.keyStore().toString(), SelfSignedCertificate.PASSWORD), endpoint, buckets);
    }

    private static S3Server start(S3Proxy.Builder builder, URI endpoint, String... buckets) throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials(ACCESS_KEY, SECRET_KEY)
                .build(BlobStoreContext.class);
        for (String bucket : buckets) {
            context.getBlobStore().createContainerInLocation(null, bucket);
        }
        S3Proxy proxy = builder
                .blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        return new S3Server(proxy, context, endpoint);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The object keys of {@code bucket}, read straight from the blob store (not through the code under test). */
    public List<String> keys(String bucket) {
        BlobStore store = context.getBlobStore();
        return store.list(bucket, org.jclouds.blobstore.options.ListContainerOptions.Builder.recursive()).stream()
                .map(meta -> meta.getName()).sorted().toList();
    }

    public byte[] object(String bucket, String key) throws Exception {
        try (var in = context.getBlobStore().getBlob(bucket, key).getPayload().openStream()) {
            return in.readAllBytes();
        }
    }

    public void putObject(String bucket, String key, byte[] content) {
        BlobStore store = context.getBlobStore();
        store.putBlob(bucket, store.blobBuilder(key).payload(content).build());
    }

    /** The environment of {@code backup} against this server: path-style, static credentials, {@code prefix}. */
    public Map<String, String> environment(String bucket, String prefix) {
        return Map.of(BackupEnvironment.DESTINATION, "s3",
                BackupEnvironment.S3_ENDPOINT, endpoint.toString(),
                BackupEnvironment.S3_BUCKET, bucket,
                BackupEnvironment.S3_PREFIX, prefix,
                BackupEnvironment.S3_PATH_STYLE, "true",
                BackupEnvironment.ACCESS_KEY_ID, ACCESS_KEY,
                BackupEnvironment.SECRET_ACCESS_KEY, SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
