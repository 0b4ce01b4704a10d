package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The kubectl command lines the console runs, as argument lists (what is run) and as one shell-quoted line each
 * (what the step shows, to copy into a terminal). {@link Kubectl}, {@link PortForward} and {@link LogFollow} build
 * their arguments here, so what is shown is what is run.
 */
public final class CommandLine {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CommandLine() {
    }

    /** The arguments in the order every kubectl call takes them: context and namespace always named. */
    public static List<String> kubectl(Path executable, String context, String namespace, List<String> args) {
        List<String> command = new ArrayList<>(args.size() + 5);
        command.add(executable.toString());
        command.add("--context");
        command.add(context);
        command.add("-n");
        command.add(namespace);
        command.addAll(args);
        return command;
    }

    public static List<String> getJson(String kind, String name) {
        return List.of("get", kind, name, "-o", "json");
    }

    public static List<String> pods(String selector) {
        return List.of("get", "pods", "-l", selector, "-o", "json");
    }

    /** Port 0 locally: kubectl picks a free port and prints it ("Forwarding from 127.0.0.1:PORT"). */
    public static List<String> portForward(String pod, int remotePort) {
        return List.of("port-forward", "--address", "127.0.0.1", "pod/" + pod, "0:" + remotePort);
    }

    public static List<String> logs(String pod, Instant since) {
        return List.of("logs", "-f", "pod/" + pod, "--timestamps", "--since-time=" + since.truncatedTo(ChronoUnit.SECONDS));
    }

    /** One line a POSIX shell reads back as exactly {@code argv}. */
    public static String shell(List<String> argv) {
        StringBuilder line = new StringBuilder();
        for (String arg : argv) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(quote(arg));
        }
        return line.toString();
    }

    public static String quote(String arg) {
        if (!arg.isEmpty() && SAFE.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
