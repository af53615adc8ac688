package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.DeletionPolicy;
import io.aicodecraft.operator.model.PostgresSecret;
import io.aicodecraft.operator.model.StackComponent;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Credentials of the managed PostgreSQL: generated once, and the value never changes. The database
 * files keep this password, so the Secret shares the data volume's fate: under {@code deletionPolicy:
 * Retain} the stack does not own it and it outlives the stack with the PVC, and a stack re-created
 * under the same name finds it and opens the kept data; under {@code Delete} the stack owns it and
 * the garbage collector removes it with the stack. A policy change moves only the owner reference.
 * Owned or not, its events reach the stack through the stack label.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.DATABASE))
public class PostgresSecretDependent extends GeneratedSecretDependent implements Updater<Secret, AICodeCraftStack> {

    private final SecondaryToPrimaryMapper<Secret> byStackLabel =
            Mappers.fromLabel(StackComponent.STACK_LABEL, null, AICodeCraftStack.class);

    @Override
    Secret secret(AICodeCraftStack stack, String value) {
        return PostgresSecret.build(stack, value);
    }

    @Override
    String secretName(AICodeCraftStack stack) {
        return StackNames.postgresSecret(stack);
    }

    @Override
    protected boolean addOwnerReference() {
        return false;
    }

    @Override
    protected void addReferenceHandlingMetadata(Secret desired, AICodeCraftStack stack) {
        if (owned(stack)) {
            desired.addOwnerReference(stack);
        }
    }

    @Override
    public Set<ResourceID> toPrimaryResourceIDs(Secret secret) {
        return byStackLabel.toPrimaryResourceIDs(secret);
    }

    /** Only the ownership is compared: the value is whatever was generated at creation. */
    @Override
    public Result<Secret> match(Secret actual, AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return Result.computed(actual.hasOwnerReferenceFor(stack) == owned(stack), actual);
    }

    /**
     * Adds or removes the stack's owner reference, and touches nothing else: JOSDK's own update would
     * send the desired Secret, whose value is a fresh draw, and without SSA it keeps the actual metadata.
     */
    @Override
    public Secret update(Secret actual, Secret desired, AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return context.getClient().resource(actual).edit(secret -> {
            List<OwnerReference> others = secret.getMetadata().getOwnerReferences()
                    .stream()
                    .filter(owner -> !stack.getMetadata().getUid().equals(owner.getUid()))
                    .toList();
            secret.getMetadata().setOwnerReferences(new ArrayList<>(others));
            if (owned(stack)) {
                secret.addOwnerReference(stack);
            }
            return secret;
        });
    }

    private static boolean owned(AICodeCraftStack stack) {
        return stack.getSpec().getDeletionPolicy() == DeletionPolicy.Delete;
    }
}
