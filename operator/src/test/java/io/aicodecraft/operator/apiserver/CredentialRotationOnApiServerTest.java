package io.aicodecraft.operator.apiserver;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.AdminKeySecret;
import io.aicodecraft.operator.model.AdminKeys;
import io.aicodecraft.operator.model.ApiRollout;
import io.aicodecraft.operator.model.CredentialRotation;
import io.aicodecraft.operator.model.OwnerPasswordJob;
import io.aicodecraft.operator.model.PostgresLoginSecret;
import io.aicodecraft.operator.model.PostgresLogins;
import io.aicodecraft.operator.model.PostgresOwnerPassword;
import io.aicodecraft.operator.model.PostgresSecret;
import io.aicodecraft.operator.model.RedisPasswordJob;
import io.aicodecraft.operator.model.RedisPasswords;
import io.aicodecraft.operator.model.RedisSecret;
import io.aicodecraft.operator.model.StackComponent;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.testing.OperatorOnApiServer;
import io.aicodecraft.operator.testing.RealApiServer;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rotation of the API's PostgreSQL login on a real kube-apiserver, each step as the operator takes it: the first
 * role granted before the API exists, then on a new token the idle role's new password, its grant Job, and only once
 * that succeeded the Secret on the new role and the API rolled onto it; no second rotation before every pod runs the
 * first one's role.
 */
class CredentialRotationOnApiServerTest {

    @RegisterExtension
    static final RealApiServer SERVER = new RealApiServer();

    @RegisterExtension
    static final OperatorOnApiServer OPERATOR = new OperatorOnApiServer(SERVER);

    private static final String A = PostgresLogins.ROLES.get(0);
    private static final String B = PostgresLogins.ROLES.get(1);

    private static StackDriver driver;

    @BeforeAll
    static void driver() {
        driver = OPERATOR.driver();
    }

    @Test
    void theApiWaitsForItsFirstLoginAndARotationMovesItOntoTheOtherRoleOnceGranted() {
        var stack = driver.create(TestStacks.minimal(SERVER.namespace("rotation"), "team-a"));
        driver.postgresReady(stack);
        driver.kubelet().jobSucceeded("rotation", driver.awaitJob(stack));
        driver.kubelet().deploymentAvailable("rotation", StackNames.redis(stack));
        String firstGrant = driver.awaitGrant(stack);
        await().during(Duration.ofSeconds(1)).atMost(StackDriver.WAIT)
                .until(() -> driver.get(stack, Deployment.class, StackNames.api(stack)) == null);
        assertThat(driver.condition(stack, "ApiReady")).hasValueSatisfying(c ->
                assertThat(c.getMessage()).contains("its database login: Job " + firstGrant));

        driver.kubelet().jobSucceeded("rotation", firstGrant);
        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertThat(login(stack)).isEqualTo(A));
        PostgresLogins first = logins(stack);
        assertThat(first.active()).contains(A);
        await().atMost(StackDriver.WAIT).untilAsserted(() ->
                assertThat(driver.status(stack).getCredentials().getPostgres().getRole()).isEqualTo(A));

        rotate(stack, "rotation-1");
        // every API pod must run the role in use before its twin's password changes
        await().during(Duration.ofSeconds(1)).atMost(StackDriver.WAIT)
                .until(() -> logins(stack).rotatingTo().isEmpty());
        driver.kubelet().deploymentAvailable("rotation", StackNames.api(stack));

        await().atMost(StackDriver.WAIT).until(() -> logins(stack).rotatingTo().isPresent());
        PostgresLogins rotating = logins(stack);
        assertThat(rotating.target()).isEqualTo(B);
        assertThat(rotating.active()).contains(A);
        assertThat(rotating.passwords().get(A)).isEqualTo(first.passwords().get(A));
        String secondGrant = driver.awaitGrant(stack);
        assertThat(secondGrant).isNotEqualTo(firstGrant);
        assertThat(driver.get(stack, Job.class, secondGrant).getMetadata().getAnnotations())
                .containsEntry("aicodecraft.io/login-role", B);
        assertThat(login(stack)).as("the API is not moved before the grant succeeded").isEqualTo(A);

