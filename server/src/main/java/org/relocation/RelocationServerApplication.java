package org.relocation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The relocation engine: embedded Operaton with Tasklist/Cockpit/Admin, engine REST, case API and job workers. */
@SpringBootApplication
public class RelocationServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(RelocationServerApplication.class, args);
    }
}
