package org.relocation.platform.engine;

import org.relocation.relocationcase.CaseService;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Rules of the journey's start form that its schema cannot express: the intake's own rules. (A task form's rules are its
 * feature's handler's: {@link org.relocation.platform.form.TaskFormHandler}.)
 */
@Component
class FormRules {

    static final String START_FORM = "start-relocation";

    private final CaseService cases;

    FormRules(CaseService cases) {
        this.cases = cases;
    }

    /** Field → problem of a Tasklist start of the journey: the intake's own rules. */
    Map<String, String> intakeProblems(Map<String, Object> values) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        cases.intakeProblems(IntakeForm.toIntake(values)).forEach((field, problem) ->
                problems.putIfAbsent(PersonalData.INTAKE_PREFIX + IntakeForm.slotField(field), problem));
        return problems;
    }

}
