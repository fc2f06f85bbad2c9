package org.relocation.platform.security;

import org.operaton.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The engine's password hash: bcrypt (Spring Security's BCryptPasswordEncoder), stored as "{bcrypt}$2a$...". The
 * engine hands over the password with its per-user salt appended; bcrypt reads at most 72 bytes, so a longer input is
 * first reduced to the Base64 of its SHA-256 (44 bytes), and no part of a long password is ignored. Hashes written
 * before ("{SHA-512}", "{SHA}") still verify: the engine keeps its own checkers for them.
 */
final class BcryptPasswordEncryptor implements PasswordEncryptor {

    static final String NAME = "bcrypt";
    private static final int BCRYPT_MAX_BYTES = 72;

    private final BCryptPasswordEncoder bcrypt;

    BcryptPasswordEncryptor(int strength) {
        this.bcrypt = new BCryptPasswordEncoder(strength);
    }

    @Override
    public String encrypt(String password) {
        return bcrypt.encode(fit(password));
    }

    @Override
    public boolean check(String password, String encrypted) {
        return password != null && encrypted != null && bcrypt.matches(fit(password), encrypted);
    }

    @Override
    public String hashAlgorithmName() {
        return NAME;
    }

    private static String fit(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return password;
        }
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
