package org.relocation.platform.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.operaton.bpm.engine.variable.Variables;
import org.operaton.bpm.engine.variable.impl.type.PrimitiveValueTypeImpl;
import org.operaton.bpm.engine.variable.value.TypedValue;

import java.util.Map;

/**
 * The value type {@code Json} of the REST API without the Spin plugin: what the Tasklist submits for a form-js dynamic
 * list (a list of objects, as JSON text). It becomes a plain String value of the JSON text (a REST client's array or
 * object is written as JSON), so the engine needs no JSON serializer: {@link UserCommandGuard} checks it against the
 * form's list and the completion removes it again ({@link JourneyListeners}), it never outlives the command.
 */
final class JsonTextType extends PrimitiveValueTypeImpl {

    static final String NAME = "json";
    private static final ObjectMapper JSON = new ObjectMapper();

    JsonTextType() {
        super(NAME, Object.class);
    }

    @Override
    public TypedValue createValue(Object value, Map<String, Object> valueInfo) {
        if (value == null || value instanceof String) {
            return Variables.stringValue((String) value, Boolean.TRUE.equals(isTransient(valueInfo)));
        }
        try {
            return Variables.stringValue(JSON.writeValueAsString(value), Boolean.TRUE.equals(isTransient(valueInfo)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON", e);
        }
    }
}
