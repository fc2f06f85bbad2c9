package org.relocation.platform.security;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * Filters in front of Spring Security: cross-site state-changing requests refused before anything else looks at them
 * ({@link CrossSiteRequestFilter}), and the client address made known to the engine's password check
 * ({@link ClientAddress}, for the login throttle).
 */
@Configuration(proxyBeanMethods = false)
class BrowserSecurityConfiguration {

    @Bean
    FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter(Environment environment) {
        // a YAML list or a comma-separated string (RELOCATION_ALLOWED_ORIGINS)
        List<String> allowedOrigins = Binder.get(environment)
                .bind("relocation.security.allowed-origins", Bindable.listOf(String.class)).orElse(List.of());
        FilterRegistrationBean<CrossSiteRequestFilter> bean = new FilterRegistrationBean<>(new CrossSiteRequestFilter(allowedOrigins));
        bean.addUrlPatterns("/*");
        bean.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10); // before Spring Security: no login is even tried
        return bean;
    }

    @Bean
    FilterRegistrationBean<jakarta.servlet.Filter> clientAddressFilter() {
        FilterRegistrationBean<jakarta.servlet.Filter> bean = new FilterRegistrationBean<>(ClientAddress.filter());
        bean.addUrlPatterns("/*");
        bean.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 5);
        return bean;
    }
}
