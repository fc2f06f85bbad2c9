package org.relocation.apidocs;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Remembers which Java types were documented under each schema name. Two types with one name (two controllers'
 * {@code Details} records, say) would silently become one schema in the OpenAPI document, the second overwriting the
 * first, so the document itself cannot show it: {@link #collisions()} does, and {@code ApiContractTest} fails on it.
 * It changes nothing in the document.
 */
public final class SchemaNames implements ModelConverter {

    /**
     * What the application's converters saw, shared by every application context in the JVM: springdoc registers model
     * converters in swagger's static {@code ModelConverters}, so with two contexts in one JVM (a test suite) the
     * instance that resolved the types may be another context's. The same class always gets the same name, so sharing
     * adds no false collision.
     */
    private static final Map<String, Set<String>> APPLICATION = new ConcurrentHashMap<>();

    private final Map<String, Set<String>> typesByName;

    /** A converter with its own record (a unit test's). */
    public SchemaNames() {
        this(new ConcurrentHashMap<>());
    }

    private SchemaNames(Map<String, Set<String>> typesByName) {
        this.typesByName = typesByName;
    }

    /** The application's converter: every instance records into one shared map. */
    public static SchemaNames application() {
        return new SchemaNames(APPLICATION);
    }

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        // a named model, or (asked for as a reference, as springdoc asks for an operation's body and answer) a $ref to one
        String name = schema == null ? null : schema.getName() != null ? schema.getName()
                : schema.get$ref() != null ? schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1) : null;
        if (name != null && type.getType() != null) {
            JavaType javaType = type.getType() instanceof JavaType j ? j : Json.mapper().constructType(type.getType());
            if (!javaType.isContainerType() && !javaType.isPrimitive() && !javaType.isEnumType()
                    && !javaType.getRawClass().getName().startsWith("java.")) {
                typesByName.computeIfAbsent(name, n -> new ConcurrentSkipListSet<>()).add(javaType.toCanonical());
            }
        }
        return schema;
    }

    /** Each schema name that more than one Java type was documented under, with those types. */
    public Map<String, Set<String>> collisions() {
        Map<String, Set<String>> collisions = new TreeMap<>();
        typesByName.forEach((name, types) -> {
            if (types.size() > 1) {
                collisions.put(name, Set.copyOf(types));
            }
        });
        return collisions;
    }

    /** Every schema name with the Java types documented under it. */
    public Map<String, Set<String>> all() {
        return new TreeMap<>(typesByName);
    }
}
