package io.videostream.job;

import io.videostream.job.cli.Args;
import io.videostream.job.cli.Flags;
import io.videostream.job.cli.Usage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * {@code videostream sql FILE}: a SQL script's statements, in order, in Flink's Table API: DDL and
 * {@code SET 'key' = 'value'} take effect, a query (SELECT, SHOW, EXPLAIN...) prints its rows as they
 * come in the tableau form of Flink's SQL client, an INSERT (or a statement set) starts its job. The
 * run lasts until every job it started has ended.
 */
public final class SqlScript {
    public static final Usage USAGE = new Usage("sql FILE [flags]",
            "runs the SQL statements of FILE (separated by ';') in order: tables with 'connector' = 'zeromq' read "
                    + "and write pystreaming frames; a query prints its rows as they come; the run ends when every "
                    + "query and INSERT has ended (a stream's STOPSTREAM ends the tables that read it)",
            List.of(Flags.PARALLELISM.explained("the queries' parallelism")));

    /** The script's settings. */
    public record Options(Path file, int parallelism) {
        /** @param script the file, the argument before the flags (null if none was given) */
        public static Options parse(String script, Args args) {
            if (script == null) {
                throw new IllegalArgumentException("give the SQL file: videostream sql FILE");
            }
            Path file = Path.of(script);
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read the SQL file " + file);
            }
            return new Options(file, args.parallelism());
        }
    }

    /** Statements that start a job whose rows go to tables: the run waits for it at the end. */
    private static final Set<String> DML = Set.of("INSERT", "EXECUTE", "BEGIN");
    /** {@code SET 'key' = 'value'}, as Flink's SQL client takes it (the quotes optional). */
    private static final Pattern SET = Pattern.compile("(?is)SET\\s+'?([^'\\s=]+)'?\\s*=\\s*'?(.*?)'?\\s*");
    private static final Pattern WORD = Pattern.compile("^[A-Za-z]+");

    private final Options options;

    public SqlScript(Options options) {
        this.options = options;
    }

    /** Runs the statements, printing what they print to {@code out}. */
    public void run(StreamExecutionEnvironment env, PrintStream out) throws Exception {
        env.setParallelism(options.parallelism());
        FrameJobs.configure(env);
        StreamTableEnvironment sql = StreamTableEnvironment.create(env);
        List<JobClient> started = new ArrayList<>();
        for (String statement : statements(Files.readString(options.file()))) {
            String keyword = keyword(statement);
            Matcher set = SET.matcher(withoutLeadingComments(statement));
            if (keyword.equals("SET") && set.matches()) {
                sql.getConfig().getConfiguration().setString(set.group(1), set.group(2));
                continue;
            }
            TableResult result = sql.executeSql(statement);
            if (DML.contains(keyword)) {
                JobClient job = result.getJobClient().orElseThrow();
                out.println("started job " + job.getJobID() + ": " + firstLine(statement));
                started.add(job);
            } else if (result.getResultKind() == ResultKind.SUCCESS_WITH_CONTENT) {
                result.print();
            }
        }
        for (JobClient job : started) {
            job.getJobExecutionResult().get();
        }
    }

    /** The first word of a statement, after comments, in capitals. */
    static String keyword(String statement) {
        Matcher word = WORD.matcher(withoutLeadingComments(statement));
        return word.find() ? word.group().toUpperCase(Locale.ROOT) : "";
    }

    /** The statement from its first word on: the blanks and comments before it left out. */
    private static String withoutLeadingComments(String statement) {
        String code = statement.strip();
        while (code.startsWith("--") || code.startsWith("/*")) {
            int end = code.startsWith("--") ? closing(code, 2, "\n") : closing(code, 2, "*/");
            code = code.substring(end).strip();
        }
        return code;
    }

    private static String firstLine(String statement) {
        String line = statement.lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }

    /**
     * The statements of a script: split at each ';' that is not inside a string ('...'), a quoted name
     * ("..." or `...`) or a comment (-- to the end of the line, or a block comment); a piece with
     * nothing but comments and blanks is no statement.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean content = false;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int end;
            if (c == '\'' || c == '"' || c == '`') {
                end = closing(script, i + 1, String.valueOf(c));
                content = true;
            } else if (script.startsWith("--", i)) {
                end = closing(script, i + 2, "\n");
            } else if (script.startsWith("/*", i)) {
                end = closing(script, i + 2, "*/");
            } else if (c == ';') {
                add(statements, current, content);
                current.setLength(0);
                content = false;
                i++;
                continue;
            } else {
                end = i + 1;
                content |= !Character.isWhitespace(c);
            }
            current.append(script, i, end);
            i = end;
        }
        add(statements, current, content);
        return statements;
    }

    /** Where a quoted or commented piece ends: after {@code close} (a doubled quote stays inside), or at the end. */
    private static int closing(String script, int from, String close) {
        int at = from;
        while (true) {
            int found = script.indexOf(close, at);
            if (found < 0) {
                return script.length();
            }
            boolean doubled = close.length() == 1 && !close.equals("\n") && script.startsWith(close, found + 1);
            if (!doubled) {
                return found + close.length();
            }
            at = found + 2;
        }
    }

    private static void add(List<String> statements, StringBuilder statement, boolean content) {
        if (content) {
            statements.add(statement.toString().trim());
        }
    }
}
