package io.jingda.system;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetsTest {

    @Test
    void aCellThatWouldRunAsAFormulaIsPrefixedOnceAndReadBackAsWritten() {
        for (String s : List.of("=1+1", "+1", "-5", "@SUM(A1)", "\tx", "\rx", "\0x")) {
            String guarded = Spreadsheets.guard(s);
            assertThat(guarded).isEqualTo("'" + s);
            assertThat(Spreadsheets.guard(guarded)).isEqualTo(guarded);
            assertThat(Spreadsheets.unguard(guarded)).isEqualTo(s);
        }
        assertThat(Spreadsheets.guard("plain")).isEqualTo("plain");
        assertThat(Spreadsheets.guard(null)).isEmpty();
        assertThat(Spreadsheets.unguard("'quoted")).isEqualTo("'quoted");
    }

    @Test
    void csvHasABomCrlfLinesGuardedTextAndAnEmptyLineBetweenSheets() {
        byte[] csv = Spreadsheets.csv(List.of(
                Spreadsheets.Sheet.of("A", List.of("n", "text"), List.of(List.of(1, "=cmd"), List.of(-2, "a,b"))),
                Spreadsheets.Sheet.of("B", List.of("x"), List.of(List.of("y")))));
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFn,text\r\n1,'=cmd\r\n-2,\"a,b\"\r\n\r\nx\r\ny\r\n");
    }

    @Test
    void xlsxIsAZipWorkbook() {
        byte[] xlsx = Spreadsheets.xlsx(List.of(Spreadsheets.Sheet.of("S", List.of("h"), List.of(List.of("=x"), List.of(3)))));
        assertThat(xlsx).startsWith(new byte[] {'P', 'K'});
    }

    @Test
    void sha256HexAndFold() {
        assertThat(Hashing.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Text.fold("ＡＢＣ１２３")).isEqualTo("abc123");
    }
}
