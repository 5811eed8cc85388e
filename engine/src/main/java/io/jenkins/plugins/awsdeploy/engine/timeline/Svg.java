package io.jenkins.plugins.awsdeploy.engine.timeline;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Just enough of an SVG writer. Every attribute value and every text goes through {@link #escape}. */
final class Svg {

    private final StringBuilder out = new StringBuilder(16_384);

    Svg(int width, int height) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", width, "height", height,
                "viewBox", "0 0 " + width + " " + height,
                // Fonts every viewer has: the picture must not fetch anything.
                "font-family", "DejaVu Sans, Helvetica, Arial, sans-serif", "font-size", 11);
        out.append(">\n");
    }

    /** An empty element; attributes come as name, value pairs. */
    Svg add(String tag, Object... attributes) {
        open(tag, attributes);
        out.append("/>\n");
        return this;
    }

    Svg text(String content, Object... attributes) {
        open("text", attributes);
        out.append('>').append(escape(content)).append("</text>\n");
        return this;
    }

    String finish() {
        return out.append("</svg>\n").toString();
    }

    private void open(String tag, Object... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            String text = value instanceof Double d ? num(d) : String.valueOf(value);
            out.append(' ').append(attributes[i]).append("=\"").append(escape(text)).append('"');
        }
    }

    /** A tenth of a pixel is finer than any screen. BigDecimal knows no locale and no negative zero. */
    static String num(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Escapes markup and replaces what XML 1.0 cannot carry at all, so a stray control character cannot break the file. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    boolean allowed = c >= 0x20 ? (c < 0xD800 || c > 0xDFFF) && c != 0xFFFE && c != 0xFFFF
                            : c == '\t' || c == '\n' || c == '\r';
                    escaped.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        });
        return escaped.toString();
    }
}
