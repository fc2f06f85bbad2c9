package org.relocation.platform.web;

import org.operaton.bpm.spring.boot.starter.rest.OperatonJerseyResourceConfig;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** What the platform changes in the engine REST API's set-up: speed, and forms' display fields (its security is in SecurityConfiguration). */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

    /** The engine REST API, for API clients and for the Tasklist and Cockpit. */
    static final String[] ENGINE_REST = {"/engine-rest/*", "/operaton/api/engine/*"};

    @Bean
    FilterRegistrationBean<ServiceLookupCache> serviceLookupCache() {
        FilterRegistrationBean<ServiceLookupCache> bean = new FilterRegistrationBean<>(new ServiceLookupCache());
        bean.addUrlPatterns(ENGINE_REST);
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    /** A form's display-only fields, built by its handler when the Tasklist opens the form. */
    @Bean
    FilterRegistrationBean<TaskFormDisplayFilter> taskFormDisplayFilter(org.relocation.platform.engine.TaskFormHandlers handlers,
                                                                        org.operaton.bpm.engine.ProcessEngine engine,
                                                                        com.fasterxml.jackson.databind.ObjectMapper json) {
        FilterRegistrationBean<TaskFormDisplayFilter> bean = new FilterRegistrationBean<>(new TaskFormDisplayFilter(handlers, engine, json));
        bean.addUrlPatterns(ENGINE_REST);
        bean.setOrder(1); // after Spring Security (-100)
        return bean;
    }

    /** Takes the place of the Operaton starter's own (which it makes only when there is none). */
    @Bean
    OperatonJerseyResourceConfig engineRestResources() {
        return new EngineRestResources();
    }
}
