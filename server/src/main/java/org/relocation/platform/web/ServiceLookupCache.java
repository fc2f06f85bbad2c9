package org.relocation.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the engine REST API's service-provider lookups from memory. The REST API looks up its process engine
 * with {@link java.util.ServiceLoader} on every request (each sub-resource does), and the request thread's class
 * loader answers by searching every jar of the application for {@code META-INF/services/...} and reading the file
 * it finds: about a quarter of the server's CPU for a trivial request such as {@code GET /engine-rest/engine},
 * about 2% of it on the journey benchmark (docs/benchmarks.md).
 * <p>
 * For the requests it filters, the thread's context class loader becomes a child of the usual one that finds and
 * reads each {@code META-INF/services/} file once and hands out in-memory copies afterwards; classes and every other
 * resource come from the usual loader as before. The application's jars do not change while it runs, so the copies
 * stay true.
 */
final class ServiceLookupCache extends OncePerRequestFilter {

    private static final String SERVICES = "META-INF/services/";

    private final Map<ClassLoader, CachingLoader> loaders = new ConcurrentHashMap<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Thread thread = Thread.currentThread();
        ClassLoader usual = thread.getContextClassLoader();
        if (usual == null || usual instanceof CachingLoader) {
            chain.doFilter(request, response);
            return;
        }
        thread.setContextClassLoader(loaders.computeIfAbsent(usual, CachingLoader::new));
        try {
            chain.doFilter(request, response);
        } finally {
            thread.setContextClassLoader(usual);
        }
    }

    /** Delegates everything to its parent, and remembers the service-provider files it was asked for. */
    static final class CachingLoader extends ClassLoader {

        private final Map<String, List<URL>> services = new ConcurrentHashMap<>();

        CachingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (!name.startsWith(SERVICES)) {
                return getParent().getResources(name);
            }
            try {
                return Collections.enumeration(services.computeIfAbsent(name, this::inMemoryCopies));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        private List<URL> inMemoryCopies(String name) {
            try {
                List<URL> copies = new ArrayList<>();
                for (URL url : Collections.list(getParent().getResources(name))) {
                    copies.add(inMemory(url, read(url)));
                }
                return List.copyOf(copies);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static byte[] read(URL url) throws IOException {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                in.transferTo(out);
                return out.toByteArray();
            }
        }

        private static URL inMemory(URL original, byte[] content) throws MalformedURLException {
            URLStreamHandler handler = new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL u) {
                    return new URLConnection(u) {
                        @Override
                        public void connect() {
                            connected = true;
                        }

                        @Override
                        public InputStream getInputStream() {
                            return new ByteArrayInputStream(content);
                        }
                    };
                }
            };
            // "memory:" and the original's address, so a message that names the file still says where it came from
            return new URL("memory", "", -1, original.toExternalForm(), handler);
        }
    }
}
