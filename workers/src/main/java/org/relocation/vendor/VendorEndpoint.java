package org.relocation.vendor;

/**
 * Where an order goes and the secret that signs it and verifies its callbacks: a registered vendor's ({@code vendorId}
 * set) or the configured endpoint of the order's category ({@code vendorId} null). {@code name} is the vendor's name in
 * the callback path: the registered vendor's code or the category. {@link #toString()} leaves the secret out.
 */
public record VendorEndpoint(Long vendorId, String name, String url, String secret) {

    @Override
    public String toString() {
        return "VendorEndpoint[" + name + " " + url + "]";
    }
}
