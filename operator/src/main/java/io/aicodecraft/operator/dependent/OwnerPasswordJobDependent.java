package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.OwnerPasswordJob;
import io.aicodecraft.operator.model.PostgresOwnerPassword;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import java.util.Optional;

/** The Job that gives the managed PostgreSQL's owner a rotation's new password. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.OWNER_PASSWORD))
public class OwnerPasswordJobDependent extends RotationStepJobDependent<PostgresOwnerPassword> {

    @Override
    Optional<PostgresOwnerPassword> state(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackSecrets.ownerPassword(stack, context);
    }

    @Override
    String name(AICodeCraftStack stack, PostgresOwnerPassword state) {
        return OwnerPasswordJob.name(stack, state);
    }

    @Override
    Job build(AICodeCraftStack stack, PostgresOwnerPassword state) {
        return OwnerPasswordJob.build(stack, state);
    }
}
