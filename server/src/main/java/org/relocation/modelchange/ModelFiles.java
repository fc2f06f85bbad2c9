package org.relocation.modelchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of a change as uploaded: BPMN ({@code .bpmn}), DMN ({@code .dmn}) and form-js ({@code .form}) files, or one
 * or more zips of them. A zip's entries are taken by their file names (folders flattened); folders, and the hidden files
 * archivers add ({@code __MACOSX/}, {@code .DS_Store}), are skipped. Anything else is refused naming {@code files}.
 */
public final class ModelFiles {

    static final String FILES = "files";
    static final int MAX_FILES = 200;
    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

    /** One uploaded file: its name as the client sent it, and its content. */
    public record Upload(String name, byte[] content) {
    }

    private ModelFiles() {
    }

    /** File name → content, in upload order. */
    public static Map<String, byte[]> read(List<Upload> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            throw invalid("is required: send one or more .bpmn, .dmn or .form files, or a .zip of them, as multipart/form-data parts named files");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        long[] total = {0};
        for (Upload upload : uploads) {
            String name = baseName(upload.name());
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                unzip(name, upload.content(), files, total);
            } else {
                add(name, upload.content(), files, total);
            }
        }
        if (files.isEmpty()) {
            throw invalid("holds no .bpmn, .dmn or .form file");
        }
        return files;
    }

    /** A model's kind by its file name: process, decision or form. */
    public static String kind(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".bpmn") ? ChangeReport.PROCESS : name.endsWith(".dmn") ? ChangeReport.DECISION : ChangeReport.FORM;
    }

    private static void unzip(String zip, byte[] content, Map<String, byte[]> files, long[] total) {
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(content == null ? new byte[0] : content))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = baseName(entry.getName());
                if (entry.isDirectory() || entry.getName().contains("__MACOSX/") || name.startsWith(".")) {
                    continue;
                }
                if (++entries > MAX_FILES) {
                    throw invalid(zip + " holds more than " + MAX_FILES + " files");
                }
                if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    throw invalid(zip + " holds a zip (" + name + "): put the models themselves into one zip");
                }
                add(name, readLimited(in, zip, total), files, total);
            }
        } catch (ZipException e) {
            throw invalid(zip + " is not a readable zip");
        } catch (IOException e) {
            throw invalid(zip + " could not be read");
        }
        if (entries == 0) {
            throw invalid(zip + " is empty or not a zip");
        }
    }

    private static byte[] readLimited(InputStream in, String zip, long[] total) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            if (total[0] + out.size() + n > MAX_BYTES) {
                throw invalid(zip + " unpacks to more than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void add(String name, byte[] content, Map<String, byte[]> files, long[] total) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".bpmn") || lower.endsWith(".dmn") || lower.endsWith(".form"))) {
            throw invalid(name.isEmpty() ? "has a part without a file name" : name + " is not a .bpmn, .dmn or .form file (nor a .zip of them)");
        }
        if (!NAME.matcher(name).matches()) {
            throw invalid(name + " is no plain file name: letters, digits, dots, hyphens and underscores only");
        }
        if (content == null || content.length == 0) {
            throw invalid(name + " is empty");
        }
        if (files.containsKey(name)) {
            throw invalid(name + " is there twice: send each file once");
        }
        total[0] += content.length;
        if (total[0] > MAX_BYTES) {
            throw invalid("are larger than " + MAX_BYTES / (1024 * 1024) + " MB together");
        }
        files.put(name, content);
    }

    private static String baseName(String name) {
        String n = name == null ? "" : name.trim();
        return n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    }

    private static InvalidModelChangeException invalid(String message) {
        return new InvalidModelChangeException(FILES, message);
    }
}
