package org.relocation.platform.deployment;

import org.relocation.processes.model.ModelProblem;
import org.relocation.processes.model.Severity;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Rule {@value #RULE}: a person's deployment says why in its name (Camunda Modeler's "Deployment name", the
 * process-owner page's comment), which the deployment log and Cockpit show: at least {@value #MIN_LENGTH} characters
 * and {@value #MIN_WORDS} words, not a file's name or base name, not the start-up deployment's name. Deployments no
 * person makes (the start-up deployment, the Java API) need none.
 */
public final class DeploymentComment {

    static final String RULE = "comment";
    static final String ELEMENT = "deployment-name";
    public static final int MIN_LENGTH = 10;
    static final int MIN_WORDS = 2;
    static final String SENTENCE = "Say why in the deployment name (at least two words), e.g. 'Legal review before visa filing'";

    private DeploymentComment() {
    }

    /** The problem of a person's deployment name, if it does not say why. */
    public static Optional<ModelProblem> check(String name, Collection<String> files) {
        String n = name == null ? "" : name.strip();
        long words = Arrays.stream(n.split("\\s+")).filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit)).count();
        boolean fileName = files.stream().anyMatch(f -> f != null && (n.equalsIgnoreCase(f) || n.equalsIgnoreCase(baseName(f))));
        if (n.length() >= MIN_LENGTH && words >= MIN_WORDS && !fileName && !DeploymentRecorder.START_UP_NAME.equalsIgnoreCase(n)) {
            return Optional.empty();
        }
        return Optional.of(new ModelProblem(ValidatingDeployer.DEPLOYMENT, ELEMENT, 0, 0, Severity.ERROR, RULE, SENTENCE));
    }

    private static String baseName(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
    }
}
