package org.relocation.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Shared domain infrastructure: the clock (UTC). Each feature enables its own settings (e.g. {@code VendorConfiguration}),
 * so the platform names no feature.
 */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
