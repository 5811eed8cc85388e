package io.jenkins.plugins.awsdeploy;

import hudson.model.Descriptor.FormException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;

/**
 * The list parameters of a step, which a form (the Snippet Generator) can only send as text: {@code 10, 50, 100} or
 * one value per line. Scripts pass real lists and never come through here.
 */
final class ListFields {

    private final Set<String> integers = new LinkedHashSet<>();
    private final Set<String> strings = new LinkedHashSet<>();

    private ListFields() {
    }

    static ListFields integers(String... names) {
        ListFields f = new ListFields();
        f.integers.addAll(List.of(names));
        return f;
    }

    static ListFields none() {
        return new ListFields();
    }

    ListFields strings(String... names) {
        strings.addAll(List.of(names));
        return this;
    }

    /** Replaces each text field named here by a JSON array, or drops it when empty so its setter is not called. */
    JSONObject toArrays(JSONObject form) throws FormException {
        for (String name : integers) {
            List<Integer> values = new ArrayList<>();
            for (String item : items(form.opt(name))) {
                try {
                    values.add(Integer.valueOf(item));
                } catch (NumberFormatException e) {
                    throw new FormException("'" + item + "' is not a whole number", name);
                }
            }
            put(form, name, values);
        }
        for (String name : strings) {
            put(form, name, items(form.opt(name)));
        }
        return form;
    }

    private static void put(JSONObject form, String name, List<?> values) {
        if (values.isEmpty()) {
            form.discard(name);
        } else {
            form.element(name, JSONArray.fromObject(values));
        }
    }

    /**
     * Items of a text field: separated by commas or line breaks; brackets and blanks around them ignored, so that the
     * form of an existing list ({@code [10, 50, 100]}) reads back as the same list.
     */
    static List<String> items(Object value) {
        List<String> items = new ArrayList<>();
        if (value == null) return items;
        if (value instanceof JSONArray array) {
            for (Object o : array) items.add(String.valueOf(o).trim());
            return items;
        }
        String text = value.toString().trim();
        if (text.startsWith("[") && text.endsWith("]")) text = text.substring(1, text.length() - 1);
        for (String part : text.split("[,\\r\\n]+")) {
            if (!part.isBlank()) items.add(part.trim());
        }
        return items;
    }
}
