package org.relocation.platform.security;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every endpoint authenticates except health, the webapps' static login pages, the product's static pages (their data
 * comes from /api) and the signed vendor endpoints. /api and /engine-rest use HTTP Basic against the engine's users (the
 * APIs of the product's pages also the webapps' session, for a page's own requests:
 * {@link WebappSessionAuthenticationFilter}); the webapps (/operaton/**)
 * keep their own session login and CSRF protection, and their API refuses anonymous calls itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The product's own browser pages (static files in the jar): the process-owner page, the case workspace, the vendors page, and what they share. */
    private static final String[] PRODUCT_PAGES = {"/process-owner/**", "/cases/**", "/vendors/**", "/pages/**"};
    /**
     * Scripts, styles, fonts and data only from this server; style attributes are allowed because the diagram viewers
     * set them on the SVG they draw, and data: images for their embedded logo; blob: images and frames for the case
     * workspace's document previews (files fetched by the page's script, shown from memory).
     */
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self' blob:; frame-ancestors 'self'; "
            + "form-action 'self'; base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, EngineIdentityAuthenticationProvider provider, IdentityService identity,
                                    ProcessEngine engine) throws Exception {
        ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint(); // 429 when throttled; no challenge to pages
        http.securityMatcher(ant("/api/**", "/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**", "/simulator/**"))
                // this provider only, with no parent manager to try it a second time: a failed login counts once
                .authenticationManager(new ProviderManager(provider))
                .csrf(AbstractHttpConfigurer::disable)
                // no session of its own, and none changed: setting a creation policy makes Spring Security add its
                // SessionManagementFilter, whose default session-fixation protection gave an existing session (the
                // webapps' login, used by the product's pages) a new id on every request authenticated from it; the page's
                // requests in flight with the old id then found no session (401) and the Tasklist's were logged out
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(new ApiAccessDeniedHandler()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(ant("/actuator/health", "/actuator/health/**")).permitAll()
                        // vendors authenticate with an HMAC of timestamp, nonce and body (inbound.CallbackVerifier)
                        .requestMatchers(ant("/api/vendor-callbacks/**", "/simulator/**")).permitAll()
                        // a personal calendar feed: its secret address is the credential (keydate/web/CalendarFeedController)
                        .requestMatchers(ant("/api/key-dates/feeds/**")).permitAll()
                        .requestMatchers(ant("/actuator/**")).hasAnyRole("admin", "hr-admin")
                        .anyRequest().authenticated())
                // the product's pages (process owners, case workspace): the Tasklist's session login, for a page's own requests (X-Requested-With)
                .addFilterBefore(new WebappSessionAuthenticationFilter(identity, engine.getName()), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identity), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable) // the Operaton webapps bring their own CSRF filter
                .headers(h -> h.frameOptions(f -> f.sameOrigin())
                        // the product's own pages load nothing from elsewhere and run no inline script
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(ant(PRODUCT_PAGES),
                                new StaticHeadersWriter("Content-Security-Policy", PAGE_POLICY))))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(ant("/", "/index.html", "/favicon.ico", "/error")).permitAll()
                        // the webapps' "create initial admin" setup is never offered: users come from configuration
                        .requestMatchers(ant("/operaton/api/admin/setup/**")).denyAll()
                        .requestMatchers(ant("/operaton/**")).permitAll()
                        // static files only: their data comes from /api, which authenticates every call
                        .requestMatchers(ant(PRODUCT_PAGES)).permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    /** Path matchers that work for every servlet (Jersey's /engine-rest too), not only Spring MVC's. */
    private static RequestMatcher ant(String... patterns) {
        return new OrRequestMatcher(Arrays.stream(patterns).map(p -> (RequestMatcher) new AntPathRequestMatcher(p)).toList());
    }
}
