package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} and {@code --flag} options, checked against what a command accepts. */
final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    static Options parse(List<String> args, Set<String> valued, Set<String> flagNames) throws UsageException {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            if (valued.contains(name)) {
                String v = inline;
                if (v == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value.");
                    }
                    v = args.get(++i);
                }
                o.values.put(name, v);
            } else if (flagNames.contains(name) && inline == null) {
                o.flags.add(name);
            } else {
                throw new UsageException("Unknown option " + a + ".");
            }
        }
        return o;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) throws UsageException {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException(name + " is required.");
        }
        return v;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
