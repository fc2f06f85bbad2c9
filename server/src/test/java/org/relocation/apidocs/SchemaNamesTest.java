package org.relocation.apidocs;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Two types documented under one name are reported, as two controllers' nested {@code Details} records would be. */
class SchemaNamesTest {

    static final class Cases {
        record Details(long id, String caseNumber) {
        }
    }

    static final class KeyDates {
        record Details(long id, String kind) {
        }

        @Schema(name = "KeyDateDetails")
        record Named(long id, String kind) {
        }
    }

    @Test
    void twoTypesWithOneNameAreACollision() {
        SchemaNames names = new SchemaNames();
        ModelConverters converters = new ModelConverters();
        converters.addConverter(names);
        converters.readAll(Cases.Details.class);
        converters.readAll(KeyDates.Details.class);
        converters.readAll(KeyDates.Named.class);
        assertThat(names.collisions()).containsOnlyKeys("Details");
        assertThat(names.collisions().get("Details")).hasSize(2);
        assertThat(names.all()).containsKey("KeyDateDetails");
    }

    @Test
    void oneTypeSeenTwiceIsNot() {
        SchemaNames names = new SchemaNames();
        ModelConverters converters = new ModelConverters();
        converters.addConverter(names);
        converters.readAll(Cases.Details.class);
        converters.readAll(Cases.Details.class);
        converters.readAll(KeyDates.Named.class);
        assertThat(names.collisions()).isEmpty();
    }
}
