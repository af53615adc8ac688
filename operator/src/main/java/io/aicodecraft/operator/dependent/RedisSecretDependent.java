package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.ApiRollout;
import io.aicodecraft.operator.model.CredentialRotation;
import io.aicodecraft.operator.model.RedisPasswords;
import io.aicodecraft.operator.model.RedisSecret;
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
 * The managed Redis's passwords ({@link RedisPasswords}) and its exporter user's: generated once; on a new
 * {@value CredentialRotation#ANNOTATION} token, once every API pod uses the password in use, a new one is added (by a
 * Job, RedisPasswordJob), then the API moves onto it. Nothing else changes them, so a reconcile draws no password.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.CACHE))
public class RedisSecretDependent extends RotatingSecretDependent {

    @Override
    protected Secret desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        RedisPasswords passwords = StackSecrets.redisPasswords(stack, context)
                .map(current -> next(stack, context, current).orElse(current))
                .orElseGet(() -> RedisPasswords.first(SecretValues.randomToken()));
        return RedisSecret.build(stack, passwords,
                StackSecrets.redisExporterPassword(stack, context).orElseGet(SecretValues::randomToken));
    }

    /** A Secret of an earlier release, with {@code password} alone, gets the other keys Redis's arguments name. */
    @Override
    public Result<Secret> match(Secret actual, AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return Result.nonComputed(RedisSecret.complete(actual)
                && RedisSecret.read(actual).filter(passwords -> next(stack, context, passwords).isEmpty()).isPresent());
    }

    @Override
    String secretName(AICodeCraftStack stack) {
        return StackNames.redisSecret(stack);
    }

    /** The step due from {@code passwords}, if any: the new password is in Redis, or a rotation starts. */
    private static Optional<RedisPasswords> next(AICodeCraftStack stack, Context<AICodeCraftStack> context,
                                                 RedisPasswords passwords) {
        if (passwords.next().isPresent()) {
            return StackWorkloads.redisPasswordAdded(stack, context, passwords)
                    ? Optional.of(passwords.added(Instant.now())) : Optional.empty();
        }
        String token = CredentialRotation.requested(stack);
        Instant now = Instant.now();
        boolean due = CredentialRotation.due(token, passwords.rotation()) && !passwords.nextRotationFrom(now).isAfter(now)
                && StackWorkloads.apiRolledOutWith(stack, context, ApiRollout.REDIS_ANNOTATION,
                passwords.rotatedAt().map(Instant::toString));
        return due ? Optional.of(passwords.rotate(token, SecretValues.randomToken())) : Optional.empty();
    }
}