        driver.kubelet().jobSucceeded("rotation", secondGrant);
        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            PostgresLogins moved = logins(stack);
            assertThat(moved.active()).contains(B);
            assertThat(moved.rotatingTo()).isEmpty();
            assertThat(login(stack)).isEqualTo(B);
            var status = driver.status(stack).getCredentials().getPostgres();
            assertThat(status.getRole()).isEqualTo(B);
            assertThat(status.getRotation()).isEqualTo("rotation-1");
            assertThat(status.getRotatedAt()).isNotBlank();
            assertThat(status.getRotatingTo()).isNull();
            assertThat(driver.get(stack, Job.class, firstGrant)).as("the superseded grant Job").isNull();
        });
        Secret secret = driver.get(stack, Secret.class, StackNames.postgresLogin(stack));
        assertThat(secret.getMetadata().getAnnotations()).doesNotContainKey("aicodecraft.io/rotating-to");
        assertThat(driver.status(stack).toString()).doesNotContain(logins(stack).passwords().get(A), logins(stack).passwords().get(B));
    }

    @Test
    void aFailedGrantIsSaidInTheStatusAndTheApiKeepsItsLogin() {
        var stack = driver.rollOut(TestStacks.minimal(SERVER.namespace("rotation-failed"), "team-a"));
        await().atMost(StackDriver.WAIT).until(() -> A.equals(login(stack)));
        rotate(stack, "rotation-1");
        await().atMost(StackDriver.WAIT).until(() -> logins(stack).rotatingTo().isPresent());
        String grant = driver.awaitGrant(stack);

        driver.kubelet().jobFailed("rotation-failed", grant, "BackoffLimitExceeded", "Job has reached the specified backoff limit");

        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertThat(
                driver.status(stack).getCredentials().getPostgres().getProblem())
                .isEqualTo("Job " + grant + " failed (BackoffLimitExceeded: Job has reached the specified backoff"
                        + " limit); delete the Job to run it again"));
        assertThat(login(stack)).isEqualTo(A);
        assertThat(logins(stack).active()).contains(A);
    }

    @Test
    void aRotationAddsANewRedisPasswordBeforeTheApiMovesOntoIt() {
        var stack = driver.rollOut(TestStacks.minimal(SERVER.namespace("rotation-redis"), "team-a"));
        RedisPasswords before = redisPasswords(stack);

        rotate(stack, "redis-1");

        await().atMost(StackDriver.WAIT).until(() -> redisPasswords(stack).next().isPresent());
        RedisPasswords rotating = redisPasswords(stack);
        assertThat(rotating.password()).as("the API's password until the new one is in Redis").isEqualTo(before.password());
        String job = RedisPasswordJob.name(stack, rotating);
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, Job.class, job) != null);
        assertThat(annotation(stack, ApiRollout.REDIS_ANNOTATION)).isNull();
        assertThat(driver.status(stack).getCredentials().getRedis().getRotating()).isTrue();

        driver.kubelet().jobSucceeded("rotation-redis", job);

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            RedisPasswords moved = redisPasswords(stack);
            assertThat(moved.password()).isEqualTo(rotating.next().orElseThrow());
            assertThat(moved.previous()).isEqualTo(before.password());
            assertThat(moved.next()).isEmpty();
            assertThat(annotation(stack, ApiRollout.REDIS_ANNOTATION)).isEqualTo(moved.rotatedAt().orElseThrow().toString());
            var status = driver.status(stack).getCredentials().getRedis();
            assertThat(status.getRotation()).isEqualTo("redis-1");
            assertThat(status.getRotating()).isNull();
        });

        // every API pod uses the new password, but Redis's own pod may still read the one replaced for a while
        driver.kubelet().deploymentAvailable("rotation-redis", StackNames.api(stack));
        rotate(stack, "redis-2");
        await().during(Duration.ofSeconds(2)).atMost(StackDriver.WAIT)
                .until(() -> redisPasswords(stack).next().isEmpty() && "redis-1".equals(redisPasswords(stack).rotation()));
    }

    @Test
    void aFailedRedisPasswordJobIsSaidInTheStatusAndTheApiKeepsThePassword() {
        var stack = driver.rollOut(TestStacks.minimal(SERVER.namespace("rotation-redis-failed"), "team-a"));
        RedisPasswords before = redisPasswords(stack);
        rotate(stack, "redis-1");
        await().atMost(StackDriver.WAIT).until(() -> redisPasswords(stack).next().isPresent());
        String job = RedisPasswordJob.name(stack, redisPasswords(stack));
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, Job.class, job) != null);

        driver.kubelet().jobFailed("rotation-redis-failed", job, "BackoffLimitExceeded", "Job has reached the specified backoff limit");

        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertThat(
                driver.status(stack).getCredentials().getRedis().getProblem())
                .isEqualTo("Job " + job + " failed (BackoffLimitExceeded: Job has reached the specified backoff limit);"
                        + " delete the Job to run it again"));
        assertThat(redisPasswords(stack).password()).isEqualTo(before.password());
    }

    @Test
    void aReconcileWithoutANewTokenLeavesTheLoginSecretAlone() {
        var stack = driver.rollOut(TestStacks.minimal(SERVER.namespace("rotation-none"), "team-a"));
        await().atMost(StackDriver.WAIT).until(() -> logins(stack).active().isPresent());
        String version = driver.get(stack, Secret.class, StackNames.postgresLogin(stack)).getMetadata().getResourceVersion();

        long generation = driver.edit(stack, s -> {
            s.getSpec().getApi().setReplicas(3);
            return s;
        }).getMetadata().getGeneration();
        await().atMost(StackDriver.WAIT).until(() -> driver.status(stack).getObservedGeneration() == generation);

        assertThat(driver.get(stack, Secret.class, StackNames.postgresLogin(stack)).getMetadata().getResourceVersion())
                .isEqualTo(version);
    }

    @Test
    void aDeletedLoginSecretIsMadeAnewForTheRoleThePodsDoNotUse() {
        var stack = driver.rollOut(TestStacks.minimal(SERVER.namespace("rotation-deleted"), "team-a"));
        await().atMost(StackDriver.WAIT).until(() -> A.equals(login(stack)));
        String used = logins(stack).passwords().get(A);

        SERVER.client().secrets().inNamespace("rotation-deleted").withName(StackNames.postgresLogin(stack)).delete();

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            Secret secret = driver.get(stack, Secret.class, StackNames.postgresLogin(stack));
            assertThat(secret).isNotNull();
            PostgresLogins remade = PostgresLoginSecret.read(secret);
            assertThat(remade.rotatingTo()).contains(B);
            assertThat(remade.passwords()).doesNotContainKey(A).doesNotContainValue(used);
        });
        driver.kubelet().jobSucceeded("rotation-deleted", driver.awaitGrant(stack));
        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertThat(login(stack)).isEqualTo(B));
    }

    @Test
    void aRotationGivesANewAdminKeyKeepsTheReplacedOneForADayAndRollsTheApi() {
        var stack = driver.rollOut(TestStacks.minimal(SERVER.namespace("rotation-admin"), "team-a"));
        AdminKeys before = AdminKeySecret.read(driver.get(stack, Secret.class, StackNames.adminKeySecret(stack))).orElseThrow();
        Instant asked = Instant.now();

        rotate(stack, "admin-1");

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            AdminKeys after = AdminKeySecret.read(driver.get(stack, Secret.class, StackNames.adminKeySecret(stack))).orElseThrow();
            assertThat(after.key()).isNotEqualTo(before.key());
            assertThat(after.previous()).hasValueSatisfying(previous -> {
                assertThat(previous.key()).isEqualTo(before.key());
                assertThat(previous.expires()).isBetween(asked.plus(AdminKeys.GRACE).minusSeconds(5),
                        Instant.now().plus(AdminKeys.GRACE));
            });
            Deployment api = driver.get(stack, Deployment.class, StackNames.api(stack));
            assertThat(api.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry(ApiRollout.ADMIN_KEY_ANNOTATION, "admin-1");
            var status = driver.status(stack).getCredentials().getAdminKey();
            assertThat(status.getRotation()).isEqualTo("admin-1");
            assertThat(status.getPreviousKeyExpires()).isEqualTo(after.previous().orElseThrow().expires().toString());
        });
        AdminKeys rotated = AdminKeySecret.read(driver.get(stack, Secret.class, StackNames.adminKeySecret(stack))).orElseThrow();
        assertThat(driver.status(stack).toString()).doesNotContain(rotated.key(), before.key());
    }

    @Test
    void theOwnersNewPasswordIsSetByAJobBeforeTheSecretHoldsItAlone() {
        var stack = driver.rollOut(TestStacks.minimal(SERVER.namespace("rotation-owner"), "team-a"));
        PostgresOwnerPassword before = owner(stack);

        rotate(stack, "owner-1");
        String first = ownerJobOfTheRotation(stack, "rotation-owner");
        PostgresOwnerPassword rotating = owner(stack);
        assertThat(rotating.password()).as("the owner's Jobs use it until PostgreSQL has the new one")
                .isEqualTo(before.password());
        assertThat(driver.get(stack, Job.class, first).getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .containsExactly("set-owner-password");
        assertThat(driver.status(stack).getCredentials().getPostgresOwner().getRotating()).isTrue();

        driver.kubelet().jobSucceeded("rotation-owner", first);

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            PostgresOwnerPassword changed = owner(stack);
            assertThat(changed.password()).isEqualTo(rotating.next().orElseThrow());
            assertThat(changed.next()).isEmpty();
            var status = driver.status(stack).getCredentials().getPostgresOwner();
            assertThat(status.getSecret()).isEqualTo(StackNames.postgresSecret(stack));
            assertThat(status.getRotation()).isEqualTo("owner-1");
            assertThat(status.getRotating()).isNull();
            assertThat(Instant.parse(status.getRotatedAt())).isAfter(before.rotatedAt().orElseThrow());
        });

        rotate(stack, "owner-2");
        String second = ownerJobOfTheRotation(stack, "rotation-owner");
        driver.kubelet().jobSucceeded("rotation-owner", second);
        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            assertThat(owner(stack).next()).isEmpty();
            assertThat(driver.get(stack, Job.class, first)).as("the superseded owner Job").isNull();
            assertThat(driver.get(stack, Job.class, second)).as("the latest, kept for its log").isNotNull();
        });
        assertThat(driver.status(stack).toString()).doesNotContain(before.password(), rotating.next().orElseThrow(),
                owner(stack).password());
    }

    @Test
    void theOwnersPasswordIsNotRotatedUnderAJobThatLogsInAsTheOwner() {
        var stack = TestStacks.minimal(SERVER.namespace("rotation-owner-wait"), "team-a");
        stack.getMetadata().setAnnotations(Map.of(CredentialRotation.ANNOTATION, "from-the-start"));
        driver.create(stack);
        driver.postgresReady(stack);
        String migration = driver.awaitJob(stack);

        await().during(Duration.ofSeconds(2)).atMost(StackDriver.WAIT)
                .until(() -> owner(stack).next().isEmpty());

        driver.kubelet().jobSucceeded("rotation-owner-wait", migration);
        String job = ownerJobOfTheRotation(stack, "rotation-owner-wait");
        assertThat(owner(stack).rotation()).isEqualTo("from-the-start");
        assertThat(job).isEqualTo(OwnerPasswordJob.name(stack, owner(stack)));
    }

    /**
     * The owner Job of the rotation just asked for. The same token rotates the login, whose grant Job logs in as the
     * owner too: it is let succeed, as the owner's rotation may wait for it.
     */
    private static String ownerJobOfTheRotation(AICodeCraftStack stack, String namespace) {
        await().atMost(StackDriver.WAIT).until(() -> {
            SERVER.client().batch().v1().jobs().inNamespace(namespace)
                    .withLabel(StackComponent.COMPONENT_LABEL, StackComponent.LOGIN.component()).list().getItems().stream()
                    .filter(grant -> grant.getStatus() == null || grant.getStatus().getConditions() == null
                            || grant.getStatus().getConditions().isEmpty())
                    .forEach(grant -> driver.kubelet().jobSucceeded(namespace, grant.getMetadata().getName()));
            return owner(stack).next().isPresent();
        });
        String job = OwnerPasswordJob.name(stack, owner(stack));
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, Job.class, job) != null);
        return job;
    }

    private static void rotate(AICodeCraftStack stack, String token) {
        driver.edit(stack, s -> {
            Map<String, String> annotations = new HashMap<>();
            if (s.getMetadata().getAnnotations() != null) {
                annotations.putAll(s.getMetadata().getAnnotations());
            }
            annotations.put(CredentialRotation.ANNOTATION, token);
            s.getMetadata().setAnnotations(annotations);
            return s;
        });
    }

    private static PostgresLogins logins(AICodeCraftStack stack) {
        return PostgresLoginSecret.read(driver.get(stack, Secret.class, StackNames.postgresLogin(stack)));
    }

    private static PostgresOwnerPassword owner(AICodeCraftStack stack) {
        return PostgresSecret.read(driver.get(stack, Secret.class, StackNames.postgresSecret(stack))).orElseThrow();
    }

    private static RedisPasswords redisPasswords(AICodeCraftStack stack) {
        return RedisSecret.read(driver.get(stack, Secret.class, StackNames.redisSecret(stack))).orElseThrow();
    }

    private static String login(AICodeCraftStack stack) {
        return annotation(stack, ApiRollout.LOGIN_ANNOTATION);
    }

    private static String annotation(AICodeCraftStack stack, String name) {
        Deployment api = driver.get(stack, Deployment.class, StackNames.api(stack));
        Map<String, String> annotations = api == null ? null : api.getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(name);
    }
}
