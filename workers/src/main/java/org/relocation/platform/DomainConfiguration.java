package org.relocation.platform;

import org.relocation.benefits.BenefitsProperties;
import org.relocation.estimate.EstimateProperties;
import org.relocation.notification.NotificationProperties;
import org.relocation.vendor.VendorProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Shared domain infrastructure: the clock (UTC) and the configuration of rates, vendors and mailboxes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EstimateProperties.class, VendorProperties.class, NotificationProperties.class, BenefitsProperties.class})
class DomainConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
