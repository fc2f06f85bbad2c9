package org.relocation.benefits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The benefits settings ({@code relocation.benefits}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BenefitsProperties.class)
class BenefitsConfiguration {
}
