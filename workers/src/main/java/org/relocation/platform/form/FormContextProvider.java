package org.relocation.platform.form;

import java.util.Map;

/**
 * Read-time context every task form of a case may show (the case card): values a feature builds from the case
 * records each time a form opens, sent with the form variables and never stored as variables. Names are reserved:
 * no form field may use them. A handler's own {@link TaskFormHandler#context} values win over a provider's.
 */
public interface FormContextProvider {

    /** Name → value (a map or list reaches the form as JSON data) for a task of the case. */
    Map<String, Object> context(FormContext context);
}
