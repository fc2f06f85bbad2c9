package org.relocation.modelchange.web;

/** The one OpenAPI tag of the process owners' API (/api/model-changes), shared by its controllers: one name, one description. */
public final class ModelChangeTag {

    public static final String NAME = "Model changes";
    public static final String DESCRIPTION = "Process owners change the journey's models: see what is deployed (versions, running "
            + "instances, pinned cases), download a version, validate a change and compare it with the deployed versions (a dry run "
            + "of the rules every deployment gets), deploy it with a comment saying why, read the deployment log, and migrate running "
            + "cases. Process owners and admins only; HTTP Basic, or the Tasklist's session with the header X-Requested-With (the "
            + "product's pages).";

    private ModelChangeTag() {
    }
}
