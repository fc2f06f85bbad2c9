package org.relocation.vendor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per vendor: where orders go and the shared secret that signs orders and callbacks (HMAC-SHA256); for all vendors:
 * the size cap and the freshness window of the callbacks the server accepts.
 */
@ConfigurationProperties("relocation.vendors")
public class VendorProperties {

    private Duration timeout = Duration.ofSeconds(10);
    private Map<String, Endpoint> endpoints = new HashMap<>();
    /** The largest callback body the server reads; a longer one is refused (413) unread beyond this size plus one byte. */
    private DataSize callbackMaxBytes = DataSize.ofKilobytes(64);
    /** How far a callback's timestamp may be from the server's clock, either side; older or newer ones are refused (401). */
    private Duration callbackWindow = Duration.ofMinutes(5);

    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
    public DataSize getCallbackMaxBytes() { return callbackMaxBytes; }
    public void setCallbackMaxBytes(DataSize callbackMaxBytes) { this.callbackMaxBytes = callbackMaxBytes; }
    public Duration getCallbackWindow() { return callbackWindow; }
    public void setCallbackWindow(Duration callbackWindow) { this.callbackWindow = callbackWindow; }
    public Map<String, Endpoint> getEndpoints() { return endpoints; }
    public void setEndpoints(Map<String, Endpoint> endpoints) { this.endpoints = endpoints; }

    public Endpoint endpoint(String vendor) {
        Endpoint e = endpoints.get(vendor);
        if (e == null || e.getUrl() == null || e.getSecret() == null) {
            throw new IllegalStateException("Vendor '" + vendor + "' is not configured (relocation.vendors.endpoints." + vendor + ".url/secret)");
        }
        return e;
    }

    public static class Endpoint {
        private String url;
        private String secret;

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getSecret() { return secret; }
        public void setSecret(String secret) { this.secret = secret; }
    }
}
