package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StackNamesTest {

    private static final AICodeCraftStack LONGEST =
            TestStacks.minimal("ns", "a".repeat(StackNames.MAX_STACK_NAME_LENGTH));

    @Test
    void everyNameDerivedFromTheLongestAllowedStackNameIsTheStackNameAndItsSuffix() {
        var names = List.of(StackNames.postgres(LONGEST), StackNames.postgresSecret(LONGEST), StackNames.redis(LONGEST),
                StackNames.redisSecret(LONGEST), StackNames.redisData(LONGEST), StackNames.adminKeySecret(LONGEST),
                StackNames.apiConfig(LONGEST), StackNames.api(LONGEST), StackNames.networkPolicy(LONGEST),
                StackNames.migrationJob(LONGEST));

        assertThat(names).allSatisfy(name -> {
            assertThat(name).hasSizeLessThanOrEqualTo(StackNames.MAX_NAME_LENGTH);
            assertThat(name).startsWith(LONGEST.getMetadata().getName() + "-");
        });
    }

    @Test
    void thePostgresStatefulSetOfTheLongestAllowedStackNameGetsPods() {
        assertThat(StackNames.postgres(LONGEST)).hasSizeLessThanOrEqualTo(StackNames.MAX_STATEFUL_SET_NAME_LENGTH);
    }
}
