package org.relocation.document;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The file types a document may be: recognised by their content (magic bytes), never by the name or declared type alone. */
public enum FileType {
    PDF("application/pdf", "pdf", "a PDF", Set.of("application/x-pdf"), new byte[]{'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", "jpg", "a JPEG image", Set.of("image/jpg", "image/pjpeg"), new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", "a PNG image", Set.of(), new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String contentType;
    private final String extension;
    private final String description;
    private final Set<String> aliases;
    private final byte[] magic;

    FileType(String contentType, String extension, String description, Set<String> aliases, byte[] magic) {
        this.contentType = contentType;
        this.extension = extension;
        this.description = description;
        this.aliases = aliases;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public String description() {
        return description;
    }

    /** The type whose signature the content starts with. */
    public static Optional<FileType> detect(byte[] content) {
        return Arrays.stream(values())
                .filter(t -> content.length >= t.magic.length && Arrays.equals(content, 0, t.magic.length, t.magic, 0, t.magic.length))
                .findFirst();
    }

    /**
     * Whether a client's declared content type agrees with this type: no declaration, the generic
     * {@code application/octet-stream} (what clients send when they do not know), the type itself or an alias.
     */
    boolean agreesWith(String declared) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String base = declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return base.equals("application/octet-stream") || base.equals(contentType) || aliases.contains(base);
    }
}
