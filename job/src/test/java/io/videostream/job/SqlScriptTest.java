package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.job.cli.Args;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void aScriptIsSplitAtSemicolonsOutsideStringsNamesAndComments() {
        String script = """
                CREATE TABLE a (`we;ird` STRING) WITH ('k' = 'a;b', 'q' = 'it''s; fine');
                -- a comment; with a semicolon
                SELECT "x;y" FROM a /* not ; here */;
                /* only a comment; */
                -- and another
                """;
        assertThat(SqlScript.statements(script)).containsExactly(
                "CREATE TABLE a (`we;ird` STRING) WITH ('k' = 'a;b', 'q' = 'it''s; fine')",
                "-- a comment; with a semicolon\nSELECT \"x;y\" FROM a /* not ; here */");
    }

    @Test
    void theLastStatementNeedsNoSemicolonAndBlankPiecesAreNone() {
        assertThat(SqlScript.statements(";;\n SHOW TABLES ;\n\nSELECT 1")).isEqualTo(List.of("SHOW TABLES", "SELECT 1"));
    }

    @Test
    void aStatementsKeywordComesAfterItsComments() {
        assertThat(SqlScript.keyword("-- counts\n/* people */ insert INTO t SELECT 1")).isEqualTo("INSERT");
        assertThat(SqlScript.keyword("SELECT 1")).isEqualTo("SELECT");
        assertThat(SqlScript.keyword("-- nothing")).isEmpty();
    }

    @Test
    void aScriptMustBeGivenAndReadable() {
        assertThatThrownBy(() -> SqlScript.Options.parse(null, new Args())).hasMessage("give the SQL file: videostream sql FILE");
        assertThatThrownBy(() -> SqlScript.Options.parse("no-such.sql", new Args()))
                .hasMessage("cannot read the SQL file no-such.sql");
    }
}
