package org.relocation.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.net.URI;

/**
 * Completes every problem a controller or advice answers to the {@link Problems} format: a {@code type} named after the
 * title (not {@code about:blank}), a title (the status's phrase when none was given) and the request's path as instance.
 * A feature may build its {@code ProblemDetail} with Spring's factory and still answers in the one format.
 */
@ControllerAdvice
class ProblemTypes implements ResponseBodyAdvice<Object> {

    private static final URI BLANK = URI.create("about:blank");

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail p) {
            if (p.getTitle() == null) {
                HttpStatus status = HttpStatus.resolve(p.getStatus());
                p.setTitle(status == null ? "Error" : status.getReasonPhrase());
            }
            if (p.getType() == null || BLANK.equals(p.getType())) {
                p.setType(Problems.type(p.getTitle()));
            }
            if (p.getInstance() == null) {
                p.setInstance(URI.create(request.getURI().getRawPath()));
            }
        }
        return body;
    }
}
