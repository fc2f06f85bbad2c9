-- Delivery and rating of a service order (issue 17, org.relocation.vendor.ServiceDeliveries,
-- POST /api/cases/{caseId}/service-orders/{reference}/delivery): the case's employee, or a mobility specialist or admin
-- on their behalf, confirms the day a confirmed order was delivered and rates it 1-5 with an optional comment (at most
-- 500 characters; about the service, no personal data needed). One row per order (uk_delivery_order: a second
-- confirmation is refused, also when two arrive at the same moment). Vendor performance (/api/vendors/performance)
-- reads delivered_on against the vendor's delivery SLA and the ratings. A table of its own, so the order's columns stay
-- the vendor's answer. Portable across H2 and MySQL 8 / MariaDB 10.11.
CREATE TABLE service_delivery (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    service_order_id  BIGINT        NOT NULL,
    case_id           BIGINT        NOT NULL,
    delivered_on      DATE          NOT NULL,
    rating            INT           NOT NULL,
    rating_comment    VARCHAR(500),
    confirmed_by      VARCHAR(64)   NOT NULL,
    confirmed_at      DATETIME(6)   NOT NULL,
    CONSTRAINT uk_delivery_order UNIQUE (service_order_id),
    CONSTRAINT fk_delivery_order FOREIGN KEY (service_order_id) REFERENCES service_order (id),
    CONSTRAINT ck_delivery_rating CHECK (rating BETWEEN 1 AND 5)
);
CREATE INDEX ix_delivery_case ON service_delivery (case_id);
