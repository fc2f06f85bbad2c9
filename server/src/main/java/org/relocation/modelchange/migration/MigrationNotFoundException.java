package org.relocation.modelchange.migration;

import org.relocation.platform.NotFoundException;

/** No migration with that id (404). */
public class MigrationNotFoundException extends NotFoundException {

    public MigrationNotFoundException(long id) {
        super("No migration " + id);
    }
}
