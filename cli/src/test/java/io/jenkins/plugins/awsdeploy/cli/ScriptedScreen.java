package io.jenkins.plugins.awsdeploy.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What a terminal shows after some output: it understands exactly what a terminal does with carriage return,
 * "erase line" and newline, and counts how often the screen scrolled and how often the bottom line was redrawn.
 */
record ScriptedScreen(List<String> lines, String current, int scrolls, int redraws) {

    static ScriptedScreen of(String output) {
        List<String> lines = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        int cursor = 0;
        int scrolls = 0;
        int redraws = 0;
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            if (output.startsWith(StatusLine.ERASE, i)) {
                row.setLength(0);
                cursor = 0;
                i += StatusLine.ERASE.length() - 1;
                if (i + 1 < output.length() && output.charAt(i + 1) != '\n' && !output.startsWith(StatusLine.ERASE, i + 1)) {
                    redraws++;
                }
            } else if (c == '\r') {
                cursor = 0;
            } else if (c == '\n') {
                lines.add(row.toString());
                row.setLength(0);
                cursor = 0;
                scrolls++;
            } else {
                if (cursor < row.length()) row.setCharAt(cursor, c); else row.append(c);
                cursor++;
            }
        }
        return new ScriptedScreen(lines, row.toString(), scrolls, redraws);
    }
}
