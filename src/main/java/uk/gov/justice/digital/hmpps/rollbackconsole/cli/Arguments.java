package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A command's arguments split into files named by position and options, so that {@link Options} sees only options.
 * After {@code --} everything is a file, for a file whose name starts with a dash.
 */
record Arguments(List<String> positional, List<String> options) {

    static Arguments split(List<String> args, Set<String> valued) {
        List<String> positional = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("-") && a.length() > 1) {
                options.add(a);
                // A valued option's value may itself look like anything, a file name included.
                if (valued.contains(a) && i + 1 < args.size()) {
                    options.add(args.get(++i));
                }
            } else {
                positional.add(a);
            }
        }
        return new Arguments(List.copyOf(positional), List.copyOf(options));
    }
}
