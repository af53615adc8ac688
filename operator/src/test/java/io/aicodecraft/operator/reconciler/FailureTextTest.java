package io.aicodecraft.operator.reconciler;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.OperatorException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures as a person reads them in a condition: no stack traces, the cause that says what failed. */
class FailureTextTest {

    @Test
    void aFailedWorkflowNamesEachDependentWithItsCauseAndNoStackTrace() {
        var failed = new AggregatedOperatorException("Exception(s) during workflow execution.",
                Map.of("redis-deployment", new IllegalStateException("the Redis image is not set")));

        assertThat(failed.getMessage()).as("what JOSDK says").contains("\tat ");
        assertThat(FailureText.of(failed)).isEqualTo("redis-deployment: the Redis image is not set");
    }

    @Test
    void theApiServersAnswerIsQuotedBelowAWrapperThatSaysNothing() {
        var answer = new KubernetesClientException(new StatusBuilder().withCode(403)
                .withMessage("aicodecraftstacks.aicodecraft.io is forbidden").build());

        assertThat(FailureText.of(new OperatorException("Error starting operator", answer)))
                .isEqualTo("Error starting operator: the API server answered 403: aicodecraftstacks.aicodecraft.io is forbidden");
    }
}
