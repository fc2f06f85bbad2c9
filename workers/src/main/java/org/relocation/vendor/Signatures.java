package org.relocation.vendor;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** HMAC-SHA256 signatures of request bodies, sent and checked in the {@value #HEADER} header. */
public final class Signatures {

    public static final String HEADER = "X-Relocation-Signature";
    private static final String PREFIX = "sha256=";

    private Signatures() {
    }

    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    public static boolean verify(byte[] body, String secret, String signature) {
        if (signature == null || secret == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(body, secret).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }
}
