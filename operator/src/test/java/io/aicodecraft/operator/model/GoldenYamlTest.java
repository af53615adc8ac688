package io.aicodecraft.operator.model;

import java.util.Optional;
import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.IssuerKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each builder's YAML for each fixture that changes its output, compared with its golden file
 * {@code golden/<Builder>-<fixture>.yaml}.
 */
class GoldenYamlTest {

    private static final String SECRET = "golden-secret-value";
    private static final StackCertificates CERTIFICATES = StackCertificates.placeholders();
    private static final String CERTIFICATE = "golden-certificate";
    private static final PostgresOwnerPassword OWNER_ROTATING =
            PostgresOwnerPassword.first(SECRET).rotate("rotation-1", "golden-new-password");
    private static final PostgresLogins ROTATING = PostgresLogins.granted(SECRET).rotate("rotation-1", "golden-new-password");

    static Stream<Arguments> builders() {
        return Stream.of(
                // mid-rotation: the owner's new password beside the one PostgreSQL still takes
                golden("PostgresSecret", "minimal", stack -> PostgresSecret.build(stack, OWNER_ROTATING)),
                // mid-rotation: the second role has its new password, the API still uses the first
                golden("PostgresLoginSecret", "minimal", stack -> PostgresLoginSecret.build(stack, ROTATING)),
                golden("RedisSecret", "minimal", stack -> RedisSecret.build(stack, RedisPasswords.first(SECRET), SECRET)),
                golden("AdminKeySecret", "minimal", stack -> AdminKeySecret.build(stack, AdminKeys.first(SECRET))),
                golden("CaSecret", "minimal", stack -> CaSecret.build(stack, CERTIFICATES.ca())),
                golden("PostgresCertificate", "minimal", stack -> CertManagerCertificate.postgres(
                        io.aicodecraft.operator.testing.TestStacks.withIssuer(stack, IssuerKind.Issuer, "tenant-ca"))),
                golden("RedisCertificate", "minimal", stack -> CertManagerCertificate.redis(
                        io.aicodecraft.operator.testing.TestStacks.withIssuer(stack, IssuerKind.Issuer, "tenant-ca"))),
                golden("PostgresTlsSecret", "minimal", stack -> ServerTlsSecret.postgres(stack, CERTIFICATES.postgres(), CERTIFICATES.ca())),
                golden("RedisTlsSecret", "minimal", stack -> ServerTlsSecret.redis(stack, CERTIFICATES.redis(), CERTIFICATES.ca())),
                golden("ApiConfigMap", "minimal", stack -> ApiConfigMap.build(stack, PoolPlan.of(stack.getSpec()))),
                golden("ApiConfigMap", "customised", stack -> ApiConfigMap.build(stack, PoolPlan.of(stack.getSpec()))),
                golden("ApiConfigMap", "external", stack -> ApiConfigMap.build(stack, PoolPlan.of(stack.getSpec()))),
                golden("PostgresStatefulSet", "minimal", stack -> PostgresStatefulSet.build(stack, PoolPlan.of(stack.getSpec()), Optional.of(CERTIFICATE), false)),
                golden("PostgresStatefulSet", "customised", stack -> PostgresStatefulSet.build(stack, PoolPlan.of(stack.getSpec()), Optional.of(CERTIFICATE), true)),
                golden("PostgresHbaConfigMap", "minimal", PostgresHbaConfigMap::build),
                golden("PostgresService", "minimal", PostgresService::build),
                golden("RedisDeployment", "minimal", stack -> RedisDeployment.build(stack, PoolPlan.of(stack.getSpec()), Optional.of(CERTIFICATE), false)),
                golden("RedisDeployment", "customised", stack -> RedisDeployment.build(stack, PoolPlan.of(stack.getSpec()), Optional.of(CERTIFICATE), true)),
                golden("RedisDataClaim", "customised", RedisDataClaim::build),
                golden("RedisService", "minimal", RedisService::build),
                golden("MigrationJob", "minimal", MigrationJob::build),
                golden("MigrationJob", "external", MigrationJob::build),
                golden("GrantLoginJob", "minimal", stack -> GrantLoginJob.build(stack, ROTATING)),
                golden("OwnerPasswordJob", "minimal", stack -> OwnerPasswordJob.build(stack, OWNER_ROTATING)),
                golden("RedisPasswordJob", "minimal", stack -> RedisPasswordJob.build(stack,
                        RedisPasswords.first(SECRET).rotate("rotation-1", "golden-new-password"))),
                golden("ApiDeployment", "minimal", GoldenYamlTest::apiDeployment),
                golden("ApiDeployment", "autoscaled", GoldenYamlTest::apiDeployment),
                golden("ApiDeployment", "customised", GoldenYamlTest::apiDeployment),
                golden("ApiDeployment", "external", GoldenYamlTest::apiDeployment),
                golden("ApiService", "minimal", ApiService::build),
                golden("ApiHorizontalPodAutoscaler", "autoscaled", ApiHorizontalPodAutoscaler::build),
                golden("ApiPodDisruptionBudget", "minimal", ApiPodDisruptionBudget::build),
                golden("BackupClaim", "backups-volume", BackupClaim::build),
                golden("BackupCronJob", "backups-volume", BackupCronJob::build),
                golden("BackupCronJob", "backups-s3", BackupCronJob::build),
                golden("OnDemandBackupJob", "backups-volume", OnDemandBackupJob::build),
                golden("RestoreJob", "restore-backup", RestoreJob::build),
                golden("RestoreJob", "restore-s3", RestoreJob::build),
                golden("RestoreJob", "restore-volume", RestoreJob::build),
                golden("StackNetworkPolicy", "minimal", StackNetworkPolicy::build),
                golden("ApiServiceMonitor", "minimal", ApiServiceMonitor::build),
                golden("StackAlerts", "minimal", StackAlerts::build),
                golden("PostgresPodMonitor", "minimal", ExporterPodMonitor::postgres),
                golden("RedisPodMonitor", "minimal", ExporterPodMonitor::redis),
                golden("StackNetworkPolicy", "external-postgres-managed-redis", StackNetworkPolicy::build));
    }

    @ParameterizedTest(name = "{0} for the {1} stack")
    @MethodSource("builders")
    void builderOutputMatchesItsGoldenFile(String builder, String fixture, Function<AICodeCraftStack, HasMetadata> build) {
        HasMetadata object = build.apply(TestStacks.load(fixture));

        GoldenFiles.assertMatches(builder + "-" + fixture, Serialization.asYaml(object));
    }

    private static HasMetadata apiDeployment(AICodeCraftStack stack) {
        PoolPlan plan = PoolPlan.of(stack.getSpec());
        return ApiDeployment.build(stack, plan, new ApiRollout(ConfigHash.of(ApiConfigMap.build(stack, plan)),
                Optional.of(CERTIFICATE), Optional.of(PostgresLogins.ROLES.getFirst()).filter(role -> GrantLoginJob.applies(stack)),
                Optional.empty(), Optional.empty()));
    }

    private static Arguments golden(String builder, String fixture, Function<AICodeCraftStack, HasMetadata> build) {
        return arguments(builder, fixture, build);
    }
}
