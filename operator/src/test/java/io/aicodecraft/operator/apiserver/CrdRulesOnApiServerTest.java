package io.aicodecraft.operator.apiserver;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.SpecRules;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.testing.RealApiServer;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every schema and CEL rule of the generated CRD, evaluated by a real kube-apiserver: each bad stack is
 * refused at create time with the rule's own message, and the good one is accepted.
 */
class CrdRulesOnApiServerTest {

    @RegisterExtension
    static final RealApiServer SERVER = new RealApiServer();

    private static final String NAMESPACE = "rules";
    private static final String GOOD_API = "api: {image: ghcr.io/aicodecraft/api-app:0.1.0}";
    private static final String GOOD_DATA = "postgres: {managed: {}}\n  redis: {managed: {}}";

    @BeforeAll
    static void namespace() {
        SERVER.namespace(NAMESPACE);
    }

    static Stream<Arguments> badStacks() {
        return Stream.of(
                bad("maxReplicas below minReplicas",
                        "api: {image: x, autoscaling: {enabled: true, minReplicas: 5, maxReplicas: 2}}\n  " + GOOD_DATA,
                        "maxReplicas must be at least minReplicas"),
                bad("database pool maxSize below minIdle",
                        "api: {image: x, pools: {database: {minIdle: 8, maxSize: 4}}}\n  " + GOOD_DATA,
                        "maxSize must be at least minIdle"),
                bad("redis pool maxTotal below maxIdle",
                        "api: {image: x, pools: {redis: {maxTotal: 4, maxIdle: 8}}}\n  " + GOOD_DATA,
                        "maxTotal must be at least maxIdle"),
                bad("openai provider without endpoint",
                        "api: {image: x, model: {provider: openai}}\n  " + GOOD_DATA,
                        "provider openai needs baseUrl and model"),
                bad("max_connections as a parameter",
                        GOOD_API + "\n  postgres: {managed: {parameters: {max_connections: '50'}}}\n  redis: {managed: {}}",
                        "set max_connections with maxConnections, not parameters"),
                bad("postgres both managed and external",
                        GOOD_API + "\n  postgres: {managed: {}, external: {host: db, database: app,"
                                + " credentialsSecretRef: {name: db}}}\n  redis: {managed: {}}",
                        "set exactly one of managed or external"),
                bad("verify-full without a CA",
                        GOOD_API + "\n  postgres: {external: {host: db, database: app, credentialsSecretRef: {name: db},"
                                + " sslMode: verify-full}}\n  redis: {managed: {}}",
                        "sslMode verify-ca and verify-full need caSecretRef"),
                bad("backups of an external postgres",
                        GOOD_API + "\n  postgres: {external: {host: db, database: app, credentialsSecretRef: {name: db}},"
                                + " backup: {schedule: '@daily', volume: {}}}\n  redis: {managed: {}}",
                        "backups are taken of a managed PostgreSQL; back up an external one where it runs"),
                bad("a rotation schedule for an external postgres",
                        GOOD_API + "\n  postgres: {external: {host: db, database: app, credentialsSecretRef: {name: db}},"
                                + " credentials: {rotationSchedule: '@monthly'}}\n  redis: {managed: {}}",
                        "the operator rotates the login of a managed PostgreSQL; an external one's credentials are rotated where it runs"),
                bad("backups without a destination",
                        GOOD_API + "\n  postgres: {managed: {}, backup: {schedule: '@daily'}}\n  redis: {managed: {}}",
                        "set exactly one of volume or s3 as the backup destination"),
                bad("backups to a volume and to s3",
                        GOOD_API + "\n  postgres: {managed: {}, backup: {schedule: '@daily', volume: {},"
                                + " s3: {bucket: b, credentialsSecretRef: {name: s}}}}\n  redis: {managed: {}}",
                        "set exactly one of volume or s3 as the backup destination"),
                bad("backups without a schedule",
                        GOOD_API + "\n  postgres: {managed: {}, backup: {volume: {}}}\n  redis: {managed: {}}",
                        "spec.postgres.backup.schedule: Required value"),
                bad("backup retention of no dumps",
                        GOOD_API + "\n  postgres: {managed: {}, backup: {schedule: '@daily', volume: {},"
                                + " retention: {count: 0}}}\n  redis: {managed: {}}",
                        "spec.postgres.backup.retention.count in body should be greater than or equal to 1"),
                bad("restore from two sources",
                        GOOD_API + "\n  postgres: {managed: {}, restoreFrom: {s3Key: k, volume: {claimName: c, path: p}},"
                                + " backup: {schedule: '@daily', s3: {bucket: b, credentialsSecretRef: {name: s}}}}\n  redis: {managed: {}}",
                        "set exactly one of backup, volume or s3Key"),
                bad("restore of a backup without a backup destination",
                        GOOD_API + "\n  postgres: {managed: {}, restoreFrom: {backup: team-a-20261203T030012Z.dump}}\n  redis: {managed: {}}",
                        "restoreFrom.backup is looked up in the destination of backup: set backup"),
                bad("restore of an object key without a bucket",
                        GOOD_API + "\n  postgres: {managed: {}, restoreFrom: {s3Key: a.dump},"
                                + " backup: {schedule: '@daily', volume: {}}}\n  redis: {managed: {}}",
                        "restoreFrom.s3Key is a key in the bucket of backup.s3: set backup.s3"),
                bad("restore from outside the claim",
                        GOOD_API + "\n  postgres: {managed: {}, restoreFrom: {volume: {claimName: c, path: a/../../etc}}}\n  redis: {managed: {}}",
                        "path is relative to the claim's root and has no '..'"),
                bad("restore of a backup that is no dump name",
                        GOOD_API + "\n  postgres: {managed: {}, restoreFrom: {backup: latest},"
                                + " backup: {schedule: '@daily', volume: {}}}\n  redis: {managed: {}}",
                        "spec.postgres.restoreFrom.backup in body should match"),
                bad("postgres neither managed nor external",
                        GOOD_API + "\n  postgres: {}\n  redis: {managed: {}}",
                        "set exactly one of managed or external"),
                bad("redis neither managed nor external",
                        GOOD_API + "\n  postgres: {managed: {}}\n  redis: {}",
                        "set exactly one of managed or external"),
                bad("no api image", "api: {replicas: 2}\n  " + GOOD_DATA, "spec.api.image: Required value"),
                bad("no postgres", GOOD_API + "\n  redis: {managed: {}}", "spec.postgres: Required value"),
                bad("zero replicas", "api: {image: x, replicas: 0}\n  " + GOOD_DATA,
                        "spec.api.replicas: Invalid value: 0: spec.api.replicas in body should be greater than or equal to 1"),
                bad("unknown deletion policy", "deletionPolicy: Destroy\n  " + GOOD_API + "\n  " + GOOD_DATA,
                        "spec.deletionPolicy: Unsupported value: \"Destroy\""),
                bad("unknown model provider", "api: {image: x, model: {provider: gpt}}\n  " + GOOD_DATA,
                        "spec.api.model.provider: Unsupported value: \"gpt\""),
                bad("malformed quantity",
                        GOOD_API + "\n  postgres: {managed: {}}\n  redis: {managed: {maxMemory: lots}}",
                        "spec.redis.managed.maxMemory in body should match"),
                bad("malformed duration", "api: {image: x, cache: {ttl: forever}}\n  " + GOOD_DATA,
                        "spec.api.cache.ttl in body should match"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badStacks")
    void refusesTheBadStackWithTheRulesMessage(String what, String spec, String message) {
        // plain YAML: the Java model cannot even hold some of these (an unknown enum value)
        var stack = Serialization.unmarshal(yaml("bad-" + what.replace(' ', '-').replace("_", "").toLowerCase(), spec),
                GenericKubernetesResource.class);

        assertThatThrownBy(() -> SERVER.client().resource(stack).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains(message);
                });
        assertThat(SERVER.client().resources(AICodeCraftStack.class).inNamespace(NAMESPACE)
                .withName(stack.getMetadata().getName()).get()).isNull();
    }

    @Test
    void acceptsTheMinimalStackAndFillsTheSchemaDefaults() {
        // sent as plain YAML, so the defaults can only come from the server's schema, not from the Java model
        var created = SERVER.client().resource(Serialization.unmarshal(yaml("good", GOOD_API + "\n  " + GOOD_DATA),
                GenericKubernetesResource.class)).create();

        Map<String, Object> spec = created.get("spec");
        assertThat(spec).containsEntry("deletionPolicy", "Retain");
        assertThat(created.<String>get("spec", "postgres", "managed", "storage", "size")).isEqualTo("10Gi");
    }

    @Test
    void refusesAStackNameLongerThanItsDerivedNamesAllow() {
        String tooLong = "n".repeat(StackNames.MAX_STACK_NAME_LENGTH + 1);

        assertThatThrownBy(() -> SERVER.client().resource(stack(tooLong, GOOD_API + "\n  " + GOOD_DATA)).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains(SpecRules.NAME_FITS_DERIVED_NAMES_MESSAGE);
                });
        assertThat(SERVER.client().resource(stack(tooLong.substring(1), GOOD_API + "\n  " + GOOD_DATA)).create())
                .isNotNull();
    }

    @Test
    void refusesAStorageChangeOnceTheStackExists() {
        var created = SERVER.client().resource(stack("storage", GOOD_API + "\n  " + GOOD_DATA)).create();
        created.getSpec().getPostgres().getManaged().getStorage().setSize("20Gi");

        assertThatThrownBy(() -> SERVER.client().resource(created).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("storage cannot change once the volume exists");
                });
    }

    private static Arguments bad(String what, String spec, String message) {
        return Arguments.of(what, spec, message);
    }

    private static AICodeCraftStack stack(String name, String spec) {
        return Serialization.unmarshal(yaml(name, spec), AICodeCraftStack.class);
    }

    private static String yaml(String name, String spec) {
        return TestStacks.yaml(NAMESPACE, name, "  " + spec + "\n");
    }
}
