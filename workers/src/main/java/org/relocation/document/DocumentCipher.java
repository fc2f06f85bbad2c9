package org.relocation.document;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Encryption at rest of document files: AES-256-GCM, a random 96-bit IV per file, a 128-bit tag, and the
 * document id as associated data, so a ciphertext copied onto another document fails to decrypt. Each
 * file records the id of the key it was sealed with; retired keys still open old files (key rotation).
 * The key never appears in {@link #toString()}, logs or exceptions.
 */
public final class DocumentCipher {

    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    /** A sealed file: the key it was sealed with, its IV and the ciphertext with the GCM tag appended. */
    public record Sealed(String keyId, byte[] iv, byte[] ciphertext) {
    }

    private final String keyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    private DocumentCipher(String keyId, Map<String, SecretKey> keys) {
        this.keyId = keyId;
        this.keys = Map.copyOf(keys);
    }

    /**
     * The cipher of the configuration {@code relocation.documents.*}: the current key (base64 of 32 bytes) and
     * its id, and retired keys by id (decryption only). Throws {@link IllegalStateException} naming the setting
     * when one is missing or malformed; the message never contains a key.
     */
    public static DocumentCipher of(String keyId, String base64Key, Map<String, String> retiredKeys) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException("relocation.documents.encryption-key (RELOCATION_DOCUMENTS_ENCRYPTION_KEY) is not set: "
                    + "documents are stored encrypted and the server does not start without a key. Set it to a base64-encoded "
                    + "256-bit key, e.g. the output of `openssl rand -base64 32`, and set relocation.documents.key-id "
                    + "(RELOCATION_DOCUMENTS_KEY_ID) to a name for it, e.g. 2026-01");
        }
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalStateException("relocation.documents.key-id (RELOCATION_DOCUMENTS_KEY_ID) must be set to a name for the "
                    + "encryption key: 1 to 40 letters, digits, '.', '_' or '-', e.g. 2026-01");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(keyId, key("relocation.documents.encryption-key", base64Key));
        if (retiredKeys != null) {
            retiredKeys.forEach((id, value) -> {
                String setting = "relocation.documents.retired-keys." + id;
                if (!KEY_ID.matcher(id).matches()) {
                    throw new IllegalStateException(setting + ": a key id is 1 to 40 letters, digits, '.', '_' or '-'");
                }
                if (id.equals(keyId)) {
                    throw new IllegalStateException(setting + ": the current key id is not a retired key");
                }
                keys.put(id, key(setting, value));
            });
        }
        return new DocumentCipher(keyId, keys);
    }

    private static SecretKey key(String setting, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not valid base64 (expected 32 random bytes, e.g. `openssl rand -base64 32`)");
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalStateException(setting + " must decode to 32 bytes (AES-256), not " + raw.length
                    + " (e.g. `openssl rand -base64 32`)");
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** The associated data binding a ciphertext to its document. */
    public static byte[] associatedData(long documentId) {
        return ("case-document:" + documentId).getBytes(StandardCharsets.US_ASCII);
    }

    public String currentKeyId() {
        return keyId;
    }

    /** Seals with the current key and a fresh random IV. */
    public Sealed encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            return new Sealed(keyId, iv, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Opens a sealed file; throws {@link DocumentIntegrityException} when the key is unknown, or the ciphertext,
     * IV or associated data are not the ones it was sealed with.
     */
    public byte[] decrypt(Sealed sealed, byte[] associatedData) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new DocumentIntegrityException("the file was encrypted with key '" + sealed.keyId()
                    + "', which is neither relocation.documents.key-id nor one of relocation.documents.retired-keys");
        }
        if (sealed.iv() == null || sealed.iv().length != IV_BYTES) {
            throw new DocumentIntegrityException("the stored IV is not 12 bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.iv()));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new DocumentIntegrityException("the authentication tag does not match (altered ciphertext, wrong key or another document's file)");
        } catch (GeneralSecurityException e) {
            throw new DocumentIntegrityException("AES-GCM decryption failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "DocumentCipher[AES-256-GCM, key " + keyId + ", " + (keys.size() - 1) + " retired]";
    }
}
