package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every object the operator would create for a stack, in the order the reconcile flow creates them. Whether an
 * object exists is the builder's {@code applies}, which the workflow's conditions ask too;
 * StackObjectsMatchWorkflowTest holds the two to the same set.
 */
public final class StackObjects {

    private StackObjects() {
    }

    public static List<HasMetadata> render(AICodeCraftStack stack, SecretValues secrets) {
        PoolPlan plan = PoolPlan.of(stack.getSpec());
        boolean managedPostgres = PostgresStatefulSet.applies(stack);
        boolean managedRedis = RedisDeployment.applies(stack);
        List<HasMetadata> objects = new ArrayList<>();
        StackCertificates certificates = secrets.certificates().apply(stack);
        PostgresLogins logins = PostgresLogins.granted(secrets.postgresLoginPassword());
        // with cert-manager its issuer signs, and what it will issue is not known here
        boolean ownCa = !StackTls.certManager(stack);
        if (StackTls.certificatesApply(stack) && ownCa) {
            objects.add(CaSecret.build(stack, certificates.ca()));
        }
        if (managedPostgres) {
            objects.add(PostgresSecret.build(stack, PostgresOwnerPassword.first(secrets.postgresPassword())));
            objects.add(PostgresLoginSecret.build(stack, logins));
            objects.add(ownCa ? ServerTlsSecret.postgres(stack, certificates.postgres(), certificates.ca())
                    : CertManagerCertificate.postgres(stack));
        }
        if (managedRedis) {
            objects.add(RedisSecret.build(stack, RedisPasswords.first(secrets.redisPassword()),
                    secrets.redisExporterPassword()));
            objects.add(ownCa ? ServerTlsSecret.redis(stack, certificates.redis(), certificates.ca())
                    : CertManagerCertificate.redis(stack));
        }
        objects.add(AdminKeySecret.build(stack, AdminKeys.first(secrets.adminKey())));
        ConfigMap config = ApiConfigMap.build(stack, plan);
        boolean planFits = ApiConfigMap.applies(stack);
        if (planFits) {
            objects.add(config);
        }
        if (managedPostgres) {
            objects.add(PostgresHbaConfigMap.build(stack));
            objects.add(PostgresService.build(stack));
            // render cannot see the cluster's CRDs: it assumes the Prometheus Operator, as for the ServiceMonitor
            objects.add(PostgresStatefulSet.build(stack, plan,
                    Optional.of(certificates.postgres().certificate()).filter(certificate -> ownCa),
                    PostgresExporter.applies(stack)));
        }
        if (BackupClaim.applies(stack)) {
            objects.add(BackupClaim.build(stack));
        }
        if (BackupCronJob.applies(stack)) {
            objects.add(BackupCronJob.build(stack));
        }
        if (OnDemandBackupJob.applies(stack)) {
            objects.add(OnDemandBackupJob.build(stack));
        }
        if (managedRedis) {
            if (RedisDataClaim.applies(stack)) {
                objects.add(RedisDataClaim.build(stack));
            }
            objects.add(RedisService.build(stack));
            objects.add(RedisDeployment.build(stack, plan,
                    Optional.of(certificates.redis().certificate()).filter(certificate -> ownCa),
                    RedisExporter.applies(stack)));
        }
        if (planFits && RestoreJob.applies(stack)) {
            objects.add(RestoreJob.build(stack));
        }
        if (planFits) {
            objects.add(MigrationJob.build(stack));
            if (GrantLoginJob.applies(stack)) {
                objects.add(GrantLoginJob.build(stack, logins));
            }
            objects.add(ApiDeployment.build(stack, plan, new ApiRollout(ConfigHash.of(config),
                    Optional.of(certificates.ca().certificate()).filter(ca -> ownCa), logins.active().filter(role -> managedPostgres),
                    Optional.empty(), Optional.empty())));
        }
        objects.add(ApiService.build(stack));
        if (ApiHorizontalPodAutoscaler.applies(stack)) {
            objects.add(ApiHorizontalPodAutoscaler.build(stack));
        }
        if (ApiPodDisruptionBudget.applies(stack)) {
            objects.add(ApiPodDisruptionBudget.build(stack));
        }
        if (StackNetworkPolicy.applies(stack)) {
            objects.add(StackNetworkPolicy.build(stack));
        }
        // where the Prometheus Operator is installed
        if (ApiServiceMonitor.applies(stack)) {
            objects.add(ApiServiceMonitor.build(stack));
            objects.add(StackAlerts.build(stack));
        }
        if (PostgresExporter.applies(stack)) {
            objects.add(ExporterPodMonitor.postgres(stack));
        }
        if (RedisExporter.applies(stack)) {
            objects.add(ExporterPodMonitor.redis(stack));
        }
        return objects;
    }
}
