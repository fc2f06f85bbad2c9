package org.relocation.platform.web;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

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

    public static <T> Paged<T> of(List<T> items, int page, int size, org.springframework.data.domain.Page<?> result) {
        return new Paged<>(items, page, size, result.getTotalElements(), result.getTotalPages());
    }
}
