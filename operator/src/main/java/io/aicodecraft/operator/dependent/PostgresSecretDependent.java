package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.PostgresSecret;
import io.aicodecraft.operator.model.StackComponent;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
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
        RetainedOwnership.addTo(desired, stack);
    }

    @Override
    public Set<ResourceID> toPrimaryResourceIDs(Secret secret) {
        return byStackLabel.toPrimaryResourceIDs(secret);
    }

    /** Only the ownership is compared: the value is whatever was generated at creation. */
    @Override
    public Result<Secret> match(Secret actual, AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return RetainedOwnership.match(actual, stack);
    }

    @Override
    public Secret update(Secret actual, Secret desired, AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return RetainedOwnership.update(actual, stack, context);
    }
}
