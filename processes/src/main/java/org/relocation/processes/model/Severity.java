package org.relocation.processes.model;

/** How much a problem of a model weighs: an error refuses the deployment, a warning is reported and kept. */
public enum Severity {
    ERROR,
    WARNING
}
