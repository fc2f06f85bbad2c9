package org.relocation.inbound;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.relocation.vendor.Signatures;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI contract of a signed vendor callback's headers ({@link CallbackVerifier}; docs/operations.md, "Vendor
 * callbacks"), written once for every endpoint that takes one: timestamp, nonce and signature, each required.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
        // the timestamp is signed as sent: a string of digits, not a number a client may reformat
        @Parameter(in = ParameterIn.HEADER, name = Signatures.TIMESTAMP_HEADER, required = true, description = "Epoch seconds",
                schema = @Schema(type = "string", pattern = "^[0-9]{1,12}$")),
        @Parameter(in = ParameterIn.HEADER, name = Signatures.NONCE_HEADER, required = true, description = "Used once",
                schema = @Schema(type = "string", pattern = "^[A-Za-z0-9_-]{16,128}$")),
        @Parameter(in = ParameterIn.HEADER, name = Signatures.HEADER, required = true,
                description = "sha256= and the hex HMAC-SHA256 of \"<timestamp>.<nonce>.<body>\" with the vendor's secret",
                schema = @Schema(type = "string", pattern = "^sha256=[0-9a-fA-F]{64}$"))})
@interface SignedCallbackHeaders {
}
