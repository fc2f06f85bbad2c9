package org.relocation.platform.dmn;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.operaton.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.operaton.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.operaton.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The engine's FEEL (Scala) for DMN, keeping what it parsed: Operaton's {@link ScalaFeelEngine} parses every input
 * entry and expression of a decision table again on each evaluation (on the journey benchmark the policy decisions of
 * each case took 10% of the server's CPU, 4% in FEEL's parser). Here each expression text is parsed once and
 * its syntax tree, which is immutable, is evaluated with the variables of each call: the same results and the same
 * failures as before. Texts that do not parse are not kept: they fail as they did, with FEEL's message. A redeployed
 * table brings its own texts; the cache is emptied when it holds {@value #MAX_ENTRIES} of them.
 */
class ParsedFeelEngine extends ScalaFeelEngine {

    static final int MAX_ENTRIES = 10_000;

    ParsedFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    /** How many expression texts are kept parsed. */
    int cachedExpressions() {
        return ((Parsed) feelEngineApi).size();
    }

    @Override
    protected FeelEngineApi buildFeelEngineApi(CustomFunctionTransformer transformer, ValueMapper.CompositeValueMapper valueMapper) {
        return new Parsed(super.buildFeelEngineApi(transformer, valueMapper));
    }

    /** The FEEL API the Scala engine calls, parsing through the cache; everything else goes to FEEL's own API. */
    static final class Parsed extends FeelEngineApi {

        private final FeelEngineApi feel;
        private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
        private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();

        Parsed(FeelEngineApi feel) {
            super(null); // FEEL's API keeps only the engine it is given; every method used here goes to feel
            this.feel = feel;
        }

        @Override
        public EvaluationResult evaluateUnaryTests(String expression, Object input, Context context) {
            ParsedExpression parsed = parsed(unaryTests, expression, feel::parseUnaryTests);
            return parsed == null ? feel.evaluateUnaryTests(expression, input, context) : feel.evaluateWithInput(parsed, input, context);
        }

        @Override
        public EvaluationResult evaluateExpression(String expression, Context context) {
            ParsedExpression parsed = parsed(expressions, expression, feel::parseExpression);
            return parsed == null ? feel.evaluateExpression(expression, context) : feel.evaluate(parsed, context);
        }

        @Override
        public ParseResult parseExpression(String expression) {
            return feel.parseExpression(expression);
        }

        @Override
        public ParseResult parseUnaryTests(String expression) {
            return feel.parseUnaryTests(expression);
        }

        @Override
        public EvaluationResult evaluate(ParsedExpression expression, Context context) {
            return feel.evaluate(expression, context);
        }

        @Override
        public EvaluationResult evaluate(ParsedExpression expression, Map<String, Object> variables) {
            return feel.evaluate(expression, variables);
        }

        @Override
        public EvaluationResult evaluateWithInput(ParsedExpression expression, Object input, Context context) {
            return feel.evaluateWithInput(expression, input, context);
        }

        @Override
        public EvaluationResult evaluateExpression(String expression, Map<String, Object> variables) {
            return feel.evaluateExpression(expression, variables);
        }

        @Override
        public EvaluationResult evaluateUnaryTests(String expression, Object input, Map<String, Object> variables) {
            return feel.evaluateUnaryTests(expression, input, variables);
        }

        @Override
        public EvaluationResult evaluate(ParsedExpression expression, camundajar.impl.scala.collection.immutable.Map<String, Object> variables) {
            return feel.evaluate(expression, variables);
        }

        @Override
        public EvaluationResult evaluateWithInput(ParsedExpression expression, Object input, Map<String, Object> variables) {
            return feel.evaluateWithInput(expression, input, variables);
        }

        @Override
        public EvaluationResult evaluateWithInput(ParsedExpression expression, Object input, camundajar.impl.scala.collection.immutable.Map<String, Object> variables) {
            return feel.evaluateWithInput(expression, input, variables);
        }

        @Override
        public EvaluationResult evaluateExpression(String expression, camundajar.impl.scala.collection.immutable.Map<String, Object> variables) {
            return feel.evaluateExpression(expression, variables);
        }

        @Override
        public EvaluationResult evaluateUnaryTests(String expression, Object input, camundajar.impl.scala.collection.immutable.Map<String, Object> variables) {
            return feel.evaluateUnaryTests(expression, input, variables);
        }

        int size() {
            return unaryTests.size() + expressions.size();
        }

        private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String text, Function<String, ParseResult> parser) {
            if (text == null) {
                return null;
            }
            ParsedExpression parsed = cache.get(text);
            if (parsed == null) {
                ParseResult result = parser.apply(text);
                if (!result.isSuccess()) {
                    return null;
                }
                parsed = result.parsedExpression();
                if (cache.size() >= MAX_ENTRIES) {
                    cache.clear();
                }
                cache.put(text, parsed);
            }
            return parsed;
        }
    }
}
