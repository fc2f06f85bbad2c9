package org.relocation.inbound;

import jakarta.servlet.http.HttpServletRequest;
import org.relocation.vendor.Signatures;
import org.relocation.vendor.VendorProperties;
import org.relocation.vendor.VendorRegister;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a vendor callback before anything of it is used, in this order: the vendor is known with a secret (a
 * registered vendor of that code, else a configured endpoint of that name: {@link VendorRegister#callbackSecret}; else
 * 401); a declared Content-Length is within the cap (else 413, nothing read); the timestamp, nonce and
 * signature headers are present and well-formed (else 401) and the timestamp is within the window of the server's
 * clock (else 401); the body, read up to the cap plus one byte, is within the cap (else 413); the HMAC-SHA256 of
 * {@code timestamp.nonce.body} with the vendor's secret equals the signature, compared in constant time (else 401).
 * The nonce is consumed later, with the callback's effect ({@link CallbackNonces}).
 */
@Component
class CallbackVerifier {

    /** A callback whose signature, freshness and size have been checked; its nonce is not consumed yet. */
    record SignedCallback(String vendor, String nonce, long timestamp, byte[] body) {
    }

    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final Pattern SIGNATURE = Pattern.compile("sha256=([0-9a-fA-F]{64})");
    private static final long LARGEST_CAP = 16L * 1024 * 1024;

    private final VendorRegister register;
    private final CallbackNonces nonces;
    private final Clock clock;
    private final int maxBytes;
    private final long windowSeconds;

    CallbackVerifier(VendorProperties vendors, VendorRegister register, CallbackNonces nonces, Clock clock) {
        long cap = vendors.getCallbackMaxBytes().toBytes();
        if (cap < 1 || cap > LARGEST_CAP) {
            throw new IllegalStateException("relocation.vendors.callback-max-bytes must be between 1B and 16MB");
        }
        if (vendors.getCallbackWindow().toSeconds() < 1) {
            throw new IllegalStateException("relocation.vendors.callback-window must be at least 1s");
        }
        this.register = register;
        this.nonces = nonces;
        this.clock = clock;
        this.maxBytes = (int) cap;
        this.windowSeconds = vendors.getCallbackWindow().toSeconds();
    }

    SignedCallback verify(String vendor, HttpServletRequest request) {
        String secret = register.callbackSecret(vendor).orElseThrow(CallbackVerifier::badSignature);
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        String timestamp = header(request, Signatures.TIMESTAMP_HEADER, TIMESTAMP, "the epoch seconds of the signature").group();
        String nonce = header(request, Signatures.NONCE_HEADER, NONCE, "16 to 128 characters of A-Z, a-z, 0-9, _ and -").group();
        byte[] signature = HexFormat.of().parseHex(header(request, Signatures.HEADER, SIGNATURE, "sha256=<64 hex digits>").group(1));
        long signedAt = Long.parseLong(timestamp);
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - signedAt) > windowSeconds) {
            throw unauthorized(Signatures.TIMESTAMP_HEADER + " is more than " + windowSeconds
                    + " s away from the server's time (now " + now + ")");
        }
        byte[] body = read(request);
        if (!MessageDigest.isEqual(Signatures.callbackMac(timestamp, nonce, body, secret), signature)) {
            throw badSignature();
        }
        nonces.purgeExpiredIfDue(now);
        return new SignedCallback(vendor, nonce, signedAt, body);
    }

    /** Reads at most the cap plus one byte: one more than the cap is enough to refuse the body. */
    private byte[] read(HttpServletRequest request) {
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new CallbackRefusedException(HttpStatus.BAD_REQUEST, "Invalid request", "The body could not be read");
        }
        if (body.length > maxBytes) {
            throw tooLarge();
        }
        return body;
    }

    private static Matcher header(HttpServletRequest request, String name, Pattern format, String expected) {
        String value = request.getHeader(name);
        if (value == null) {
            throw unauthorized(name + " is missing");
        }
        Matcher m = format.matcher(value);
        if (!m.matches()) {
            throw unauthorized(name + " must be " + expected);
        }
        return m;
    }

    private CallbackRefusedException tooLarge() {
        return new CallbackRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "Content too large",
                "A callback body may have at most " + maxBytes + " bytes");
    }

    private static CallbackRefusedException badSignature() {
        return unauthorized("Missing or bad signature");
    }

    private static CallbackRefusedException unauthorized(String detail) {
        return new CallbackRefusedException(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }
}
