package org.relocation.processes.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Where each element of an XML model starts: element id to the line and column the parser reports for its start tag
 * (the end of the tag, 1-based). The model API keeps no positions, so problems get theirs from this one SAX pass.
 * DOCTYPEs and external entities are refused, as everywhere else models are read.
 */
public final class ElementLines {

    /** A position in the file; {@code 0:0} when unknown. */
    public record Position(int line, int column) {
        public static final Position UNKNOWN = new Position(0, 0);
    }

    private final Map<String, Position> positions;
    private final Position failure;

    private ElementLines(Map<String, Position> positions, Position failure) {
        this.positions = positions;
        this.failure = failure;
    }

    /** The positions of the elements with an {@code id} attribute; none when the file is no well-formed XML. */
    public static ElementLines of(byte[] xml) {
        Map<String, Position> positions = new HashMap<>();
        Position failure = null;
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newSAXParser().parse(new ByteArrayInputStream(xml), new DefaultHandler() {
                private Locator locator;

                @Override
                public void setDocumentLocator(Locator locator) {
                    this.locator = locator;
                }

                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    String id = attributes.getValue("id");
                    if (id != null && locator != null) {
                        positions.putIfAbsent(id, new Position(locator.getLineNumber(), locator.getColumnNumber()));
                    }
                }
            });
        } catch (SAXParseException e) {
            // not well-formed: the positions read so far, and where reading stopped
            failure = new Position(Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0));
        } catch (SAXException | IOException e) {
            failure = Position.UNKNOWN;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no secure SAX parser", e);
        }
        return new ElementLines(Map.copyOf(positions), failure);
    }

    /** The position of the element with this id, {@link Position#UNKNOWN} when there is none. */
    public Position of(String elementId) {
        return elementId == null ? Position.UNKNOWN : positions.getOrDefault(elementId, Position.UNKNOWN);
    }

    /** Where the file stops being well-formed XML; empty when it is well-formed. */
    public Optional<Position> failure() {
        return Optional.ofNullable(failure);
    }

    /** The line of the element with this id, 0 when unknown. */
    public int line(String elementId) {
        return of(elementId).line();
    }
}
