package org.relocation.platform.web;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * One page of a list endpoint, the one paging shape of the API: {@code items} of page {@code page} (from 0) of
 * {@code size}, and how many there are in all ({@code totalItems}, {@code totalPages}). In the OpenAPI document it is
 * named after its items, e.g. {@code PagedCaseSummary} (so it has no {@code @Schema(name)}: that would name every page alike).
 */
@Schema(requiredProperties = {"items", "page", "size", "totalItems", "totalPages"})
public record Paged<T>(List<T> items,
                       @Schema(description = "The page number, from 0", minimum = "0", example = "0") int page,
                       @Schema(description = "Items per page", minimum = "1", example = "20") int size,
                       @Schema(description = "Items on all pages together", minimum = "0", example = "42") long totalItems,
                       @Schema(description = "Number of pages", minimum = "0", example = "3") int totalPages) {

    /** What is wrong with a page (from 0) and a size (1 to maxSize), added to a request's field errors. */
    public static void check(int page, int size, int maxSize, Map<String, String> errors) {
        if (page < 0) {
            errors.put("page", "must not be negative");
        }
        if (size < 1 || size > maxSize) {
            errors.put("size", "must be between 1 and " + maxSize);
        } else if (page >= 0 && (long) page * size > Integer.MAX_VALUE) {
            errors.put("page", "is beyond any list: page times size must be at most " + Integer.MAX_VALUE);
        }
    }

    public static <T> Paged<T> of(List<T> items, int page, int size, org.springframework.data.domain.Page<?> result) {
        return new Paged<>(items, page, size, result.getTotalElements(), result.getTotalPages());
    }
}
