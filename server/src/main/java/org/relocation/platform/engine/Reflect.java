package org.relocation.platform.engine;

import java.lang.reflect.Field;

/**
 * Reads the protected fields of the engine's command objects (what a command is about to do). The fields are
 * looked up when this class's users load, so an engine upgrade that renames one fails at start, not on a request.
 */
final class Reflect {

    private Reflect() {
    }

    static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("The engine's " + type.getName() + " has no field " + name + ": check the guard after an upgrade", e);
        }
    }

    static Object get(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static void set(Field field, Object target, Object value) {
        try {
            field.set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
