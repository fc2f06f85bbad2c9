package org.relocation.platform.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLookupCacheTest {

    /** A service with one provider, named in a services file of a temporary directory on a class path. */
    public interface Greeting {
        String greet();
    }

    public static final class Hello implements Greeting {
        @Override
        public String greet() {
            return "hello";
        }
    }

    @Test
    void readsEachServicesFileOnceAndServesTheSameProvidersAfterwards() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        ClassLoader usual = countingLoader(lookups, servicesDirectory());
        ServiceLookupCache.CachingLoader cache = new ServiceLookupCache.CachingLoader(usual);

        for (int i = 0; i < 3; i++) {
            List<Greeting> found = ServiceLoader.load(Greeting.class, cache).stream().map(ServiceLoader.Provider::get).toList();
            assertThat(found).extracting(Greeting::greet).containsExactly("hello");
        }
        assertThat(lookups).hasValue(1);

        List<URL> urls = Collections.list(cache.getResources("META-INF/services/" + Greeting.class.getName()));
        assertThat(urls).singleElement().satisfies(url -> {
            assertThat(url.toExternalForm()).startsWith("memory:file:").endsWith("META-INF/services/" + Greeting.class.getName());
            try (InputStream in = url.openStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(Hello.class.getName());
            }
        });
        // every other resource and every class still come from the usual loader
        assertThat(cache.getResource("org/relocation/platform/web/ServiceLookupCache.class")).isNotNull();
        assertThat(cache.loadClass(Hello.class.getName())).isSameAs(Hello.class);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aServicesFileNoJarHasIsLookedUpOnceToo() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        ServiceLookupCache.CachingLoader cache = new ServiceLookupCache.CachingLoader(countingLoader(lookups, servicesDirectory()));

        assertThat(ServiceLoader.load(Runnable.class, cache).findFirst()).isEmpty();
        assertThat(ServiceLoader.load(Runnable.class, cache).findFirst()).isEmpty();
        assertThat(lookups).hasValue(1);
    }

    @Test
    void theRequestRunsWithTheCachingLoaderAndTheThreadGetsItsOwnBackAfterwards() throws Exception {
        ClassLoader usual = Thread.currentThread().getContextClassLoader();
        AtomicReference<ClassLoader> during = new AtomicReference<>();
        MockFilterChain chain = new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                during.set(Thread.currentThread().getContextClassLoader());
            }
        });
        ServiceLookupCache filter = new ServiceLookupCache();

        filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/engine"), new MockHttpServletResponse(), chain);

        assertThat(during.get()).isInstanceOf(ServiceLookupCache.CachingLoader.class);
        assertThat(during.get().getParent()).isSameAs(usual);
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(usual);
    }

    private static Path servicesDirectory() throws IOException {
        Path dir = Files.createTempDirectory("services");
        Path file = dir.resolve("META-INF/services/" + Greeting.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# the one provider\n" + Hello.class.getName() + "\n");
        return dir;
    }

    private static ClassLoader countingLoader(AtomicInteger lookups, Path dir) throws IOException {
        return new URLClassLoader(new URL[]{dir.toUri().toURL()}, ServiceLookupCacheTest.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                if (name.startsWith("META-INF/services/")) {
                    lookups.incrementAndGet();
                }
                return super.getResources(name);
            }
        };
    }
}
