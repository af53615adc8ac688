package io.aicodecraft.api.template;

/** No template with the id, or no such version of it (a 404). */
public final class TemplateNotFoundException extends RuntimeException {
    public TemplateNotFoundException(String message) {
        super(message, null, false, false);
    }
}
