package io.aicodecraft.api.auth;

/** A key just created: the only moment its plain text exists outside the client. */
public record IssuedKey(ApiKey key, String plainText) {
}
