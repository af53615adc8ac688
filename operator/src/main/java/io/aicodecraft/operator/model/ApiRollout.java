package io.aicodecraft.operator.model;

import java.util.Optional;

/**
 * What the API pods take at start and cannot see change afterwards, so a change of any of them rolls the pods: each
 * is an annotation of the pod template.
 *
 * @param configHash    hash of the rendered configuration ({@link ConfigHash})
 * @param trustedCa     the stack's CA certificate, when the pods trust it ({@link StackTls#ANNOTATION})
 * @param postgresLogin the role the pods log in to the managed PostgreSQL as ({@link #LOGIN_ANNOTATION}): a rotation
 *                      moves them onto the other role
 * @param adminKeyRotation the token of the admin key's latest rotation ({@link #ADMIN_KEY_ANNOTATION}), if it had one
 * @param redisRotation when the API last moved onto a new managed Redis password ({@link #REDIS_ANNOTATION}), if ever
 */
public record ApiRollout(String configHash, Optional<String> trustedCa, Optional<String> postgresLogin,
                         Optional<String> adminKeyRotation, Optional<String> redisRotation) {

    public static final String LOGIN_ANNOTATION = "aicodecraft.io/postgres-login";
    public static final String ADMIN_KEY_ANNOTATION = "aicodecraft.io/admin-key-rotation";
    public static final String REDIS_ANNOTATION = "aicodecraft.io/redis-password-rotation";
}
