package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.PostgresLoginSecret;
import io.aicodecraft.operator.model.PostgresLogins;
import io.aicodecraft.operator.model.SecretValues;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The roles the API logs in to the managed PostgreSQL as, and each step of a rotation between them
 * ({@link PostgresLogins}): made with the first role to grant; on a new {@value PostgresLogins#ANNOTATION} token,
 * once every API pod logs in as the role in use, the idle role gets a new password; once its grant Job succeeded,
 * the API moves onto it. Nothing else changes it, so a reconcile draws no password.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.DATABASE))
public class PostgresLoginSecretDependent extends StackOwnedDependent<Secret>
        implements Creator<Secret, AICodeCraftStack>, Updater<Secret, AICodeCraftStack> {

    public PostgresLoginSecretDependent() {
        super(Secret.class);
    }

    @Override
    protected Secret desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        PostgresLogins logins = StackSecrets.postgresLogins(stack, context)
                .map(current -> next(stack, context, current).orElse(current))
                .orElseGet(() -> PostgresLogins.first(SecretValues.randomToken()));
        return PostgresLoginSecret.build(stack, logins);
    }

    @Override
    public Result<Secret> match(Secret actual, AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        PostgresLogins logins = PostgresLoginSecret.read(actual);
        return Result.nonComputed(logins.usable() && next(stack, context, logins).isEmpty());
    }

    /** A plain update: the default one only adds annotations, and a granted role drops {@code rotating-to}. */
    @Override
    public Secret update(Secret actual, Secret desired, AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        desired.getMetadata().setResourceVersion(actual.getMetadata().getResourceVersion());
        desired.getMetadata().setOwnerReferences(actual.getMetadata().getOwnerReferences());
        return context.getClient().resource(desired).update();
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(StackNames.postgresLogin(stack), stack.getMetadata().getNamespace());
    }

    /** The step due from {@code logins}, if any: the role being moved onto is granted, or a rotation starts. */
    private static Optional<PostgresLogins> next(AICodeCraftStack stack, Context<AICodeCraftStack> context,
                                                 PostgresLogins logins) {
        if (logins.rotatingTo().isPresent()) {
            return StackWorkloads.grantSucceeded(stack, context, logins)
                    ? Optional.of(logins.granted(Instant.now())) : Optional.empty();
        }
        String token = requested(stack);
        boolean due = !token.isBlank() && !token.equals(logins.rotation())
                && StackWorkloads.apiLogsInAs(stack, context, logins.active().orElseThrow());
        return due ? Optional.of(logins.rotate(token, SecretValues.randomToken())) : Optional.empty();
    }

    private static String requested(AICodeCraftStack stack) {
        Map<String, String> annotations = stack.getMetadata().getAnnotations();
        return annotations == null ? "" : annotations.getOrDefault(PostgresLogins.ANNOTATION, "");
    }
}
