package org.relocation.modelchange;

import org.relocation.platform.NotFoundException;

/** A model kind, key or version that is not deployed: 404. */
public class ModelNotFoundException extends NotFoundException {

    public ModelNotFoundException(String message) {
        super(message);
    }
}
