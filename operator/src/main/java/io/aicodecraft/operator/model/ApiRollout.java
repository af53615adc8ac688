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
 */
public record ApiRollout(String configHash, Optional<String> trustedCa, Optional<String> postgresLogin) {

    public static final String LOGIN_ANNOTATION = "aicodecraft.io/postgres-login";
}
