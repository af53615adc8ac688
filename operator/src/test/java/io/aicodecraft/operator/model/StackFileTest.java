package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.DeletionPolicy;
import io.aicodecraft.operator.crd.ModelProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a stack file must be for render (and the API server) to accept it. */
class StackFileTest {

    private static final String HEAD = """
            apiVersion: aicodecraft.io/v1alpha1
            kind: AICodeCraftStack
            metadata: {name: team-a, namespace: tenant-a}
            """;

    @Test
    void aMinimalStackGetsTheSchemaDefaults() throws InvalidStackException {
        AICodeCraftStack stack = StackFile.parse(HEAD + """
                spec:
                  api: {image: "api:1"}
                  postgres: {managed: {}}
                  redis: {managed: {}}
                """);

        assertThat(stack.getSpec().getApi().getReplicas()).isEqualTo(2);
        assertThat(stack.getSpec().getApi().getPools().getDatabase().getMaxSize()).isEqualTo(10);
        assertThat(stack.getSpec().getApi().getModel().getProvider()).isEqualTo(ModelProvider.TEMPLATE);
        assertThat(stack.getSpec().getDeletionPolicy()).isEqualTo(DeletionPolicy.Retain);
        assertThat(stack.getSpec().getPostgres().getManaged().getStorage().getSize()).isEqualTo("10Gi");
        assertThat(stack.getSpec().getPostgres().getManaged().getMaxConnections()).isNull();
        assertThat(stack.getSpec().getRedis().getManaged().getMaxMemory()).isEqualTo("256Mi");
        assertThat(stack.getSpec().getIsolation().isNetworkPolicies()).isTrue();
    }

    @Test
    void aStackWithoutNamespaceLandsInDefault() throws InvalidStackException {
        AICodeCraftStack stack = StackFile.parse("""
                apiVersion: aicodecraft.io/v1alpha1
                kind: AICodeCraftStack
                metadata: {name: team-a}
                spec: {api: {image: "api:1"}, postgres: {managed: {}}, redis: {managed: {}}}
                """);

        assertThat(stack.getMetadata().getNamespace()).isEqualTo("default");
    }

    @Test
    void malformedYamlIsRejectedWithItsLocation() {
        assertProblems(HEAD + "spec: {api: [unclosed\n", "not valid YAML", "line");
    }

    @Test
    void anotherKindIsRejected() {
        assertProblems("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                """, "expected apiVersion aicodecraft.io/v1alpha1 and kind AICodeCraftStack",
                "found apiVersion 'apps/v1' and kind 'Deployment'");
    }

    @Test
    void anEmptyFileIsRejected() {
        assertProblems("# nothing\n", "holds no stack");
    }

    @Test
    void twoDocumentsAreRejected() {
        String one = HEAD + "spec: {api: {image: a}, postgres: {managed: {}}, redis: {managed: {}}}\n";
        assertProblems(one + "---\n" + one, "2 documents");
    }

    @Test
    void unknownFieldsAreRejectedWithTheirPath() {
        assertProblems(HEAD + """
                spec:
                  api: {image: "api:1", replica: 3}
                  postgres: {managed: {}}
                  redis: {managed: {}}
                """, "spec.api.replica: unknown field");
    }

    @Test
    void aMissingImageIsRejected() {
        assertProblems(HEAD + """
                spec:
                  api: {replicas: 2}
                  postgres: {managed: {}}
                  redis: {managed: {}}
                """, "spec.api.image: required");
    }

    @Test
    void aMissingNameIsRejected() {
        assertProblems("""
                apiVersion: aicodecraft.io/v1alpha1
                kind: AICodeCraftStack
                metadata: {namespace: tenant-a}
                spec: {api: {image: a}, postgres: {managed: {}}, redis: {managed: {}}}
                """, "metadata.name: required");
    }

    @Test
    void aNameThatIsNotADnsLabelIsRejected() {
        assertProblems("""
                apiVersion: aicodecraft.io/v1alpha1
                kind: AICodeCraftStack
                metadata: {name: Team_A}
                spec: {api: {image: a}, postgres: {managed: {}}, redis: {managed: {}}}
                """, "metadata.name: 'Team_A' must be");
    }

    @Test
    void zeroReplicasAndAnEmptyPoolAreRejected() {
        assertProblems(HEAD + """
                spec:
                  api: {image: a, replicas: 0, pools: {database: {maxSize: 0, minIdle: 0}}}
                  postgres: {managed: {}}
                  redis: {managed: {}}
                """, "spec.api.replicas: must be at least 1, was 0", "spec.api.pools.database.maxSize: must be at least 1, was 0");
    }

    @Test
    void aPoolSmallerThanItsIdleConnectionsIsRejected() {
        assertProblems(HEAD + """
                spec:
                  api: {image: a, pools: {database: {minIdle: 5, maxSize: 3}}}
                  postgres: {managed: {}}
                  redis: {managed: {}}
                """, "spec.api.pools.database: maxSize must be at least minIdle");
    }

