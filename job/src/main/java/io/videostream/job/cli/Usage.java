package io.videostream.job.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A job's help: what to type, what the job does, and its flags' help generated from their
 * declarations ({@link Flag}), wrapped to the width of a terminal.
 */
public record Usage(String synopsis, String about, List<Flag> flags) {
    private static final int WIDTH = 100;
    private static final int HELP_COLUMN = 28;

    public String text() {
        List<String> lines = new ArrayList<>();
        lines.add("usage: videostream " + synopsis);
        wrap("  ", about, "  ", lines);
        for (Flag flag : flags) {
            String left = "  --" + flag.name() + (flag.isSwitch() ? "" : " " + flag.value());
            if (left.length() + 1 > HELP_COLUMN) {
                lines.add(left);
                left = "";
            }
            wrap(left + " ".repeat(HELP_COLUMN - left.length()), flag.fullHelp(), " ".repeat(HELP_COLUMN), lines);
        }
        return String.join("\n", lines);
    }

    /** The names of the flags listed. */
    public List<String> names() {
        return flags.stream().map(Flag::name).toList();
    }

    /** Words after {@code first} on the first line and {@code indent} on the next ones, up to WIDTH. */
    private static void wrap(String first, String text, String indent, List<String> lines) {
        StringBuilder line = new StringBuilder(first);
        int start = first.length();
        for (String word : text.split(" ")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                start = indent.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
    }
}
