package org.relocation.platform.engine;

import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variable names a deployment's processes read: every name in an expression (conditions, input/output mappings,
 * assignments, timers), every call-activity mapping source and multi-instance collection, and what the job workers
 * read. A submitted form field the process reads stays a variable (it routes the case); every other field lives on
 * in the case records only. Kept per deployment, which never changes.
 */
@Component
class ProcessReads {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"|&quot;.*?&quot;|&apos;.*?&apos;");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SOURCE = Pattern.compile("(?:source|collection|camunda:collection)=\"([A-Za-z_][A-Za-z0-9_]*)\"");

    private final Map<String, Set<String>> byDeployment = new ConcurrentHashMap<>();
    private final ObjectProvider<CaseWorker> workers;
    private volatile Set<String> workerInputs;

    ProcessReads(ObjectProvider<CaseWorker> workers) {
        this.workers = workers;
    }

    boolean reads(CommandContext context, String deploymentId, String name) {
        return workerInputs().contains(name) || byDeployment.computeIfAbsent(deploymentId, id -> names(context, id)).contains(name);
    }

    private Set<String> workerInputs() {
        Set<String> inputs = workerInputs;
        if (inputs == null) {
            Set<String> all = new HashSet<>();
            workers.orderedStream().forEach(w -> all.addAll(w.inputVariables()));
            workerInputs = inputs = Set.copyOf(all);
        }
        return inputs;
    }

    private static Set<String> names(CommandContext context, String deploymentId) {
        Set<String> names = new HashSet<>();
        for (ResourceEntity resource : context.getResourceManager().findResourcesByDeploymentId(deploymentId)) {
            if (resource.getName() != null && resource.getName().endsWith(".bpmn") && resource.getBytes() != null) {
                names.addAll(namesIn(new String(resource.getBytes(), StandardCharsets.UTF_8)));
            }
        }
        return Set.copyOf(names);
    }

    static Set<String> namesIn(String bpmn) {
        Set<String> names = new HashSet<>();
        Matcher e = EXPRESSION.matcher(bpmn);
        while (e.find()) {
            Matcher n = NAME.matcher(LITERAL.matcher(e.group(1)).replaceAll(" "));
            while (n.find()) {
                names.add(n.group());
            }
        }
        Matcher s = SOURCE.matcher(bpmn);
        while (s.find()) {
            names.add(s.group(1));
        }
        return names;
    }
}
