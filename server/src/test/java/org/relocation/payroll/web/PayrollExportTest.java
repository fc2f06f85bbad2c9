package org.relocation.payroll.web;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The export's two formats from the same lines: CSV as text, XLSX read back with POI. */
class PayrollExportTest {

    private static PayrollExport threeLines() {
        PayrollExport export = new PayrollExport();
        export.add(new PayrollExport.Line("RC-2027-0001", "PI-RC-2027-0001-2", 2, LocalDate.of(2027, 3, 1), "FINANCE_CONFIRMED", "HOST", "HOUSING",
                new BigDecimal("3200.00"), "EUR", "MONTHLY", LocalDate.of(2027, 3, 1), LocalDate.of(2029, 2, 28), true, PayrollExport.Direction.PAY));
        export.add(new PayrollExport.Line("=HYPERLINK(\"x\")", "PI-2", 1, LocalDate.of(2027, 4, 1), "SENT", "HOME", "RELOCATION_ALLOWANCE",
                new BigDecimal("150000"), "JPY", "ONE_OFF", LocalDate.of(2027, 4, 1), null, false, PayrollExport.Direction.PAY));
        export.add(new PayrollExport.Line("RC-2027-0001", "TAX-SETTLEMENT-7", null, LocalDate.of(2027, 5, 3), "APPROVED", "HOME", "RECOVERY",
                new BigDecimal("2899.60"), "GBP", "ONE_OFF", LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 3), false, PayrollExport.Direction.DEDUCT));
        return export;
    }

    @Test
    void csvHasTheHeaderOneLinePerItemAndDefusesFormulas() {
        String csv = threeLines().csv();
        assertThat(csv.split("\r\n")).containsExactly(
                "case_number,instruction,version,effective_from,status,payroll,component,amount,currency,frequency,start,end,taxable,direction",
                "RC-2027-0001,PI-RC-2027-0001-2,2,2027-03-01,FINANCE_CONFIRMED,HOST,HOUSING,3200.00,EUR,MONTHLY,2027-03-01,2029-02-28,true,PAY",
                "\"'=HYPERLINK(\"\"x\"\")\",PI-2,1,2027-04-01,SENT,HOME,RELOCATION_ALLOWANCE,150000,JPY,ONE_OFF,2027-04-01,,false,PAY",
                "RC-2027-0001,TAX-SETTLEMENT-7,,2027-05-03,APPROVED,HOME,RECOVERY,2899.60,GBP,ONE_OFF,2027-05-03,2027-05-03,false,DEDUCT");
    }

    @Test
    void xlsxHasTypedCellsAFrozenHeaderAndNoFormulas() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(threeLines().xlsx("Payroll DE")))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = book.getSheet("Payroll DE");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            Row head = sheet.getRow(0);
            for (int c = 0; c < PayrollExport.COLUMNS.size(); c++) {
                assertThat(head.getCell(c).getStringCellValue()).isEqualTo(PayrollExport.COLUMNS.get(c));
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            DataFormatter shown = new DataFormatter(java.util.Locale.UK);

            Row eur = sheet.getRow(1);
            assertThat(eur.getCell(0).getStringCellValue()).isEqualTo("RC-2027-0001");
            assertThat(eur.getCell(2).getNumericCellValue()).isEqualTo(2);
            assertThat(eur.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 1));
            assertThat(shown.formatCellValue(eur.getCell(3))).isEqualTo("2027-03-01");
            assertThat(eur.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(eur.getCell(7).getNumericCellValue()).isEqualTo(3200.00);
            assertThat(shown.formatCellValue(eur.getCell(7))).isEqualTo("3,200.00");
            assertThat(eur.getCell(11).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2029, 2, 28));
            assertThat(eur.getCell(12).getBooleanCellValue()).isTrue();

            Row jpy = sheet.getRow(2);
            assertThat(jpy.getCell(0).getCellType()).as("a formula-looking value stays text").isEqualTo(CellType.STRING);
            assertThat(jpy.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
            assertThat(shown.formatCellValue(jpy.getCell(7))).as("JPY has no decimals").isEqualTo("150,000");
            assertThat(jpy.getCell(11).getCellType()).as("no end date").isEqualTo(CellType.BLANK);
            assertThat(jpy.getCell(12).getBooleanCellValue()).isFalse();
            assertThat(jpy.getCell(13).getStringCellValue()).isEqualTo("PAY");

            Row recovery = sheet.getRow(3);
            assertThat(recovery.getCell(2)).as("a recovery has no instruction version").isNull();
            assertThat(recovery.getCell(6).getStringCellValue()).isEqualTo("RECOVERY");
            assertThat(recovery.getCell(7).getNumericCellValue()).as("positive: the direction says it is deducted").isEqualTo(2899.60);
            assertThat(recovery.getCell(13).getStringCellValue()).isEqualTo("DEDUCT");
        }
    }
}
