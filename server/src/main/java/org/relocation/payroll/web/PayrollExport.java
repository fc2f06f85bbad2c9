package org.relocation.payroll.web;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.relocation.ledger.MobilityPayment;
import org.relocation.payroll.PayrollInstruction;
import org.relocation.payroll.PayrollInstructionItem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * What one payroll provider pays, withholds and deducts, as rows. Amounts are always positive; the last column,
 * {@code direction}, says which way each row goes: {@code PAY} (the payroll pays the employee), {@code WITHHOLD} (kept
 * back from each pay: the hypothetical tax) or {@code DEDUCT} (a one-off deduction of money the employee owes: a ledger
 * recovery such as a tax-equalisation settlement owed by the employee, component {@code RECOVERY}, its ledger source
 * reference as the instruction and no version). Written written as CSV (RFC 4180, UTF-8, CRLF; a cell beginning with = + - @ gets
 * a leading ' so a spreadsheet does not run it) or as an XLSX workbook (one sheet, the header frozen, amounts as numbers
 * with the currency's decimals, dates as dates: values are typed cells, never formulas).
 */
final class PayrollExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("case_number", "instruction", "version", "effective_from", "status", "payroll", "component",
            "amount", "currency", "frequency", "start", "end", "taxable", "direction");
    /** Column widths of the sheet, in characters (no font metrics needed on a headless server). */
    private static final int[] WIDTHS = {14, 22, 8, 14, 18, 9, 22, 14, 9, 10, 12, 12, 8, 10};

    /** Which way a row goes (the {@code direction} column). */
    enum Direction { PAY, WITHHOLD, DEDUCT }

    /** One row; {@code version} null for a recovery (no instruction version). */
    record Line(String caseNumber, String instruction, Integer version, LocalDate effectiveFrom, String status, String payroll, String component,
                BigDecimal amount, String currency, String frequency, LocalDate start, LocalDate end, boolean taxable, Direction direction) {

        static Line of(String caseNumber, PayrollInstruction pi, PayrollInstructionItem i) {
            return new Line(caseNumber, pi.getReference(), pi.getInstructionVersion(), pi.getEffectiveFrom(), pi.getStatus().name(),
                    i.getPayroll().name(), i.getComponent().name(), i.getAmount(), i.getCurrency(), i.getFrequency().name(), i.getStart(),
                    i.getEnd(), i.isTaxable(), i.getComponent() == PayrollInstructionItem.Component.HYPOTHETICAL_TAX ? Direction.WITHHOLD : Direction.PAY);
        }

        /** An approved recovery of the ledger that {@code payroll} (HOME or HOST) deducts once, on its due date. */
        static Line recovery(String caseNumber, MobilityPayment p, String payroll) {
            return new Line(caseNumber, p.getSourceReference(), null, p.getDueDate(), p.getStatus().name(), payroll, "RECOVERY",
                    p.money().amount(), p.money().currency().getCurrencyCode(), "ONE_OFF", p.getDueDate(), p.getDueDate(), p.isTaxable(),
                    Direction.DEDUCT);
        }
    }

    private final List<Line> lines = new ArrayList<>();

    void add(Line line) {
        lines.add(line);
    }

    String csv() {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (Line l : lines) {
            sb.append(cell(l.caseNumber())).append(',').append(cell(l.instruction())).append(',').append(l.version() == null ? "" : l.version()).append(',')
                    .append(l.effectiveFrom()).append(',').append(l.status()).append(',').append(l.payroll()).append(',').append(l.component())
                    .append(',').append(l.amount().toPlainString()).append(',').append(l.currency()).append(',').append(l.frequency())
                    .append(',').append(l.start()).append(',').append(l.end() == null ? "" : l.end().toString()).append(',')
                    .append(l.taxable()).append(',').append(l.direction()).append("\r\n");
        }
        return sb.toString();
    }

    byte[] xlsx(String sheetName) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            Row head = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(COLUMNS.get(c));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (Line l : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(l.caseNumber());
                row.createCell(1).setCellValue(l.instruction());
                if (l.version() != null) {
                    row.createCell(2).setCellValue(l.version());
                }
                dateCell(row, 3, l.effectiveFrom(), date);
                row.createCell(4).setCellValue(l.status());
                row.createCell(5).setCellValue(l.payroll());
                row.createCell(6).setCellValue(l.component());
                Cell amount = row.createCell(7);
                amount.setCellValue(l.amount().doubleValue());
                amount.setCellStyle(amountStyle(book, l.currency()));
                row.createCell(8).setCellValue(l.currency());
                row.createCell(9).setCellValue(l.frequency());
                dateCell(row, 10, l.start(), date);
                dateCell(row, 11, l.end(), date);
                row.createCell(12).setCellValue(l.taxable());
                row.createCell(13).setCellValue(l.direction().name());
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the XLSX export could not be written", e);
        }
    }

    private static void dateCell(Row row, int column, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    /** An amount with its currency's decimals (JPY none, EUR two); one style per distinct format, as a workbook shares them. */
    private static CellStyle amountStyle(XSSFWorkbook book, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        String format = digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits);
        short id = book.createDataFormat().getFormat(format);
        for (int s = 0; s < book.getNumCellStyles(); s++) {
            CellStyle existing = book.getCellStyleAt(s);
            if (existing.getDataFormat() == id) {
                return existing;
            }
        }
        CellStyle style = book.createCellStyle();
        style.setDataFormat(id);
        return style;
    }

    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
