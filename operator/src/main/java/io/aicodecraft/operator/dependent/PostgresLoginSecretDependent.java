package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.ApiRollout;
import io.aicodecraft.operator.model.CredentialRotation;
import io.aicodecraft.operator.model.PostgresLoginSecret;
import io.aicodecraft.operator.model.PostgresLogins;
import io.aicodecraft.operator.model.SecretValues;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import java.time.Instant;
import java.util.Optional;

/**
 * The roles the API logs in to the managed PostgreSQL as, and each step of a rotation between them
 * ({@link PostgresLogins}): made with the first role to grant; on a new {@value CredentialRotation#ANNOTATION} token
 * or a run of the rotation schedule, once every API pod logs in as the role in use, the idle role gets a new password; once its grant Job succeeded,
 * the API moves onto it. Nothing else changes it, so a reconcile draws no password.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.DATABASE))
public class PostgresLoginSecretDependent extends RotatingSecretDependent {

    @Override
    protected Secret desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        PostgresLogins logins = StackSecrets.postgresLogins(stack, context)
                .map(current -> next(stack, context, current).orElse(current))
                .orElseGet(() -> PostgresLogins.first(StackWorkloads.apiLogin(stack, context), SecretValues.randomToken()));
        return PostgresLoginSecret.build(stack, logins);
    }

    @Override
    public Result<Secret> match(Secret actual, AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        PostgresLogins logins = PostgresLoginSecret.read(actual);
        return Result.nonComputed(logins.usable() && next(stack, context, logins).isEmpty());
    }

    @Override
    String secretName(AICodeCraftStack stack) {
        return StackNames.postgresLogin(stack);
    }

    /** The step due from {@code logins}, if any: the role being moved onto is granted, or a rotation starts. */
    private static Optional<PostgresLogins> next(AICodeCraftStack stack, Context<AICodeCraftStack> context,
                                                 PostgresLogins logins) {
        if (logins.rotatingTo().isPresent()) {
            return StackWorkloads.grantSucceeded(stack, context, logins)
                    ? Optional.of(logins.granted(Instant.now())) : Optional.empty();
        }
        return CredentialRotation.postgresDue(stack, logins.rotation(), logins.rotatedAt(), Instant.now())
                .filter(token -> StackWorkloads.apiRolledOutWith(stack, context, ApiRollout.LOGIN_ANNOTATION, logins.active()))
                .map(token -> logins.rotate(token, SecretValues.randomToken()));
    }
}
