package org.relocation.approval.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ApprovalWebConfiguration {

    @Bean
    FilterRegistrationBean<ApprovalBriefFilter> approvalBriefFilter(ApprovalBrief brief, ProcessEngine engine, ObjectMapper json) {
        FilterRegistrationBean<ApprovalBriefFilter> bean = new FilterRegistrationBean<>(new ApprovalBriefFilter(brief, engine, json));
        bean.addUrlPatterns("/engine-rest/*", "/operaton/api/engine/*");
        bean.setOrder(1); // after Spring Security (-100) and the form submission guard (0)
        return bean;
    }
}
