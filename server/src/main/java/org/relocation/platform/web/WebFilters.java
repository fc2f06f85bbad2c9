package org.relocation.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Servlet filters of the platform that are not about security (those are in SecurityConfiguration). */
@Configuration(proxyBeanMethods = false)
class WebFilters {

    /** The engine REST API, for API clients and for the Tasklist and Cockpit. */
    static final String[] ENGINE_REST = {"/engine-rest/*", "/operaton/api/engine/*"};

    @Bean
    FilterRegistrationBean<ServiceLookupCache> serviceLookupCache() {
        FilterRegistrationBean<ServiceLookupCache> bean = new FilterRegistrationBean<>(new ServiceLookupCache());
        bean.addUrlPatterns(ENGINE_REST);
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }
}
