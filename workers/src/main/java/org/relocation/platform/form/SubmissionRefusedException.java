package org.relocation.platform.form;

import java.util.Map;

/**
 * A domain rule refused a form's submission while it was being recorded (field → plain sentence): the completion is
 * rolled back and the person gets a 400 naming the fields, whatever route (REST, Tasklist, Java) completed the task.
 */
public class SubmissionRefusedException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public SubmissionRefusedException(Map<String, String> fieldErrors) {
        super("The submission is refused: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
