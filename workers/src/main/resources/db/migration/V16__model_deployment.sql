-- The deployment log (issue 14, docs/process-owners.md "Who deployed what"): one row per new engine deployment,
-- whichever route it took (the process-owner page, the engine REST API Camunda Modeler calls, the start-up
-- deployment, the Java API), written in the deployment's own transaction, so a refused deployment leaves none. Who
-- (the engine user, or "system"), when, why (the deployment name: a person must say why in it), the resources deployed
-- (JSON [{name,kind,key,version,definitionId,sha256}]) and the validator's warnings (JSON [{file,elementId,rule,
-- message}]); both TEXT: 64 KB on MySQL/MariaDB, the log keeps at most 50 warnings. Rows are only ever inserted.
-- Model content only: no personal data.
CREATE TABLE model_deployment (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    deployment_id    VARCHAR(64)   NOT NULL,
    deployment_name  VARCHAR(255),
    route            VARCHAR(20)   NOT NULL,
    source           VARCHAR(255),
    deployed_by      VARCHAR(64)   NOT NULL,
    deployed_at      DATETIME(6)   NOT NULL,
    comment          VARCHAR(255)  NOT NULL,
    resources        TEXT          NOT NULL,
    warnings         TEXT          NOT NULL,
    CONSTRAINT uk_model_deployment UNIQUE (deployment_id)
);
CREATE INDEX ix_model_deployment_time ON model_deployment (deployed_at);