    @Test
    void autoscalingBoundsTheWrongWayRoundAreRejected() {
        assertProblems(HEAD + """
                spec:
                  api: {image: a, autoscaling: {enabled: true, minReplicas: 5, maxReplicas: 3}}
                  postgres: {managed: {}}
                  redis: {managed: {}}
                """, "spec.api.autoscaling: maxReplicas must be at least minReplicas");
    }

    @Test
    void defaultsTakePartInTheRules() {
        // maxReplicas defaults to 6, so a minReplicas of 7 breaks the rule as on the API server
        assertProblems(HEAD + """
                spec:
                  api: {image: a, autoscaling: {minReplicas: 7}}
                  postgres: {managed: {}}
                  redis: {managed: {}}
                """, "spec.api.autoscaling: maxReplicas must be at least minReplicas");
    }

    @Test
    void bothManagedAndExternalPostgresAreRejected() {
        assertProblems(HEAD + """
                spec:
                  api: {image: a}
                  postgres:
                    managed: {}
                    external: {host: db, database: d, credentialsSecretRef: {name: s}}
                  redis: {managed: {}}
                """, "spec.postgres: set exactly one of managed or external");
    }

    @Test
    void neitherManagedNorExternalRedisIsRejected() {
        assertProblems(HEAD + """
                spec:
                  api: {image: a}
                  postgres: {managed: {}}
                  redis: {}
                """, "spec.redis: set exactly one of managed or external");
    }

    @Test
    void malformedQuantitiesAndDurationsAreRejected() {
        assertProblems(HEAD + """
                spec:
                  api: {image: a, cache: {ttl: "1 hour"}, resources: {requests: {memory: lots}}}
                  postgres: {managed: {storage: {size: 10GB}}}
                  redis: {managed: {}}
                """, "spec.api.cache.ttl: '1 hour' does not match", "spec.api.resources.requests.memory: 'lots' does not match",
                "spec.postgres.managed.storage.size: '10GB' does not match");
    }

    @Test
    void anUnknownEnumValueIsRejected() {
        assertProblems(HEAD + """
                spec:
                  deletionPolicy: Archive
                  api: {image: a, model: {provider: gpt}}
                  postgres: {managed: {}}
                  redis: {managed: {}}
                """, "spec.deletionPolicy: 'Archive' is not one of", "spec.api.model.provider: 'gpt' is not one of");
    }

    @Test
    void theOpenaiProviderNeedsItsEndpoint() {
        assertProblems(HEAD + """
                spec:
                  api: {image: a, model: {provider: openai}}
                  postgres: {managed: {}}
                  redis: {managed: {}}
                """, "spec.api.model: provider openai needs baseUrl and model");
    }

    @Test
    void aVerifiedServerCertificateNeedsItsCa() {
        assertProblems(HEAD + """
                spec:
                  api: {image: a}
                  postgres: {external: {host: db, database: app, credentialsSecretRef: {name: db}, sslMode: verify-ca}}
                  redis: {managed: {}}
                """, "spec.postgres.external: sslMode verify-ca and verify-full need caSecretRef");
    }

    @Test
    void maxConnectionsAsAParameterIsRejected() {
        assertProblems(HEAD + """
                spec:
                  api: {image: a}
                  postgres: {managed: {parameters: {max_connections: "500"}}}
                  redis: {managed: {}}
                """, "spec.postgres.managed: set max_connections with maxConnections, not parameters");
    }

    @Test
    void aWrongTypeIsRejected() {
        assertProblems(HEAD + """
                spec:
                  api: {image: a, replicas: two}
                  postgres: {managed: {}}
                  redis: {managed: {}}
                """, "spec.api.replicas: must be a whole number");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        InvalidStackException e = parseFailure(HEAD + """
                spec:
                  api: {replicas: 0}
                  postgres: {}
                  redis: {managed: {maxMemory: huge}}
                """);

        assertThat(e.problems()).hasSize(4);
    }

    @Test
    void anExplicitNullOfANullableFieldIsAccepted() throws InvalidStackException {
        AICodeCraftStack stack = StackFile.parse(HEAD + """
                spec:
                  api: {image: a}
                  postgres: {managed: {maxConnections: null, storage: {storageClassName: null}}}
                  redis: {managed: {}}
                """);

        assertThat(stack.getSpec().getPostgres().getManaged().getMaxConnections()).isNull();
    }

    private static void assertProblems(String yaml, String... fragments) {
        String message = parseFailure(yaml).getMessage();
        for (String fragment : fragments) {
            assertThat(message).contains(fragment);
        }
    }

    private static InvalidStackException parseFailure(String yaml) {
        return (InvalidStackException) assertThatThrownBy(() -> StackFile.parse(yaml))
                .isInstanceOf(InvalidStackException.class)
                .actual();
    }
}
