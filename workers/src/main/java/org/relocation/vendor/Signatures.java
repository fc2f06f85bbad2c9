package org.relocation.vendor;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * HMAC-SHA256 signatures, sent and checked in the {@value #HEADER} header as {@code sha256=<hex>}. Orders to a
 * vendor sign their body. A vendor's callback signs {@code <timestamp>.<nonce>.<body>} and carries the epoch-second
 * {@value #TIMESTAMP_HEADER} and the one-time {@value #NONCE_HEADER}, so it cannot be replayed (see
 * {@link #signCallback}).
 */
public final class Signatures {

    public static final String HEADER = "X-Relocation-Signature";
    public static final String TIMESTAMP_HEADER = "X-Relocation-Timestamp";
    public static final String NONCE_HEADER = "X-Relocation-Nonce";
    private static final String PREFIX = "sha256=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    public static String sign(byte[] body, String secret) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
    }

    public static boolean verify(byte[] body, String secret, String signature) {
        if (signature == null || secret == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(body, secret).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The signature of a callback: {@code sha256=} and the hex HMAC-SHA256, with the vendor's secret, of the bytes of
     * {@code timestamp + "." + nonce + "."} followed by the raw body.
     */
    public static String signCallback(String timestamp, String nonce, byte[] body, String secret) {
        return PREFIX + HexFormat.of().formatHex(callbackMac(timestamp, nonce, body, secret));
    }

    /** The raw HMAC of {@link #signCallback}, for a constant-time comparison. */
    public static byte[] callbackMac(String timestamp, String nonce, byte[] body, String secret) {
        byte[] prefix = (timestamp + "." + nonce + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return hmac(secret, signed);
    }

    /** The three headers of a callback signed now (epoch seconds {@code now}) with a fresh nonce. */
    public static Map<String, String> callbackHeaders(byte[] body, String secret, long now) {
        String timestamp = Long.toString(now);
        String nonce = newNonce();
        return Map.of(TIMESTAMP_HEADER, timestamp, NONCE_HEADER, nonce, HEADER, signCallback(timestamp, nonce, body, secret));
    }

    /** A fresh random nonce for a callback: 32 URL-safe base64 characters (24 random bytes). */
    public static String newNonce() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
