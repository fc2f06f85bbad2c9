package org.relocation.platform.dmn;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.dmn.engine.DmnDecision;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.dmn.engine.DmnEngine;
import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;
import org.operaton.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.operaton.bpm.dmn.feel.impl.FeelException;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.engine.variable.VariableMap;
import org.operaton.bpm.engine.variable.Variables;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The FEEL engine that keeps parsed expressions decides exactly as Operaton's own, and parses each text once. */
class ParsedFeelEngineTest {

    private final ParsedFeelEngine parsedFeel = new ParsedFeelEngine(List.of());
    private final DmnEngine parsed = dmnEngine(parsedFeel);
    private final DmnEngine operatons = dmnEngine(null);

    private static DmnEngine dmnEngine(ParsedFeelEngine feel) {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        if (feel != null) {
            configuration.setFeelEngineFactory(() -> feel);
        }
        return configuration.buildEngine();
    }

    private static InputStream eligibility() {
        return ParsedFeelEngineTest.class.getResourceAsStream("/processes/relocation-eligibility.dmn");
    }

    @Test
    void decidesTheEligibilityTableAsOperatonsFeelForEveryCombinationOfInputs() {
        DmnDecision withCache = parsed.parseDecision("relocation-eligibility", eligibility());
        DmnDecision without = operatons.parseDecision("relocation-eligibility", eligibility());
        List<String> types = Arrays.asList("SHORT_TERM", "LONG_TERM", "PERMANENT_TRANSFER", "LOCAL_HIRE", "EXTENDED_BUSINESS_TRAVELLER", "OTHER", null);
        List<Integer> grades = Arrays.asList(null, 0, 1, 2, 3, 4, 12);
        List<Integer> months = Arrays.asList(null, 0, 1, 11, 12, 13, 24, 25, 60, 61);
        List<Boolean> international = Arrays.asList(true, false, null);

        int evaluations = 0;
        for (int round = 0; round < 2; round++) {
            for (String type : types) {
                for (Integer grade : grades) {
                    for (Integer m : months) {
                        for (Boolean i : international) {
                            VariableMap variables = Variables.createVariables().putValue("assignmentType", type)
                                    .putValue("gradeLevel", grade).putValue("durationMonths", m).putValue("international", i);
                            assertThat(outcome(parsed, withCache, variables))
                                    .as("%s, grade %s, %s months, international %s", type, grade, m, i)
                                    .isEqualTo(outcome(operatons, without, variables));
                            evaluations++;
                        }
                    }
                }
            }
            if (round == 0) {
                assertThat(parsedFeel.cachedExpressions()).isPositive();
            }
        }
        int kept = parsedFeel.cachedExpressions();
        assertThat(evaluations).isEqualTo(2 * 7 * 7 * 10 * 3);
        // parsed once per text of the table (input expressions, input entries, output entries), not per evaluation
        assertThat(kept).isLessThanOrEqualTo(textsOf("/processes/relocation-eligibility.dmn"));
        parsed.evaluateDecision(withCache, Variables.createVariables().putValue("assignmentType", "LONG_TERM")
                .putValue("gradeLevel", 5).putValue("durationMonths", 30).putValue("international", true));
        assertThat(parsedFeel.cachedExpressions()).isEqualTo(kept);
    }

    private static int textsOf(String resource) {
        try (InputStream in = ParsedFeelEngineTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).split("<text>", -1).length - 1;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The matched rules' outputs, or the failure's message: an evaluation that fails must fail alike. */
    private static Object outcome(DmnEngine engine, DmnDecision decision, VariableMap variables) {
        try {
            DmnDecisionResult result = engine.evaluateDecision(decision, variables);
            return new ArrayList<>(result.getResultList());
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void anInputEntryThatDoesNotParseFailsWithFeelsMessageEveryTimeAndIsNotKept() {
        String table = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="test">
                  <decision id="broken" name="Broken">
                    <decisionTable id="t">
                      <input id="i"><inputExpression id="ie" typeRef="integer"><text>grade</text></inputExpression></input>
                      <output id="o" name="band" typeRef="string" />
                      <rule id="r">
                        <inputEntry id="r-i"><text>&gt;&gt; 3 ]</text></inputEntry>
                        <outputEntry id="r-o"><text>"high"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        DmnDecision withCache = parsed.parseDecision("broken", new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)));
        DmnDecision without = operatons.parseDecision("broken", new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)));
        VariableMap variables = Variables.createVariables().putValue("grade", 4);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> parsed.evaluateDecision(withCache, variables)).isInstanceOf(FeelException.class)
                    .hasMessage(catchMessage(() -> operatons.evaluateDecision(without, variables)));
        }
        assertThat(parsedFeel.cachedExpressions()).isEqualTo(1); // the input expression "grade" only
    }

    private static String catchMessage(Runnable r) {
        try {
            r.run();
        } catch (FeelException e) {
            return e.getMessage();
        }
        throw new AssertionError("Operaton's FEEL accepted the broken entry");
    }

    private static ProcessEngineConfigurationImpl engineConfiguration() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:parsed-feel-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) new StandaloneProcessEngineConfiguration()
                .setDataSource(dataSource)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false);
        config.setProcessEngineName("parsed-feel-" + System.nanoTime());
        config.setProcessEnginePlugins(List.<ProcessEnginePlugin>of(new ParsedFeelConfiguration().parsedFeelPlugin()));
        return config;
    }

    @Test
    void anEngineConfiguredForTheLegacyFeelKeepsIt() {
        ProcessEngineConfigurationImpl config = engineConfiguration();
        config.setDmnFeelEnableLegacyBehavior(true); // read by the factory when the DMN engine is built
        ProcessEngine engine = config.buildProcessEngine();
        try {
            assertThat(config.getDmnEngineConfiguration().getFeelEngine())
                    .isInstanceOf(org.operaton.bpm.dmn.feel.impl.juel.FeelEngineImpl.class);
        } finally {
            engine.close();
        }
    }

    @Test
    void theEnginePluginGivesTheProcessEnginesDecisionsThisFeel() {
        ProcessEngineConfigurationImpl config = engineConfiguration();
        ProcessEngine engine = config.buildProcessEngine();
        try {
            assertThat(config.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedFeelEngine.class);
            engine.getRepositoryService().createDeployment().addInputStream("relocation-eligibility.dmn", eligibility()).deploy();
            var result = engine.getDecisionService().evaluateDecisionByKey("relocation-eligibility")
                    .variables(Variables.createVariables().putValue("assignmentType", "LONG_TERM").putValue("gradeLevel", 5)
                            .putValue("durationMonths", 30).putValue("international", true))
                    .evaluate();
            assertThat((Object) result.getSingleResult().getEntry("eligible")).isEqualTo(true);
            assertThat(((ParsedFeelEngine) config.getDmnEngineConfiguration().getFeelEngine()).cachedExpressions()).isPositive();
        } finally {
            engine.close();
        }
    }
}
