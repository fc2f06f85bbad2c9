package org.relocation.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Demo only: tells the person who just started the product where to go and how to log in. */
@Component
@Profile("demo") // never without the demo profile, whatever relocation.demo.* says (platform/configuration)
@ConditionalOnProperty(name = "relocation.demo.enabled", havingValue = "true")
class DemoWelcome {

    private static final Logger log = LoggerFactory.getLogger(DemoWelcome.class);

    @EventListener(ApplicationReadyEvent.class)
    void welcome(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + env.getProperty("local.server.port", "8080");
        log.info("""

                ==================================================================================
                  Relocation engine is up (demo profile: H2 in ./data, demo users, vendor simulator)
                  Tasklist : {}/operaton/app/tasklist/
                  Cockpit  : {}/operaton/app/cockpit/
                  Case API : {}/swagger-ui.html
                  Log in as specialist, manager, finance, hradmin, employee, owner or admin;
                  every demo password is "demo".
                ==================================================================================""", base, base, base);
    }
}
