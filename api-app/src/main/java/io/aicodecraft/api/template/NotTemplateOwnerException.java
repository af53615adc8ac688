package io.aicodecraft.api.template;

/** A change to a template by someone other than its owner (a 403). */
public final class NotTemplateOwnerException extends RuntimeException {
    public NotTemplateOwnerException(String message) {
        super(message, null, false, false);
    }
}
