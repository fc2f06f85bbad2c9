package org.relocation.approval;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.policy.PolicyService;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Topic route-approval: the approvals this round needs, from the routing decision table. Sets
 * {@code financeApprovalRequired}, {@code secondLevelApprovalRequired}, {@code exceptionCount} and
 * {@code exceptionIds} (comma-separated ids of the exceptions the HR lead decides), and resets {@code approvalOutcome}.
 */
@Component
class RouteApprovalWorker extends CaseWorker {

    private final ApprovalService approvals;

    RouteApprovalWorker(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public String topic() {
        return "route-approval";
    }

    @Override
    public List<String> outputVariables() {
        return List.of("financeApprovalRequired", "secondLevelApprovalRequired", "exceptionCount", "exceptionIds", "approvalOutcome");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        ApprovalService.Routing routing = approvals.route(task.caseId());
        Map<String, Object> v = new HashMap<>();
        v.put("financeApprovalRequired", routing.route().needs(PolicyService.Route.FINANCE));
        v.put("secondLevelApprovalRequired", routing.route().needs(PolicyService.Route.SECOND_LEVEL));
        v.put("exceptionCount", routing.exceptionIds().size());
        v.put("exceptionIds", ApprovalService.ids(routing.exceptionIds()));
        v.put("approvalOutcome", "pending");
        return v;
    }
}
