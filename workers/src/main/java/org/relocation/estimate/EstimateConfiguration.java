package org.relocation.estimate;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The estimate settings ({@code relocation.estimate}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EstimateProperties.class)
class EstimateConfiguration {
}
