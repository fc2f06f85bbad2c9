package org.relocation.immigration;

import org.relocation.relocationcase.Relationship;
import org.relocation.relocationcase.Traveller;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words a person reads for a checklist document and its traveller: "Passport copy" for {@code passport-copy}, and
 * "Employee", "Partner", "Child 1" for the travellers (the relationship, numbered among several children; never a
 * name, which is personal data).
 */
public final class DocumentLabels {

    private DocumentLabels() {
    }

    /** {@code passport-copy} → "Passport copy" (the catalogue's document types are kebab-case words). */
    public static String type(String documentType) {
        if (documentType == null || documentType.isBlank()) {
            return "Document";
        }
        String words = documentType.trim().replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * Traveller id → label: "Employee", "Partner", "Child" ("Child 1", "Child 2" among several children, numbered in the
     * order they were added); within a sentence ({@code inSentence}) "the employee", "the partner", "child 1".
     */
    public static Map<Long, String> travellers(List<Traveller> travellers, boolean inSentence) {
        List<Traveller> sorted = travellers.stream().sorted(Comparator.comparing(Traveller::getId)).toList();
        long children = sorted.stream().filter(t -> t.getRelationship() == Relationship.CHILD).count();
        Map<Long, String> labels = new HashMap<>();
        int child = 0;
        for (Traveller t : sorted) {
            String relationship = t.getRelationship().name().toLowerCase(Locale.ROOT);
            String label;
            if (t.getRelationship() == Relationship.CHILD && children > 1) {
                label = (inSentence ? "child " : "Child ") + ++child;
            } else if (inSentence) {
                label = "the " + relationship;
            } else {
                label = Character.toUpperCase(relationship.charAt(0)) + relationship.substring(1);
            }
            labels.put(t.getId(), label);
        }
        return labels;
    }
}
