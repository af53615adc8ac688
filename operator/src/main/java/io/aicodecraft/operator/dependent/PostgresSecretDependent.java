package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.CredentialRotation;
import io.aicodecraft.operator.model.PostgresOwnerPassword;
import io.aicodecraft.operator.model.PostgresSecret;
import io.aicodecraft.operator.model.SecretValues;
import io.aicodecraft.operator.model.StackComponent;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Credentials of the managed PostgreSQL's owner ({@link PostgresOwnerPassword}): generated once; on a new
 * {@value CredentialRotation#ANNOTATION} token or a run of the rotation schedule, once the current image's migrations
 * succeeded and no Job that logs in as the owner runs, a new password is put beside it, and once its Job (OwnerPasswordJob) has set it in PostgreSQL it replaces the
 * old one. Nothing else changes the values, so a reconcile draws no password.
 *
 * <p>The database files keep the password, so the Secret shares the data volume's fate: under {@code deletionPolicy:
 * Retain} the stack does not own it and it outlives the stack with the PVC, and a stack re-created under the same name
 * finds it and opens the kept data; under {@code Delete} the stack owns it and the garbage collector removes it with
 * the stack. Owned or not, its events reach the stack through the stack label.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.DATABASE))
public class PostgresSecretDependent extends StackOwnedDependent<Secret>
        implements Creator<Secret, AICodeCraftStack>, Updater<Secret, AICodeCraftStack> {

    private final SecondaryToPrimaryMapper<Secret> byStackLabel =
            Mappers.fromLabel(StackComponent.STACK_LABEL, null, AICodeCraftStack.class);

    public PostgresSecretDependent() {
        super(Secret.class);
    }

    @Override
    protected Secret desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        PostgresOwnerPassword owner = StackSecrets.ownerPassword(stack, context)
                .map(current -> next(stack, context, current).orElse(current))
                .orElseGet(() -> PostgresOwnerPassword.first(SecretValues.randomToken()));
        return PostgresSecret.build(stack, owner);
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(StackNames.postgresSecret(stack), stack.getMetadata().getNamespace());
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

    /** The ownership, and whether a rotation's step is due; a Secret without a password is left as it is. */
    @Override
    public Result<Secret> match(Secret actual, AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        boolean noStep = PostgresSecret.read(actual).map(owner -> next(stack, context, owner).isEmpty()).orElse(true);
        // not computed: the update writes the desired step, which only desired() draws
        return Result.nonComputed(noStep && RetainedOwnership.match(actual, stack).matched());
    }

    /** The values and rotation annotations of a step, if one is due, and the ownership; nothing else of the Secret. */
    @Override
    public Secret update(Secret actual, Secret desired, AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return RetainedOwnership.update(actual, stack, context, secret -> {
            if (PostgresSecret.read(secret).isPresent()) {
                secret.setData(desired.getData());
                Map<String, String> annotations = new LinkedHashMap<>(annotations(secret));
                annotations.putAll(annotations(desired));
                secret.getMetadata().setAnnotations(annotations);
            }
        });
    }

    private static Map<String, String> annotations(Secret secret) {
        return Optional.ofNullable(secret.getMetadata().getAnnotations()).orElse(Map.of());
    }

    /** The step due from {@code owner}, if any: PostgreSQL has the new password, or a rotation starts. */
    private static Optional<PostgresOwnerPassword> next(AICodeCraftStack stack, Context<AICodeCraftStack> context,
                                                        PostgresOwnerPassword owner) {
        if (owner.next().isPresent()) {
            return StackWorkloads.ownerPasswordSet(stack, context, owner)
                    ? Optional.of(owner.changed(Instant.now())) : Optional.empty();
        }
        return CredentialRotation.postgresDue(stack, owner.rotation(), owner.rotatedAt(), Instant.now())
                .filter(token -> StackWorkloads.migrationSucceeded(stack, context)
                        && !StackWorkloads.ownerJobRunning(stack, context))
                .map(token -> owner.rotate(token, SecretValues.randomToken()));
    }
}
