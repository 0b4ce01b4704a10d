package uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stand-in for kubectl, run as its own process through a shell script exactly where the real one would be. It
 * answers from a scenario folder (see {@link SimulatedCluster}), speaks kubectl's words when it fails, and
 * appends every argument list it was given to {@code argv.log}.
 */
public final class SimulatedKubectl {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Path dir;
    private final PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    private String context;
    private String namespace;
    private final List<String> rest = new ArrayList<>();
    private final Map<String, String> flags = new TreeMap<>();

    private SimulatedKubectl(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getenv("FAKE_KUBECTL_DIR"));
        System.exit(new SimulatedKubectl(dir).run(args));
    }

    private int run(String[] args) throws Exception {
        Files.writeString(dir.resolve("argv.log"), JSON.writeValueAsString(args) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        parse(args);
        if (rest.size() >= 2 && rest.get(0).equals("config") && rest.get(1).equals("get-contexts")) {
            contexts().forEach(out::println);
            return 0;
        }
        if (context != null && !contexts().contains(context)) {
            err.println("error: context \"" + context + "\" does not exist");
            return 1;
        }
        Path fail = dir.resolve("fail");
        if (Files.exists(fail)) {
            return failAs(Files.readString(fail).strip());
        }
        if (rest.isEmpty()) {
            err.println("error: You must specify the type of resource to get.");
            return 1;
        }
        return switch (rest.get(0)) {
            case "get" -> get();
            case "port-forward" -> portForward();
            case "logs" -> logs();
            default -> {
                err.println("error: unknown command \"" + rest.get(0) + "\" for \"kubectl\"");
                yield 1;
            }
        };
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--context")) {
                context = args[++i];
            } else if (a.startsWith("--context=")) {
                context = a.substring("--context=".length());
            } else if (a.equals("-n") || a.equals("--namespace")) {
                namespace = args[++i];
            } else if (a.startsWith("--namespace=")) {
                namespace = a.substring("--namespace=".length());
            } else if (a.equals("-o") || a.equals("-l") || a.equals("--address")) {
                flags.put(a, args[++i]);
            } else if (a.startsWith("--") && a.contains("=")) {
                flags.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("-") && !a.equals("-")) {
                flags.put(a, "true");
            } else {
                rest.add(a);
            }
        }
    }

    private List<String> contexts() throws IOException {
        Path file = dir.resolve("contexts");
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(s -> !s.isBlank()).toList() : List.of();
    }

    private int failAs(String how) {
        String ns = namespace == null ? "default" : namespace;
        switch (how) {
            case "expired" -> err.println("error: You must be logged in to the server (Unauthorized)");
            case "forbidden" -> err.println("Error from server (Forbidden): pods is forbidden: User \"someone@justice.gov.uk\""
                    + " cannot list resource \"pods\" in API group \"\" in the namespace \"" + ns + "\"");
            case "unreachable" -> err.println("Unable to connect to the server: dial tcp: lookup "
                    + "api.cluster.example.invalid on 127.0.0.53:53: no such host");
            default -> err.println("error: " + how);
        }
        return 1;
    }

    private int get() throws IOException {
        String kind = rest.size() > 1 ? rest.get(1) : "";
        String name = rest.size() > 2 ? rest.get(2) : null;
        switch (kind) {
            case "deployment", "deployments", "deploy" -> {
                return print(dir.resolve("deployments").resolve(name + ".json"), "deployments.apps \"" + name + "\" not found");
            }
            case "replicaset", "replicasets", "rs" -> {
                return list("replicasets");
            }
            case "cronjob", "cronjobs", "cj" -> {
                if (name == null) {
                    return list("cronjobs");
                }
                return print(dir.resolve("cronjobs").resolve(name + ".json"), "cronjobs.batch \"" + name + "\" not found");
            }
            case "job", "jobs" -> {
                if (name == null) {
                    return list("jobs");
                }
                return print(dir.resolve("jobs").resolve(name + ".json"), "jobs.batch \"" + name + "\" not found");
            }
            case "secret", "secrets" -> {
                if (Files.exists(dir.resolve("forbid-secrets"))) {
                    String ns = namespace == null ? "default" : namespace;
                    err.println("Error from server (Forbidden): secrets" + (name == null ? "" : " \"" + name + "\"")
                            + " is forbidden: User \"someone@justice.gov.uk\" cannot " + (name == null ? "list" : "get")
                            + " resource \"secrets\" in API group \"\" in the namespace \"" + ns + "\"");
                    return 1;
                }
                if (name == null) {
                    return list("secrets");
                }
                return print(dir.resolve("secrets").resolve(name + ".json"), "secrets \"" + name + "\" not found");
            }
            case "pod", "pods", "po" -> {
                if (name != null) {
                    return print(dir.resolve("pods").resolve(name + ".json"), "pods \"" + name + "\" not found");
                }
                ObjectNode list = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "List");
                ArrayNode items = list.putArray("items");
                for (JsonNode pod : pods()) {
                    if (matches(pod, flags.get("-l"))) {
                        items.add(pod);
                    }
                }
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list));
                return 0;
            }
            default -> {
                err.println("error: the server doesn't have a resource type \"" + kind + "\"");
                return 1;
            }
        }
    }

    /** Every object of a kind that matches {@code -l}, as a List. */
    private int list(String kind) throws IOException {
        ObjectNode list = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "List");
        ArrayNode items = list.putArray("items");
        for (JsonNode item : all(kind)) {
            if (matches(item, flags.get("-l"))) {
                items.add(item);
            }
        }
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list));
        return 0;
    }

    private List<JsonNode> pods() throws IOException {
        return all("pods");
    }

    private List<JsonNode> all(String kind) throws IOException {
        List<JsonNode> pods = new ArrayList<>();
        Path folder = dir.resolve(kind);
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path f : files.sorted().toList()) {
                    if (f.toString().endsWith(".json")) {
                        pods.add(JSON.readTree(f.toFile()));
                    }
                }
            }
        }
        return pods;
    }

    private static boolean matches(JsonNode pod, String selector) {
        if (selector == null) {
            return true;
        }
        for (String term : selector.split(",")) {
            String[] kv = term.split("=", 2);
            if (!pod.path("metadata").path("labels").path(kv[0]).asText().equals(kv.length > 1 ? kv[1] : "")) {
                return false;
            }
        }
        return true;
    }

    private int print(Path file, String notFound) throws IOException {
        if (!Files.exists(file)) {
            err.println("Error from server (NotFound): " + notFound);
            return 1;
        }
        out.print(Files.readString(file));
        out.flush();
        return 0;
    }

    private int portForward() throws Exception {
        String pod = rest.get(1).startsWith("pod/") ? rest.get(1).substring(4) : rest.get(1);
        String[] ports = rest.get(2).split(":");
        if (!Files.exists(dir.resolve("pods").resolve(pod + ".json"))) {
            err.println("Error from server (NotFound): pods \"" + pod + "\" not found");
            return 1;
        }
        // Each pod may have a service of its own (the rehearsal's two pods); otherwise one for all.
        Path podTarget = dir.resolve("forward-target-" + pod);
        int target = Integer.parseInt(Files.readString(Files.exists(podTarget) ? podTarget
                : dir.resolve("forward-target")).strip());
        String address = flags.getOrDefault("--address", "localhost");
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(address.equals("localhost") ? "127.0.0.1" : address),
                Integer.parseInt(ports[0])));
        Files.writeString(dir.resolve("port-forward.pid"), Long.toString(ProcessHandle.current().pid()));
        out.println("Forwarding from 127.0.0.1:" + server.getLocalPort() + " -> " + ports[1]);
        while (true) {
            Socket client = server.accept();
            out.println("Handling connection for " + server.getLocalPort());
            Socket upstream;
            try {
                upstream = new Socket(InetAddress.getLoopbackAddress(), target);
            } catch (IOException e) {
                err.println("E0304 10:15:00.000000   12345 portforward.go:424] \"Unhandled Error\" err=\"an error occurred"
                        + " forwarding " + server.getLocalPort() + " -> " + ports[1] + ": error forwarding port " + ports[1]
                        + " to pod 0123456789abcdef, uid : failed to execute portforward in network namespace: "
                        + "failed to connect to localhost:" + ports[1] + " inside namespace: connection refused\"");
                err.println("error: lost connection to pod");
                return 1;
            }
            relay(client, upstream);
            relay(upstream, client);
        }
    }

    private static void relay(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream o = to.getOutputStream()) {
                in.transferTo(o);
            } catch (IOException e) {
                // One side closed.
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // Closing.
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private int logs() throws Exception {
        String pod = rest.get(1).startsWith("pod/") ? rest.get(1).substring(4) : rest.get(1);
        Path podFile = dir.resolve("pods").resolve(pod + ".json");
        if (!Files.exists(podFile)) {
            err.println("Error from server (NotFound): pods \"" + pod + "\" not found");
            return 1;
        }
        Path pathFile = dir.resolve("logs").resolve(pod + ".path");
        Path log = Files.exists(pathFile) ? Path.of(Files.readString(pathFile).strip()) : dir.resolve("logs").resolve(pod + ".log");
        Instant since = flags.containsKey("--since-time") ? Instant.parse(flags.get("--since-time")) : Instant.EPOCH;
        boolean stamps = flags.containsKey("--timestamps");
        boolean follow = flags.containsKey("-f") || flags.containsKey("--follow");
        Path cutFile = dir.resolve("logs").resolve(pod + ".cut-after");
        int cutAfter = -1;
        if (Files.exists(cutFile)) {
            cutAfter = Integer.parseInt(Files.readString(cutFile).strip());
            Files.delete(cutFile);
        }
        int printed = 0;
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            StringBuilder partial = new StringBuilder();
            while (true) {
                int c = reader.read();
                if (c < 0) {
                    if (!follow || !Files.exists(podFile)) {
                        return 0;
                    }
                    Thread.sleep(10);
                    continue;
                }
                if (c != '\n') {
                    partial.append((char) c);
                    continue;
                }
                String line = partial.toString();
                partial.setLength(0);
                int space = line.indexOf(' ');
                Instant at = Instant.parse(line.substring(0, space));
                if (at.isBefore(since)) {
                    continue;
                }
                out.println(stamps ? kubectlStamp(at) + " " + line.substring(space + 1) : line.substring(space + 1));
                if (++printed == cutAfter) {
                    // The stream ends as it does when the API server drops it.
                    return 0;
                }
            }
        }
    }

    /** RFC3339 with nanoseconds, trailing zeros dropped, as kubectl prints it. */
    static String kubectlStamp(Instant at) {
        String s = SECONDS.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        if (at.getNano() != 0) {
            String f = String.format("%09d", at.getNano());
            s += "." + f.replaceAll("0+$", "");
        }
        return s + "Z";
    }
}
