package org.relocation.tax;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PresenceProperties.class, TaxReturnProperties.class})
class TaxConfiguration {
}
