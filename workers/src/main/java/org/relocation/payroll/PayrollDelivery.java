package org.relocation.payroll;

/** Which payroll pays the base salary ({@code relocation-compensation.dmn}): home, host, or split by the host share. */
public enum PayrollDelivery { HOME, HOST, SPLIT }
