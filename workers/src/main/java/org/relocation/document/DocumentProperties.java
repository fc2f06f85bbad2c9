package org.relocation.document;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * {@code relocation.documents}: the key that encrypts document files at rest.
 *
 * @param encryptionKey base64 of 32 random bytes (AES-256), e.g. {@code openssl rand -base64 32}; required
 * @param keyId         a name for that key, stored with every file it encrypts (1-40 of {@code A-Za-z0-9._-})
 * @param retiredKeys   earlier keys by id, still used to decrypt the files they encrypted (key rotation)
 */
@ConfigurationProperties("relocation.documents")
record DocumentProperties(String encryptionKey, String keyId, Map<String, String> retiredKeys) {

    @Override
    public String toString() {
        return "DocumentProperties[keyId=" + keyId + ", retiredKeys=" + (retiredKeys == null ? "[]" : retiredKeys.keySet()) + "]";
    }
}
