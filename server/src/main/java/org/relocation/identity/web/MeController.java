package org.relocation.identity.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.relocationcase.CaseStaff;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who is calling: the login, display name and roles, for a page's header and what it offers. */
@RestController
@RequestMapping("/api/me")
@Tag(name = "Me", description = "The authenticated user")
class MeController {

    private static final String ROLE = "ROLE_";

    private final CaseStaff staff;

    MeController(CaseStaff staff) {
        this.staff = staff;
    }

    @Schema(name = "CurrentUser", description = "The authenticated user")
    record Me(@Schema(example = "specialist") String userId,
              @JsonInclude(JsonInclude.Include.NON_NULL)
              @Schema(description = "First and last name; absent when the user has none", example = "Sam Specialist") String name,
              @Schema(description = "The user's role groups, sorted", example = "[\"mobility-specialist\"]") List<String> roles) {
    }

    @GetMapping
    @Operation(operationId = "getCurrentUser", summary = "The caller's login, name and roles",
            description = "Any authenticated user; the case page reads it for its header. Roles decide nothing here: every API checks them itself.")
    @ApiResponse(responseCode = "200", description = "The caller", useReturnTypeSchema = true)
    Me me(Authentication user) {
        List<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE)).map(a -> a.substring(ROLE.length())).sorted().toList();
        return new Me(user.getName(), staff.displayName(user.getName()).orElse(null), roles);
    }
}
