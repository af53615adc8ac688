package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.IssuerKind;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the whole set of objects for a stack promises, beyond each builder's golden YAML. */
class StackObjectsTest {

    @Test
    void aMinimalStackGetsEveryObjectInCreationOrder() {
        AICodeCraftStack stack = TestStacks.load("minimal");
        List<HasMetadata> objects = StackObjects.render(stack, SecretValues.placeholders());

        assertThat(objects).extracting(o -> o.getKind() + "/" + o.getMetadata().getName()).containsExactly(
                "Secret/team-a-ca", "Secret/team-a-postgres-credentials", "Secret/team-a-postgres-login",
                "Secret/team-a-postgres-tls", "Secret/team-a-redis-password", "Secret/team-a-redis-tls",
                "Secret/team-a-admin-key", "ConfigMap/team-a-api-config", "ConfigMap/team-a-postgres-hba",
                "Service/team-a-postgres",
                "StatefulSet/team-a-postgres", "Service/team-a-redis", "Deployment/team-a-redis",
                "Job/" + StackNames.migrationJob(stack),
                "Job/" + StackNames.grantLoginJob(stack, PostgresLogins.ROLES.getFirst(), "placeholder-login-password"),
                "Deployment/team-a-api", "Service/team-a-api", "PodDisruptionBudget/team-a-api",
                "NetworkPolicy/team-a-backends", "ServiceMonitor/team-a-api", "PrometheusRule/team-a-alerts",
                "PodMonitor/team-a-postgres", "PodMonitor/team-a-redis");
    }

    @Test
    void monitoringTurnedOffRendersNoServiceMonitorAlertsOrExporter() {
        AICodeCraftStack stack = TestStacks.load("minimal");
        stack.getSpec().getMonitoring().setEnabled(false);

        List<HasMetadata> objects = StackObjects.render(stack, SecretValues.placeholders());
        assertThat(objects).extracting(HasMetadata::getKind).doesNotContain("ServiceMonitor", "PrometheusRule", "PodMonitor");
        assertThat(objects).filteredOn(StatefulSet.class::isInstance).singleElement()
                .satisfies(postgres -> assertThat(podSpec(postgres).getContainers()).extracting(Container::getName)
                        .containsExactly("postgres"));
        assertThat(objects).filteredOn(object -> object.getMetadata().getName().equals("team-a-redis")
                        && object instanceof Deployment).singleElement()
                .satisfies(redis -> assertThat(podSpec(redis).getContainers()).extracting(Container::getName)
                        .containsExactly("redis"));
    }

    @Test
    void onlyAManagedPostgresHasAnExporterToAlertOn() {
        assertThat(StackAlerts.of(TestStacks.load("minimal"))).extracting(StackAlert::name)
                .contains("AICodeCraftPostgresConnectionsHigh");
        assertThat(StackAlerts.of(TestStacks.load("external"))).extracting(StackAlert::name)
                .doesNotContain("AICodeCraftPostgresConnectionsHigh").contains("AICodeCraftReconcileErrors");
        assertThat(StackObjects.render(TestStacks.load("external"), SecretValues.placeholders()))
                .extracting(HasMetadata::getKind).doesNotContain("PodMonitor");
    }

    @Test
    void withACertManagerIssuerTheStackAsksForCertificatesAndHasNoCaOfItsOwn() {
        AICodeCraftStack stack = io.aicodecraft.operator.testing.TestStacks.withIssuer(TestStacks.load("minimal"),
                IssuerKind.Issuer, "tenant-ca");

        List<String> objects = StackObjects.render(stack, SecretValues.placeholders()).stream()
                .map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();

        assertThat(objects).contains("Certificate/team-a-postgres-tls", "Certificate/team-a-redis-tls")
                .doesNotContain("Secret/team-a-ca", "Secret/team-a-postgres-tls", "Secret/team-a-redis-tls");
    }

