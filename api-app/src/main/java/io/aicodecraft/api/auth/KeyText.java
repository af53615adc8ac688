package io.aicodecraft.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an API key, {@code aicc_<12 hex prefix>_<43 base64url secret>}: the prefix finds the row, the
 * SHA-256 of the whole text proves the key. 256 random bits of secret make a stored hash useless to a thief.
 */
public record KeyText(String prefix, String text) {
    private static final Pattern FORMAT = Pattern.compile("aicc_([0-9a-f]{12})_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static KeyText generate() {
        byte[] prefix = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(prefix);
        RANDOM.nextBytes(secret);
        String hex = HexFormat.of().formatHex(prefix);
        return new KeyText(hex, "aicc_" + hex + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Empty when {@code text} cannot be a key this API issued: no database lookup is needed to refuse it. */
    public static Optional<KeyText> parse(String text) {
        Matcher m = FORMAT.matcher(text);
        return m.matches() ? Optional.of(new KeyText(m.group(1), text)) : Optional.empty();
    }

    public byte[] hash() {
        return sha256(text);
    }

    /** Compares in constant time, so response timing says nothing about how much of a guess was right. */
    public boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(hash(), storedHash);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "KeyText[prefix=" + prefix + ", text=***]";
    }
}
