package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.Progress;
import java.io.PrintWriter;

/**
 * The one live line at the bottom of a terminal, redrawn in place: a carriage return and "erase line" (ANSI
 * {@code ESC [ 2 K}) before each drawing, never a newline, so that polling never scrolls the screen. Event lines go
 * above it: the line is erased, the event printed with its newline, and the line drawn again below it.
 *
 * <p>Two escape sequences are all it takes, which every terminal emulator in use understands; a terminal library
 * would add start-up time to every command for nothing more. The line is cut to the terminal's width, since a line
 * that wraps could no longer be erased with one sequence.
 *
 * <p>Not thread-safe: {@link Console} calls it under its own lock.
 */
final class StatusLine {

    static final String ERASE = "\r\u001b[2K";

    private final PrintWriter out;
    private final int columns;
    private final boolean unicode;
    /** What is on the screen now; empty when nothing is. */
    private String shown = "";

    /**
     * @param columns the terminal's width
     * @param unicode whether the output can show block characters for the bar
     */
    StatusLine(PrintWriter out, int columns, boolean unicode) {
        this.out = out;
        this.columns = Math.max(20, columns);
        this.unicode = unicode;
    }

    /** The live line for this host's output, or null when it is no terminal that can redraw. */
    static StatusLine on(Host host) {
        Terminal t = host.terminal();
        if (t == null || !t.redraws()) return null;
        boolean unicode = java.nio.charset.Charset.defaultCharset().name().toUpperCase(java.util.Locale.ROOT).startsWith("UTF");
        return new StatusLine(host.out(), t.columns(), unicode);
    }

    /** Draws {@code text} over what the line showed. */
    void draw(String text) {
        String fitted = fit(text);
        if (fitted.equals(shown)) return;
        out.print(ERASE + fitted);
        out.flush();
        shown = fitted;
    }

    /** Prints {@code line} above the status line, which stays at the bottom. */
    void above(PrintWriter to, String line) {
        String was = shown;
        erase();
        to.println(line);
        to.flush();
        if (!was.isEmpty()) draw(was);
    }

    /** Leaves the line empty, e.g. before a question is asked on it or at the end of the run. */
    void erase() {
        if (shown.isEmpty()) return;
        out.print(ERASE);
        out.flush();
        shown = "";
    }

    /**
     * The line for {@code p}: what is happening, a bar of the current wait and its time left, the split, the alarms
     * and what is next. {@code baking step 2/3 at 50% [████████░░░░░░░░] 3m10s of 5m left · 50/50 (stable/new) ·
     * alarms: 5xx OK · next: shift to 100%}
     */
    String render(Progress p) {
        StringBuilder b = new StringBuilder(p.doing());
        if (p.done().isPresent()) b.append(' ').append(bar(p.done().getAsDouble(), 16));
        String time = p.timeWords();
        if (!time.isEmpty()) b.append(' ').append(time);
        String dot = unicode ? " \u00b7 " : " | ";
        if (p.split() != null) b.append(dot).append(p.splitWords());
        if (!p.alarms().isEmpty()) b.append(dot).append("alarms: ").append(p.alarmWords());
        if (!p.next().isEmpty()) b.append(dot).append("next: ").append(p.next());
        return b.toString();
    }

    String bar(double done, int width) {
        int filled = (int) Math.round(done * width);
        char full = unicode ? '\u2588' : '#';
        char empty = unicode ? '\u2591' : '.';
        return "[" + String.valueOf(full).repeat(filled) + String.valueOf(empty).repeat(width - filled) + "]";
    }

    /** One column is kept free: a terminal that wraps at the last column would scroll. */
    private String fit(String text) {
        int room = columns - 1;
        if (text.length() <= room) return text;
        return text.substring(0, room - 1) + (unicode ? "\u2026" : "~");
    }
}
