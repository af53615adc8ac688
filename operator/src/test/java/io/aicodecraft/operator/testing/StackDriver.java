package io.aicodecraft.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.AICodeCraftStackStatus;
import io.aicodecraft.operator.model.GrantLoginJob;
import io.aicodecraft.operator.model.PostgresLoginSecret;
import io.aicodecraft.operator.model.PostgresLogins;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * What a tenant and the kubelet do to a stack on the mock cluster, and what the tests read back:
 * create and edit the stack, wait for the operator's objects, mark them ready.
 */
public final class StackDriver {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final Kubelet kubelet;

    public StackDriver(KubernetesClient client) {
        this.client = client;
        this.kubelet = new Kubelet(client);
    }

    public Kubelet kubelet() {
        return kubelet;
    }

    public AICodeCraftStack create(AICodeCraftStack stack) {
        return client.resource(stack).create();
    }

    /**
     * Edits the stack the way {@code kubectl edit} does: on the latest version, again when the
     * operator's status write got in between (409 Conflict).
     */
    public AICodeCraftStack edit(AICodeCraftStack stack, UnaryOperator<AICodeCraftStack> change) {
        var resource = client.resources(AICodeCraftStack.class).inNamespace(stack.getMetadata().getNamespace())
                .withName(stack.getMetadata().getName());
        return Conflicts.retry(() -> resource.edit(change));
    }

    public AICodeCraftStack fresh(AICodeCraftStack stack) {
        return client.resources(AICodeCraftStack.class).inNamespace(stack.getMetadata().getNamespace())
                .withName(stack.getMetadata().getName()).get();
    }

    public AICodeCraftStackStatus status(AICodeCraftStack stack) {
        return fresh(stack).getStatus();
    }

    public Optional<Condition> condition(AICodeCraftStack stack, String type) {
        var status = status(stack);
        return status == null ? Optional.empty()
                : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public <T extends HasMetadata> T get(AICodeCraftStack stack, Class<T> kind, String name) {
        return client.resources(kind).inNamespace(stack.getMetadata().getNamespace()).withName(name).get();
    }

    /** Creates the stack and plays every kubelet step until the operator reports it Ready. */
    public AICodeCraftStack bringToReady(AICodeCraftStack wanted) {
        var stack = rollOut(wanted);
        await().atMost(WAIT).untilAsserted(() -> assertThat(condition(stack, "Ready"))
                .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True")));
        return fresh(stack);
    }

    /**
     * Creates the stack and plays every kubelet step up to its API pods available; what its probe
     * then answers decides whether it becomes Ready.
     */
    public AICodeCraftStack rollOut(AICodeCraftStack wanted) {
        var stack = create(wanted);
        String namespace = stack.getMetadata().getNamespace();
        postgresReady(stack);
        migrate(stack);
        await().atMost(WAIT).until(() -> get(stack, Deployment.class, StackNames.redis(stack)) != null);
        kubelet.deploymentAvailable(namespace, StackNames.redis(stack));
        await().atMost(WAIT).until(() -> get(stack, Deployment.class, StackNames.api(stack)) != null);
        kubelet.deploymentAvailable(namespace, StackNames.api(stack));
        return stack;
    }

    public void postgresReady(AICodeCraftStack stack) {
        await().atMost(WAIT).until(() -> get(stack, StatefulSet.class, StackNames.postgres(stack)) != null);
        kubelet.statefulSetReady(stack.getMetadata().getNamespace(), StackNames.postgres(stack));
    }

    /**
     * Plays the migration Job of the stack's current image succeeding and, on a managed PostgreSQL, the Job that grants
     * the API its first database login, which the API waits for too.
     */
    public void migrate(AICodeCraftStack stack) {
        kubelet.jobSucceeded(stack.getMetadata().getNamespace(), awaitJob(stack));
        if (GrantLoginJob.applies(stack)) {
            kubelet.jobSucceeded(stack.getMetadata().getNamespace(), awaitGrant(stack));
        }
    }

    /** Waits for the Job that grants the login role the login Secret names, and returns its name. */
    public String awaitGrant(AICodeCraftStack stack) {
        AtomicReference<String> name = new AtomicReference<>();
        await().atMost(WAIT).until(() -> {
            Secret secret = get(stack, Secret.class, StackNames.postgresLogin(stack));
            PostgresLogins logins = secret == null ? null : PostgresLoginSecret.read(secret);
            if (logins == null || !logins.usable()) {
                return false;
            }
            name.set(GrantLoginJob.name(stack, logins));
            return get(stack, Job.class, name.get()) != null;
        });
        return name.get();
    }

    /** Waits for the migration Job of the stack's current image and returns its name. */
    public String awaitJob(AICodeCraftStack stack) {
        String name = StackNames.migrationJob(stack);
        await().atMost(WAIT).until(() -> get(stack, Job.class, name) != null);
        return name;
    }
}
