package org.relocation.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.rest.mapper.JacksonConfigurator;
import org.operaton.bpm.spring.boot.starter.rest.OperatonJerseyResourceConfig;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

@ServerTest
class EngineRestResourcesTest {

    @LocalServerPort
    int port;

    @Autowired
    OperatonJerseyResourceConfig restConfig;

    @Test
    void theEngineRestApiSharesOneMapperConfiguredLikeItsOwn() throws Exception {
        assertThat(restConfig).isInstanceOf(EngineRestResources.class);
        assertThat(restConfig.getClasses()).doesNotContain(JacksonConfigurator.class);
        EngineRestResources.SharedObjectMapper resolver = restConfig.getInstances().stream()
                .filter(EngineRestResources.SharedObjectMapper.class::isInstance).map(EngineRestResources.SharedObjectMapper.class::cast)
                .findFirst().orElseThrow();

        ObjectMapper shared = resolver.getContext(Object.class);
        assertThat(resolver.getContext(String.class)).isSameAs(shared);
        ObjectMapper own = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
        Date date = new Date(1_790_000_000_000L);
        assertThat(shared.writeValueAsString(date)).isEqualTo(own.writeValueAsString(date));
        assertThat(shared.getSerializationConfig().getSerializationFeatures()).isEqualTo(own.getSerializationConfig().getSerializationFeatures());
        assertThat(shared.getDeserializationConfig().getDeserializationFeatures()).isEqualTo(own.getDeserializationConfig().getDeserializationFeatures());
    }

    @Test
    void theApiStillAnswersInItsOwnDateFormat() {
        ResponseEntity<JsonNode> deployments = Api.as(port, "admin").get("/engine-rest/deployment?sortBy=deploymentTime&sortOrder=desc");

        assertThat(deployments.getStatusCode().value()).isEqualTo(200);
        assertThat(deployments.getBody()).isNotEmpty();
        String time = deployments.getBody().get(0).get("deploymentTime").asText();
        assertThat(OffsetDateTime.parse(time, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))).isNotNull();
    }
}
