package org.relocation.vendor;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The vendor settings ({@code relocation.vendors}, {@code relocation.vendors.sla}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({VendorProperties.class, VendorSlaProperties.class})
class VendorConfiguration {
}
