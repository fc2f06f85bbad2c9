package org.relocation.document;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(bytes(32, 7));
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(bytes(32, 9));
    private static final byte[] PLAINTEXT = "%PDF-1.7 passport of Priya Raman, number X1234567".getBytes(StandardCharsets.UTF_8);

    private final DocumentCipher cipher = DocumentCipher.of("k1", KEY, Map.of());

    @Test
    void roundTripWithTheDocumentIdAsAssociatedData() {
        DocumentCipher.Sealed sealed = cipher.encrypt(PLAINTEXT, DocumentCipher.associatedData(42));

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.iv()).hasSize(12);
        assertThat(sealed.ciphertext()).hasSize(PLAINTEXT.length + 16); // GCM tag appended
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("X1234567").doesNotContain("%PDF");
        assertThat(cipher.decrypt(sealed, DocumentCipher.associatedData(42))).isEqualTo(PLAINTEXT);
    }

    @Test
    void everyEncryptionHasItsOwnIv() {
        DocumentCipher.Sealed a = cipher.encrypt(PLAINTEXT, DocumentCipher.associatedData(1));
        DocumentCipher.Sealed b = cipher.encrypt(PLAINTEXT, DocumentCipher.associatedData(1));
        assertThat(a.iv()).isNotEqualTo(b.iv());
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
    }

    @Test
    void aTamperedCiphertextFails() {
        DocumentCipher.Sealed sealed = cipher.encrypt(PLAINTEXT, DocumentCipher.associatedData(42));
        byte[] tampered = sealed.ciphertext().clone();
        tampered[3] ^= 0x01;
        assertThatThrownBy(() -> cipher.decrypt(new DocumentCipher.Sealed("k1", sealed.iv(), tampered), DocumentCipher.associatedData(42)))
                .isInstanceOf(DocumentIntegrityException.class).hasMessageContaining("authentication tag");
        byte[] truncated = Arrays.copyOf(sealed.ciphertext(), sealed.ciphertext().length - 1);
        assertThatThrownBy(() -> cipher.decrypt(new DocumentCipher.Sealed("k1", sealed.iv(), truncated), DocumentCipher.associatedData(42)))
                .isInstanceOf(DocumentIntegrityException.class);
        byte[] otherIv = sealed.iv().clone();
        otherIv[0] ^= 0x01;
        assertThatThrownBy(() -> cipher.decrypt(new DocumentCipher.Sealed("k1", otherIv, sealed.ciphertext()), DocumentCipher.associatedData(42)))
                .isInstanceOf(DocumentIntegrityException.class);
    }

    @Test
    void aCiphertextMovedToAnotherDocumentFails() {
        DocumentCipher.Sealed sealed = cipher.encrypt(PLAINTEXT, DocumentCipher.associatedData(42));
        assertThatThrownBy(() -> cipher.decrypt(sealed, DocumentCipher.associatedData(43)))
                .isInstanceOf(DocumentIntegrityException.class).hasMessageContaining("authentication tag");
    }

    @Test
    void anotherKeyCannotDecryptAndARetiredKeyStillDoes() {
        DocumentCipher.Sealed sealed = cipher.encrypt(PLAINTEXT, DocumentCipher.associatedData(42));

        DocumentCipher sameIdOtherKey = DocumentCipher.of("k1", OTHER_KEY, Map.of());
        assertThatThrownBy(() -> sameIdOtherKey.decrypt(sealed, DocumentCipher.associatedData(42))).isInstanceOf(DocumentIntegrityException.class);

        DocumentCipher withoutOldKey = DocumentCipher.of("k2", OTHER_KEY, Map.of());
        assertThatThrownBy(() -> withoutOldKey.decrypt(sealed, DocumentCipher.associatedData(42)))
                .isInstanceOf(DocumentIntegrityException.class).hasMessageContaining("key 'k1'");

        DocumentCipher rotated = DocumentCipher.of("k2", OTHER_KEY, Map.of("k1", KEY));
        assertThat(rotated.decrypt(sealed, DocumentCipher.associatedData(42))).isEqualTo(PLAINTEXT);
        assertThat(rotated.encrypt(PLAINTEXT, DocumentCipher.associatedData(42)).keyId()).isEqualTo("k2");
    }

    @Test
    void aMissingOrMalformedKeyIsRefusedWithAClearMessageThatNeverShowsTheKey() {
        assertThatThrownBy(() -> DocumentCipher.of("k1", null, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relocation.documents.encryption-key").hasMessageContaining("RELOCATION_DOCUMENTS_ENCRYPTION_KEY");
        assertThatThrownBy(() -> DocumentCipher.of("k1", " ", Map.of())).hasMessageContaining("is not set");
        String shortKey = Base64.getEncoder().encodeToString(bytes(16, 3));
        assertThatThrownBy(() -> DocumentCipher.of("k1", shortKey, Map.of()))
                .hasMessageContaining("must decode to 32 bytes").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> DocumentCipher.of("k1", "not base64 at all!", Map.of())).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> DocumentCipher.of(null, KEY, Map.of())).hasMessageContaining("relocation.documents.key-id");
        assertThatThrownBy(() -> DocumentCipher.of("k 1", KEY, Map.of())).hasMessageContaining("relocation.documents.key-id");
        assertThatThrownBy(() -> DocumentCipher.of("k2", KEY, Map.of("k0", "short"))).hasMessageContaining("retired-keys.k0");
        assertThat(DocumentCipher.of("k1", KEY, Map.of()).toString()).doesNotContain(KEY).contains("k1");
    }

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i * 17);
        }
        return b;
    }
}