    @Test
    void anExternalStackRunsNoDatabaseOrCacheOfItsOwn() {
        List<HasMetadata> objects = StackObjects.render(TestStacks.load("external"), SecretValues.generate());

        assertThat(objects).extracting(HasMetadata::getKind)
                .doesNotContain("StatefulSet", "NetworkPolicy")
                .containsOnlyOnce("Secret", "Deployment");
    }

    @Test
    void theAutoscalerExistsOnlyWithAutoscaling() {
        assertThat(kinds("autoscaled")).contains("HorizontalPodAutoscaler");
        assertThat(kinds("minimal")).doesNotContain("HorizontalPodAutoscaler");
    }

    @Test
    void theDisruptionBudgetExistsOnlyWithMoreThanOneApiPod() {
        assertThat(kinds("minimal")).contains("PodDisruptionBudget");
        assertThat(kinds("customised")).doesNotContain("PodDisruptionBudget");
    }

    @Test
    void networkPoliciesFollowTheIsolationSetting() {
        assertThat(kinds("minimal")).contains("NetworkPolicy");
        assertThat(kinds("customised")).doesNotContain("NetworkPolicy");
    }

    @Test
    void withAutoscalingTheDeploymentLeavesReplicasToTheAutoscaler() {
        AICodeCraftStack stack = TestStacks.load("autoscaled");

        assertThat(object(StackObjects.render(stack, SecretValues.generate()), Deployment.class, StackNames.api(stack))
                .getSpec().getReplicas()).isNull();
    }

    @Test
    void secretValuesAppearOnlyInSecrets() {
        SecretValues values = SecretValues.generate();
        for (String fixture : List.of("minimal", "customised", "autoscaled")) {
            for (HasMetadata object : StackObjects.render(TestStacks.load(fixture), values)) {
                if (object instanceof Secret) {
                    continue;
                }
                assertThat(Serialization.asYaml(object)).as(object.getKind())
                        .doesNotContain(values.postgresPassword(), values.redisPassword(), values.adminKey(),
                                "PRIVATE KEY", "BEGIN CERTIFICATE");
            }
        }
    }

    @Test
    void theSameStackAlwaysRendersTheSameYaml() {
        SecretValues values = SecretValues.placeholders();

        assertThat(Serialization.asYaml(StackObjects.render(TestStacks.load("customised"), values)))
                .isEqualTo(Serialization.asYaml(StackObjects.render(TestStacks.load("customised"), values)));
    }

