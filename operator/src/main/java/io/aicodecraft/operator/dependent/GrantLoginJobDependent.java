package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.GrantLoginJob;
import io.aicodecraft.operator.model.PostgresLogins;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import java.util.Optional;

/** The Job that sets the password of the login role to grant (the first one, or a rotation's) in the database. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.LOGIN))
public class GrantLoginJobDependent extends RotationStepJobDependent<PostgresLogins> {

    @Override
    Optional<PostgresLogins> state(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackSecrets.postgresLogins(stack, context);
    }

    @Override
    String name(AICodeCraftStack stack, PostgresLogins state) {
        return GrantLoginJob.name(stack, state);
    }

    @Override
    Job build(AICodeCraftStack stack, PostgresLogins state) {
        return GrantLoginJob.build(stack, state);
    }
}
