package io.videostream.job.cli;

/**
 * A command-line flag, declared once: its name, the name of its value ({@code null}: a switch), its
 * default as it would be typed ({@code null}: none) and its help. Jobs list theirs in a {@link Usage},
 * which writes the help text; {@link Args} reads a flag's default from here.
 */
public record Flag(String name, String value, String defaultValue, String help) {
    /** A flag that takes a value. */
    public static Flag of(String name, String value, String defaultValue, String help) {
        return new Flag(name, value, defaultValue, help);
    }

    /** A switch, off unless given. */
    public static Flag toggle(String name, String help) {
        return new Flag(name, null, null, help);
    }

    public boolean isSwitch() {
        return value == null;
    }

    /** The same flag as one job explains it. */
    public Flag explained(String jobHelp) {
        return new Flag(name, value, defaultValue, jobHelp);
    }

    /** The same flag with another default (a switch on unless given as {@code false}: "true"). */
    public Flag defaultingTo(String newDefault) {
        return new Flag(name, value, newDefault, help);
    }

    /** The help with the default said at its end. */
    String fullHelp() {
        if (defaultValue == null) {
            return help;
        }
        if (isSwitch()) {
            return help + " (on unless given as --" + name + " false)";
        }
        return help + " (default " + defaultValue + ")";
    }
}
