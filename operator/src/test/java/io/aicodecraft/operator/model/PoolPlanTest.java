package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStackSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PoolPlanTest {

    @Test
    void withoutAutoscalingTheApiPodsAreTheReplicas() {
        AICodeCraftStackSpec spec = TestStacks.load("minimal").getSpec();
        spec.getApi().setReplicas(4);
        spec.getApi().getAutoscaling().setMaxReplicas(9);

        assertThat(PoolPlan.of(spec).apiPodsMax()).isEqualTo(4);
    }

    @Test
    void withAutoscalingTheApiPodsAreMaxReplicas() {
        AICodeCraftStackSpec spec = TestStacks.load("minimal").getSpec();
        spec.getApi().setReplicas(4);
        spec.getApi().getAutoscaling().setEnabled(true);
        spec.getApi().getAutoscaling().setMaxReplicas(9);

        assertThat(PoolPlan.of(spec).apiPodsMax()).isEqualTo(9);
    }

    @Test
    void neededIsPodsTimesPoolPlusMigrationAndSuperuserReserves() {
        AICodeCraftStackSpec spec = TestStacks.load("minimal").getSpec();
        spec.getApi().setReplicas(6);
        spec.getApi().getPools().getDatabase().setMaxSize(10);

        PoolPlan plan = PoolPlan.of(spec);

        assertThat(plan.databasePoolPerPod()).isEqualTo(10);
        assertThat(plan.migrationReserve()).isEqualTo(PoolPlan.MIGRATION_RESERVE);
        assertThat(plan.superuserReserve()).isEqualTo(PoolPlan.SUPERUSER_RESERVE);
        assertThat(plan.needed()).isEqualTo(6 * 10 + PoolPlan.MIGRATION_RESERVE + PoolPlan.SUPERUSER_RESERVE);
    }

    @Test
    void derivedMaxConnectionsIsNeededRoundedUpToTheStep() {
        AICodeCraftStackSpec spec = TestStacks.load("minimal").getSpec();
        spec.getApi().setReplicas(6);
        spec.getApi().getPools().getDatabase().setMaxSize(10);

        PoolPlan plan = PoolPlan.of(spec);

        assertThat(plan.needed()).isEqualTo(65);
        assertThat(plan.postgresMaxConnections()).isEqualTo(70);
        assertThat(plan.fixedMaxConnections()).isFalse();
        assertThat(plan.fits()).isTrue();
    }

    @Test
    void aNeededValueOnTheStepIsNotRoundedFurther() {
        AICodeCraftStackSpec spec = TestStacks.load("minimal").getSpec();
        spec.getApi().setReplicas(1);
        spec.getApi().getPools().getDatabase().setMaxSize(15);

        assertThat(PoolPlan.of(spec).postgresMaxConnections()).isEqualTo(20);
    }

    @Test
    void aFixedMaxConnectionsAtLeastNeededFitsAndIsKept() {
        AICodeCraftStackSpec spec = TestStacks.load("minimal").getSpec();
        spec.getApi().setReplicas(2);
        spec.getPostgres().getManaged().setMaxConnections(25);

        PoolPlan plan = PoolPlan.of(spec);

        assertThat(plan.needed()).isEqualTo(25);
        assertThat(plan.postgresMaxConnections()).isEqualTo(25);
        assertThat(plan.fixedMaxConnections()).isTrue();
        assertThat(plan.fits()).isTrue();
        assertThat(plan.shortfallMessage()).isEmpty();
    }

    @Test
    void aFixedMaxConnectionsBelowNeededDoesNotFitAndSaysByHowMuch() {
        AICodeCraftStackSpec spec = TestStacks.load("minimal").getSpec();
        spec.getApi().setReplicas(6);
        spec.getPostgres().getManaged().setMaxConnections(40);

        PoolPlan plan = PoolPlan.of(spec);

        assertThat(plan.fits()).isFalse();
        assertThat(plan.shortfallMessage())
                .contains("maxConnections is 40")
                .contains("need 65")
                .contains("6 API pods x 10 connections")
                .contains("2 for migrations")
                .contains("3 reserved for superusers");
    }

    @Test
    void redisMaxClientsIsPodsTimesTheirCacheAndChainPoolsPlusReserve() {
        AICodeCraftStackSpec spec = TestStacks.load("minimal").getSpec();
        spec.getApi().getAutoscaling().setEnabled(true);
        spec.getApi().getAutoscaling().setMaxReplicas(8);
        spec.getApi().getPools().getRedis().setMaxTotal(24);

        assertThat(PoolPlan.of(spec).redisMaxClients())
                .isEqualTo(8 * (24 + PoolPlan.CHAIN_WORKERS + 24) + PoolPlan.REDIS_CLIENT_RESERVE);
    }

    @Test
    void anExternalDatabaseIsAskedForWhatThePoolsNeed() {
        PoolPlan plan = PoolPlan.of(TestStacks.load("external").getSpec());

        assertThat(plan.needed()).isEqualTo(3 * 10 + 5);
        assertThat(plan.fixedMaxConnections()).isFalse();
        assertThat(plan.fits()).isTrue();
    }
}
