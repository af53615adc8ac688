package io.aicodecraft.operator.crd;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The resource classes survive Jackson both ways, as the operator's client needs. */
class StackRoundTripTest {

    @Test
    void specAndStatusSurviveSerialisationUnchanged() {
        AICodeCraftStack stack = new AICodeCraftStack();
        stack.getMetadata().setName("team-a");
        stack.getMetadata().setNamespace("tenant-a");
        AICodeCraftStackSpec spec = new AICodeCraftStackSpec();
        ApiSpec api = new ApiSpec();
        api.setImage("ghcr.io/aicodecraft/api-app:0.1.0");
        api.getAutoscaling().setEnabled(true);
        api.getAutoscaling().setMaxReplicas(9);
        api.getModel().setProvider(ModelProvider.OPENAI);
        api.getModel().setBaseUrl("https://llm.example/v1");
        api.getModel().setModel("code-large");
        spec.setApi(api);
        PostgresSpec postgres = new PostgresSpec();
        ManagedPostgresSpec managed = new ManagedPostgresSpec();
        managed.setMaxConnections(120);
        managed.setParameters(Map.of("work_mem", "8MB"));
        postgres.setManaged(managed);
        spec.setPostgres(postgres);
        RedisSpec redis = new RedisSpec();
        ExternalRedisSpec external = new ExternalRedisSpec();
        SecretKeyReference url = new SecretKeyReference();
        url.setName("redis");
        url.setKey("url");
        external.setUrlSecretRef(url);
        redis.setExternal(external);
        spec.setRedis(redis);
        spec.setDeletionPolicy(DeletionPolicy.Delete);
        stack.setSpec(spec);
        AICodeCraftStackStatus status = new AICodeCraftStackStatus();
        status.setPhase(StackPhase.Ready);
        status.setObservedGeneration(3L);
        status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("True").withReason("AllReady")
                .withLastTransitionTime("2026-01-01T00:00:00Z").withObservedGeneration(3L).build()));
        stack.setStatus(status);

        String yaml = Serialization.asYaml(stack);
        AICodeCraftStack back = Serialization.unmarshal(yaml, AICodeCraftStack.class);

        assertThat(Serialization.asYaml(back)).isEqualTo(yaml);
        assertThat(back.getSpec().getApi().getModel().getProvider()).isEqualTo(ModelProvider.OPENAI);
        assertThat(yaml).contains("provider: \"openai\"").contains("deletionPolicy: \"Delete\"");
        assertThat(back.getStatus().getConditions().getFirst().getType()).isEqualTo("Ready");
    }
}