    @Test
    void everyObjectCarriesTheStackLabels() {
        for (HasMetadata object : StackObjects.render(TestStacks.load("customised"), SecretValues.placeholders())) {
            assertThat(object.getMetadata().getLabels()).as(object.getKind() + " " + object.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/instance", "team-x")
                    .containsEntry("app.kubernetes.io/part-of", "aicodecraft")
                    .containsEntry("app.kubernetes.io/managed-by", "aicodecraft-operator")
                    .containsEntry("aicodecraft.io/stack", "team-x")
                    .containsKeys("app.kubernetes.io/name", "app.kubernetes.io/component");
            assertThat(object.getMetadata().getOwnerReferences()).isNullOrEmpty();
            assertThat(object.getMetadata().getNamespace()).isEqualTo("tenant-x");
        }
    }

    @Test
    void everyWorkloadRunsRestricted() {
        for (String fixture : List.of("minimal", "customised")) {
            for (HasMetadata object : StackObjects.render(TestStacks.load(fixture), SecretValues.placeholders())) {
                PodSpec pod = podSpec(object);
                if (pod == null) {
                    continue;
                }
                String what = object.getKind() + " " + object.getMetadata().getName();
                assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(what).isTrue();
                assertThat(pod.getSecurityContext().getRunAsUser()).as(what).isPositive();
                assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(what).isEqualTo("RuntimeDefault");
                for (Container container : pod.getContainers()) {
                    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(what).isTrue();
                    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(what).isFalse();
                    assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(what).containsExactly("ALL");
                    assertThat(container.getVolumeMounts()).as(what).anyMatch(mount -> mount.getMountPath().equals("/tmp"));
                }
            }
        }
    }

    @Test
    void postgresGetsWritableDataAndSocketDirectories() {
        AICodeCraftStack stack = TestStacks.load("minimal");
        StatefulSet postgres = PostgresStatefulSet.build(stack, PoolPlan.of(stack.getSpec()), Optional.of("certificate"), false);

        assertThat(postgres.getSpec().getTemplate().getSpec().getContainers().getFirst().getVolumeMounts())
                .extracting(mount -> mount.getMountPath())
                .contains("/var/lib/postgresql/data", "/var/run/postgresql", "/tmp");
        assertThat(postgres.getSpec().getVolumeClaimTemplates()).extracting(claim -> claim.getMetadata().getName())
                .containsExactly(PostgresStatefulSet.DATA_VOLUME);
    }

    @Test
    void postgresMaxConnectionsComesFromThePoolPlan() {
        AICodeCraftStack stack = TestStacks.load("minimal");
        stack.getSpec().getApi().setReplicas(7);
        PoolPlan plan = PoolPlan.of(stack.getSpec());

        assertThat(PostgresStatefulSet.build(stack, plan, Optional.of("certificate"), false).getSpec().getTemplate().getSpec().getContainers().getFirst()
                .getArgs()).containsSequence("-c", "max_connections=" + plan.postgresMaxConnections());
        assertThat(plan.postgresMaxConnections()).isEqualTo(80);
    }

    @Test
    void pvcRetentionFollowsTheDeletionPolicy() {
        AICodeCraftStack retain = TestStacks.load("minimal");
        AICodeCraftStack delete = TestStacks.load("customised");

        assertThat(PostgresStatefulSet.build(retain, PoolPlan.of(retain.getSpec()), Optional.of("certificate"), false).getSpec()
                .getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Retain");
        assertThat(PostgresStatefulSet.build(delete, PoolPlan.of(delete.getSpec()), Optional.of("certificate"), false).getSpec()
                .getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Delete");
    }

    @Test
    void redisLimitsComeFromTheSpecAndThePlan() {
        AICodeCraftStack stack = TestStacks.load("minimal");
        PoolPlan plan = PoolPlan.of(stack.getSpec());

        List<String> args = RedisDeployment.build(stack, plan, Optional.of("certificate"), false).getSpec().getTemplate().getSpec().getContainers()
                .getFirst().getArgs();

        assertThat(args).containsSequence("--user", "default", "on", ">$(REDIS_PASSWORD)", ">$(REDIS_PREVIOUS_PASSWORD)",
                        ">$(REDIS_NEXT_PASSWORD)", "~*", "&*", "+@all")
                .containsSequence("--maxmemory", Long.toString(256L * 1024 * 1024))
                .containsSequence("--maxmemory-policy", "allkeys-lru")
                .containsSequence("--maxclients", Integer.toString(plan.redisMaxClients()));
    }

    @Test
    void aConfigurationChangeChangesTheConfigHashOnThePodTemplate() {
        AICodeCraftStack stack = TestStacks.load("minimal");
        String before = apiConfigHash(stack);
        stack.getSpec().getApi().getCache().setTtl("2h");

        assertThat(apiConfigHash(stack)).isNotEqualTo(before).hasSize(16);
    }

    @Test
    void aChangeOutsideTheConfigurationKeepsTheConfigHash() {
        AICodeCraftStack stack = TestStacks.load("minimal");
        String before = apiConfigHash(stack);
        stack.getSpec().getApi().setImage("ghcr.io/aicodecraft/api-app:0.2.0");

        assertThat(apiConfigHash(stack)).isEqualTo(before);
    }

    @Test
    void aNewImageGetsANewMigrationJobNameAndNothingElseDoes() {
        AICodeCraftStack stack = TestStacks.load("minimal");
        String first = MigrationJob.name(stack);
        stack.getSpec().getApi().setReplicas(5);
        String sameImage = MigrationJob.name(stack);
        stack.getSpec().getApi().setImage("ghcr.io/aicodecraft/api-app:0.2.0");

        assertThat(sameImage).isEqualTo(first);
        assertThat(MigrationJob.name(stack)).isNotEqualTo(first).startsWith("team-a-migrate-");
    }

    @Test
    void theMigrationRunsTheApiImageWithMigrateAndOnlyDatabaseSecrets() {
        AICodeCraftStack stack = TestStacks.load("minimal");
        Job job = MigrationJob.build(stack);
        Container container = job.getSpec().getTemplate().getSpec().getContainers().getFirst();

        assertThat(container.getImage()).isEqualTo(stack.getSpec().getApi().getImage());
        assertThat(container.getArgs()).containsExactly("migrate");
        assertThat(container.getEnv()).filteredOn(env -> env.getValueFrom() != null)
                .extracting(env -> env.getName()).containsExactly("AICC_DB_USER", "AICC_DB_PASSWORD");
        assertThat(container.getEnv()).filteredOn(env -> env.getValueFrom() == null)
                .extracting(env -> env.getName() + "=" + env.getValue())
                .containsExactly(MigrationJob.RESULT_FILE_ENV + "=/dev/termination-log");
        assertThat(job.getSpec().getBackoffLimit()).isEqualTo(2);
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(600L);
    }

    @Test
    void theConfigMapHoldsNoCredentialsWhileTheDeploymentReferencesThem() {
        AICodeCraftStack stack = TestStacks.load("customised");
        PoolPlan plan = PoolPlan.of(stack.getSpec());
        ConfigMap config = ApiConfigMap.build(stack, plan);
        Deployment api = ApiDeployment.build(stack, plan, new ApiRollout(ConfigHash.of(config), Optional.of("ca"), Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(config.getData().keySet()).noneMatch(key -> key.contains("PASSWORD") || key.endsWith("_KEY")
                || key.equals("AICC_DB_USER"));
        assertThat(api.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
                .allMatch(env -> env.getValueFrom().getSecretKeyRef() != null)
                .extracting(env -> env.getName())
                .contains("AICC_DB_USER", "AICC_DB_PASSWORD", "AICC_REDIS_PASSWORD", "AICC_MODEL_API_KEY", "AICC_ADMIN_KEY");
    }

    @Test
    void longStackNamesStillGiveValidDistinctObjectNames() {
        AICodeCraftStack one = TestStacks.load("minimal");
        AICodeCraftStack two = TestStacks.load("minimal");
        one.getMetadata().setName("a".repeat(60) + "-one");
        two.getMetadata().setName("a".repeat(60) + "-two");

        assertThat(StackNames.postgresSecret(one)).hasSizeLessThanOrEqualTo(63).isNotEqualTo(StackNames.postgresSecret(two));
        assertThat(StackNames.migrationJob(one)).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }

    private static String apiConfigHash(AICodeCraftStack stack) {
        PoolPlan plan = PoolPlan.of(stack.getSpec());
        return ApiDeployment.build(stack, plan, new ApiRollout(ConfigHash.of(ApiConfigMap.build(stack, plan)), Optional.of("ca"),
                        Optional.empty(), Optional.empty(), Optional.empty()))
                .getSpec().getTemplate().getMetadata().getAnnotations().get(ConfigHash.ANNOTATION);
    }

    private static List<String> kinds(String fixture) {
        return StackObjects.render(TestStacks.load(fixture), SecretValues.placeholders()).stream()
                .map(HasMetadata::getKind).toList();
    }

    private static <T extends HasMetadata> T object(List<HasMetadata> objects, Class<T> type, String name) {
        return objects.stream().filter(type::isInstance).map(type::cast)
                .filter(o -> o.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static PodSpec podSpec(HasMetadata object) {
        return switch (object) {
            case Deployment deployment -> deployment.getSpec().getTemplate().getSpec();
            case StatefulSet statefulSet -> statefulSet.getSpec().getTemplate().getSpec();
            case Job job -> job.getSpec().getTemplate().getSpec();
            default -> null;
        };
    }
}
