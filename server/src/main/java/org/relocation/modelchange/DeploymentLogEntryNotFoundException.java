package org.relocation.modelchange;

import org.relocation.platform.NotFoundException;

/** The deployment log has no entry of this id or engine deployment id (404). */
public class DeploymentLogEntryNotFoundException extends NotFoundException {

    DeploymentLogEntryNotFoundException() {
        super("The deployment log has no such entry");
    }
}
