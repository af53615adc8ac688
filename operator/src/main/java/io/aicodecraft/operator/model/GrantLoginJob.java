package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.util.List;

/**
 * Sets the password of the role the API is to log in as in the managed PostgreSQL: the API image run with
 * {@code grant-login} as the owner, after the migrations. One Job per password (its name carries a hash of it), so a
 * rotation is a new Job and a finished one is never run again; the password comes from the login Secret by reference.
 */
public final class GrantLoginJob {

    /** The annotation naming the role the Job grants, for people and for the reconciler. */
    public static final String ROLE_ANNOTATION = "aicodecraft.io/login-role";

    private GrantLoginJob() {
    }

    public static boolean applies(AICodeCraftStack stack) {
        return PostgresStatefulSet.applies(stack);
    }

    public static String name(AICodeCraftStack stack, PostgresLogins logins) {
        return StackNames.grantLoginJob(stack, logins.target(), logins.targetPassword());
    }

    public static Job build(AICodeCraftStack stack, PostgresLogins logins) {
        String role = logins.target();
        return ApiCommandJob.build(stack, StackComponent.LOGIN, name(stack, logins), "grant-login", List.of(
                        new EnvVarBuilder().withName("AICC_LOGIN_USER").withValue(role).build(),
                        EnvVars.fromSecret("AICC_LOGIN_PASSWORD", StackNames.postgresLogin(stack), role)))
                .editMetadata().addToAnnotations(ROLE_ANNOTATION, role).endMetadata()
                .build();
    }
}
