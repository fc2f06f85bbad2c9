package org.relocation.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an upload must be: not empty, at most 10 MB, a PDF, JPEG or PNG by its magic bytes, declared (if at all) as what it is. */
class DocumentFileValidationTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "PDF, application/pdf", "PDF, application/octet-stream", "PDF, null", "PDF, application/x-pdf",
            "PNG, image/png", "JPEG, image/jpeg", "JPEG, image/jpg", "JPEG, IMAGE/JPEG; charset=binary"})
    void acceptsTheThreeTypesByContent(String type, String declared) {
        byte[] content = switch (type) {
            case "PDF" -> PDF;
            case "PNG" -> PNG;
            default -> JPEG;
        };
        assertThat(DocumentService.validate(content, declared)).isEqualTo(FileType.valueOf(type));
    }

    @Test
    void refusesOtherContentWhateverItIsDeclaredAs() {
        assertThatThrownBy(() -> DocumentService.validate("just text, %PDF- later".getBytes(StandardCharsets.UTF_8), "application/pdf"))
                .isInstanceOf(InvalidDocumentFileException.class).hasMessage("must be a PDF, JPEG or PNG file; its content is none of these");
        assertThatThrownBy(() -> DocumentService.validate(EXE, "application/octet-stream")).isInstanceOf(InvalidDocumentFileException.class);
        assertThatThrownBy(() -> DocumentService.validate(new byte[]{'%', 'P', 'D'}, "application/pdf")).isInstanceOf(InvalidDocumentFileException.class);
    }

    @Test
    void refusesContentDeclaredAsAnotherType() {
        assertThatThrownBy(() -> DocumentService.validate(PNG, "application/pdf"))
                .isInstanceOf(InvalidDocumentFileException.class).hasMessage("is declared as application/pdf but its content is a PNG image");
        assertThatThrownBy(() -> DocumentService.validate(PDF, "text/plain")).isInstanceOf(InvalidDocumentFileException.class);
    }

    @Test
    void refusesEmptyAndTooLargeFiles() {
        assertThatThrownBy(() -> DocumentService.validate(new byte[0], "application/pdf")).hasMessage("is empty");
        assertThatThrownBy(() -> DocumentService.validate(null, null)).hasMessage("is empty");
        byte[] large = Arrays.copyOf(PDF, (int) DocumentService.MAX_FILE_BYTES + 1);
        assertThatThrownBy(() -> DocumentService.validate(large, "application/pdf")).hasMessageContaining("larger than 10 MB");
        byte[] limit = Arrays.copyOf(PDF, (int) DocumentService.MAX_FILE_BYTES);
        assertThat(DocumentService.validate(limit, "application/pdf")).isEqualTo(FileType.PDF);
    }
}
