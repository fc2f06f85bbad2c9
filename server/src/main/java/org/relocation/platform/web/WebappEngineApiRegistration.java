package org.relocation.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.glassfish.jersey.servlet.ServletProperties;
import org.operaton.bpm.spring.boot.starter.property.OperatonBpmProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Registers {@link WebappEngineApi} as the webapps' engine API before the Operaton starter's initializer runs (which
 * registers its own only when no servlet of that name exists), at the same path and with the same JAX-RS set-up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebappEngineApiRegistration implements ServletContextInitializer {

    private final OperatonBpmProperties properties;

    WebappEngineApiRegistration(OperatonBpmProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        ServletRegistration.Dynamic servlet = servletContext.addServlet(WebappEngineApi.SERVLET_NAME, WebappEngineApi.SERVLET.getName());
        if (servlet == null) {
            throw new IllegalStateException("A servlet named '" + WebappEngineApi.SERVLET_NAME + "' is registered already");
        }
        servlet.addMapping(properties.getWebapp().getApplicationPath() + "/api/engine/*");
        servlet.setInitParameters(Map.of(ServletProperties.JAXRS_APPLICATION_CLASS, WebappEngineApi.class.getName()));
    }
}
