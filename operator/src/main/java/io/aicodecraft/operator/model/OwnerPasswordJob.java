package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.util.List;

/**
 * Gives the managed PostgreSQL's owner a rotation's new password ({@link PostgresOwnerPassword}): the API image run
 * with {@code set-owner-password} as the owner. One Job per new password (its name carries a hash of it); the
 * password comes from the owner's Secret by reference.
 */
public final class OwnerPasswordJob {

    private OwnerPasswordJob() {
    }

    public static boolean applies(AICodeCraftStack stack) {
        return PostgresStatefulSet.applies(stack);
    }

    public static String name(AICodeCraftStack stack, PostgresOwnerPassword owner) {
        return StackNames.ownerPasswordJob(stack, owner.next().orElse(owner.password()));
    }

    public static Job build(AICodeCraftStack stack, PostgresOwnerPassword owner) {
        return ApiCommandJob.build(stack, StackComponent.OWNER_PASSWORD, name(stack, owner), "set-owner-password",
                        List.of(EnvVars.fromSecret("AICC_OWNER_NEXT_PASSWORD", StackNames.postgresSecret(stack),
                                PostgresSecret.NEXT_KEY)))
                .build();
    }
}
