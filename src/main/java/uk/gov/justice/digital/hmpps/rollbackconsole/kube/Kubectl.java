package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's own kubectl and kubeconfig, pointed at one context and namespace. Every command names both
 * explicitly ({@code --context}, {@code -n}): the kubeconfig's current context can change under the console, from
 * another terminal, and a production rollback must not follow it. Processes are the console's to end: all of them
 * end on {@link #close()}, or at JVM exit if the console is not closed.
 */
public final class Kubectl implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_STDERR_CHARS = 8 * 1024;
    private static final Pattern FORBIDDEN = Pattern.compile(
            "cannot (\\S+) resource \"([^\"]+)\"(?: in API group \"[^\"]*\")?(?: in the namespace \"([^\"]+)\")?");

    private final Path executable;
    private final String context;
    private final String namespace;
    private final Duration timeout;
    private final ProcessReaper reaper = new ProcessReaper("kubectl");
    // Where long-running processes are noted, so that a console killed outright has them ended at its next start.
    private volatile ProcessLedger ledger;
    private final ObjectMapper mapper = new ObjectMapper();

    public Kubectl(Path executable, String context, String namespace) {
        this(executable, context, namespace, DEFAULT_TIMEOUT);
    }

    public Kubectl(Path executable, String context, String namespace, Duration timeout) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.context = requireText(context, "context");
        this.namespace = requireText(namespace, "namespace");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public String context() {
        return context;
    }

    /** Notes every long-running process (port-forward, log follow) in the ledger while it runs. */
    public Kubectl noting(ProcessLedger ledger) {
        this.ledger = ledger;
        return this;
    }

    public String namespace() {
        return namespace;
    }

    /** The kubeconfig's context names ({@code config get-contexts -o name}): the one command without a context. */
    public static List<String> contexts(Path executable, Duration timeout) throws KubectlException {
        try (ProcessReaper reaper = new ProcessReaper("kubectl-contexts")) {
            byte[] out = run(executable, List.of(executable.toString(), "config", "get-contexts", "-o", "name"),
                    timeout, reaper, "(any)", "(any)");
            return new String(out, StandardCharsets.UTF_8).lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    public DeploymentInfo deployment(String name) throws KubectlException {
        JsonNode d = json(getJson("deployment", name));
        String selector = selector(d.path("spec").path("selector"));
        if (selector.isEmpty()) {
            throw new KubectlException(KubectlException.Reason.UNEXPECTED_OUTPUT,
                    "deployment " + name + " has no label selector; its pods cannot be told apart", "");
        }
        List<String> images = new ArrayList<>();
        d.path("spec").path("template").path("spec").path("containers").forEach(c -> images.add(c.path("image").asText()));
        return new DeploymentInfo(name, selector, images, d.path("spec").path("replicas").asInt(),
                d.path("status").path("readyReplicas").asInt());
    }

    /**
     * Pods matching the selector that can take a request: running, ready, not terminating, and owned by a
     * ReplicaSet. A CronJob's pods may carry the same labels; they belong to a Job and are left out.
     */
    public List<PodInfo> servingPods(String selector) throws KubectlException {
        return pods(selector).stream().filter(PodInfo::canServe).toList();
    }

    /** Every pod matching the selector, whatever its state. */
    public List<PodInfo> pods(String selector) throws KubectlException {
        JsonNode list = json(run(CommandLine.pods(selector)));
        List<PodInfo> pods = new ArrayList<>();
        list.path("items").forEach(p -> pods.add(pod(p)));
        return pods;
    }

    /**
     * The relay pods that forward to a database (image ministryofjustice/port-forward), by the names the namespaces
     * give them: port-forward-pod, person-record-port-forward-pod, person-match-port-forward-pod. They carry no label
     * of their own, so every pod is listed and matched by name; only running ones are kept, each with the REMOTE_HOST
     * and REMOTE_PORT its container was started with. {@link RelayPod#preferred} says which to use: never the first.
     */
    public List<RelayPod> relayPods() throws KubectlException {
        JsonNode list = json(run(List.of("get", "pods", "-o", "json")));
        List<RelayPod> relays = new ArrayList<>();
        for (JsonNode p : list.path("items")) {
            PodInfo pod = pod(p);
            if (pod.name().contains("port-forward") && "Running".equals(pod.phase())) {
                Map<String, String> env = new TreeMap<>();
                JsonNode containers = p.path("spec").path("containers");
                if (containers.size() > 0) {
                    containers.get(0).path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText("")));
                }
                relays.add(new RelayPod(pod, env.getOrDefault("REMOTE_HOST", ""), env.getOrDefault("REMOTE_PORT", "")));
            }
        }
        return relays;
    }

    /** The pod, or empty once it is gone. */
    public Optional<PodInfo> pod(String name) throws KubectlException {
        try {
            return Optional.of(pod(json(getJson("pod", name))));
        } catch (KubectlException e) {
            if (e.reason() == KubectlException.Reason.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The deployment's releases, newest first: {@link #releaseHistory(String)}'s list. */
    public List<Release> releases(String deploymentName) throws KubectlException {
        return releaseHistory(deploymentName).releases();
    }

    /**
     * The deployment's release history: Helm's release records of the release named like the deployment, merged
     * with its ReplicaSets; without permission to read secrets, or without records, the ReplicaSets alone, saying why.
     */
    public ReleaseHistory releaseHistory(String deploymentName) throws KubectlException {
        return ReleaseHistoryReader.read(this, deploymentName);
    }

    /** Helm's release records of one release, decoded: {@code get secrets -l owner=helm,name=RELEASE}. */
    public List<HelmRelease> helmReleases(String release) throws KubectlException {
        return ReleaseHistoryReader.helmReleases(this, release);
    }

    /** The needs-attention CronJob, its schedule, clock and last run; empty when the namespace has none. */
    public Optional<NeedsAttentionJob> needsAttentionJob() throws KubectlException {
        return NeedsAttentionJob.read(this);
    }

    /** The Jobs of the needs-attention CronJob still kept (and those made by hand from it), oldest first. */
    public List<NeedsAttentionRuns.Run> needsAttentionRuns() throws KubectlException {
        return NeedsAttentionRuns.read(this);
    }

    /** Reads a secret. Its values are decoded into memory and never logged; kubectl's output is wiped after use. */
    public KubeSecret secret(String name) throws KubectlException {
        byte[] out = getJson("secret", name);
        try {
            JsonNode data = json(out).path("data");
            Map<String, byte[]> values = new TreeMap<>();
            for (var field : data.properties()) {
                try {
                    values.put(field.getKey(), Base64.getDecoder().decode(field.getValue().asText()));
                } catch (IllegalArgumentException e) {
                    throw new KubectlException(KubectlException.Reason.UNEXPECTED_OUTPUT,
                            "the value of " + field.getKey() + " in secret " + name + " is not base64", "");
                }
            }
            KubeSecret secret = new KubeSecret(name, values);
            values.values().forEach(v -> Arrays.fill(v, (byte) 0));
            return secret;
        } finally {
            Arrays.fill(out, (byte) 0);
        }
    }

    /** Starts a long-running kubectl (port-forward, logs -f) with this context and namespace. */
    ManagedProcess start(List<String> args, String name, Consumer<String> stdout, Consumer<String> stderr)
            throws KubectlException {
        try {
            ManagedProcess started = ManagedProcess.start(command(args), name, stdout, stderr, reaper);
            ProcessLedger l = ledger;
            if (l != null) {
                l.record(started.process());
            }
            return started;
        } catch (IOException e) {
            throw notInstalled(executable, e);
        }
    }

    /** Turns a long-running kubectl's last error output into what to tell the user. */
    KubectlException failure(int exitCode, String stderr) {
        return classify(exitCode, stderr, context, namespace);
    }

    int liveProcesses() {
        return reaper.liveCount();
    }

    List<String> command(List<String> args) {
        return CommandLine.kubectl(executable, context, namespace, args);
    }

    byte[] getJson(String kind, String name) throws KubectlException {
        return run(CommandLine.getJson(kind, name));
    }

    byte[] run(List<String> args) throws KubectlException {
        return run(executable, command(args), timeout, reaper, context, namespace);
    }

    private static byte[] run(Path executable, List<String> command, Duration timeout, ProcessReaper reaper,
                              String context, String namespace) throws KubectlException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw notInstalled(executable, e);
        }
        reaper.track(process);
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = readAll(process.getInputStream(), Integer.MAX_VALUE);
            CompletableFuture<byte[]> err = readAll(process.getErrorStream(), MAX_STDERR_CHARS);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessReaper.kill(process);
                throw new KubectlException(KubectlException.Reason.TIMED_OUT, "kubectl gave no answer in "
                        + timeout.toSeconds() + " s. If it is waiting for a login in a browser, finish the login and"
                        + " try again; otherwise check your connection to the cluster.", "");
            }
            byte[] stdout = out.join();
            String stderr = new String(err.join(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                Arrays.fill(stdout, (byte) 0);
                throw classify(process.exitValue(), stderr, context, namespace);
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            ProcessReaper.kill(process);
            Thread.currentThread().interrupt();
            throw new KubectlException(KubectlException.Reason.FAILED, "stopped while waiting for kubectl", "");
        }
    }

    private static CompletableFuture<byte[]> readAll(InputStream in, int limit) {
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(chunk)) >= 0) {
                    // Past the limit the output is still read, so kubectl never blocks on a full pipe.
                    int keep = Math.min(n, limit - buffer.size());
                    if (keep > 0) {
                        buffer.write(chunk, 0, keep);
                    }
                }
            } catch (IOException e) {
                // Closed when the process is killed.
            }
            done.complete(buffer.toByteArray());
        }, "kubectl-drain");
        t.setDaemon(true);
        t.start();
        return done;
    }

    static KubectlException notInstalled(Path executable, IOException e) {
        return new KubectlException(KubectlException.Reason.NOT_INSTALLED, "kubectl could not be started from "
                + executable + ". Install kubectl, or give the full path to it in the settings. (" + e.getMessage() + ")",
                "");
    }

    static KubectlException classify(int exitCode, String stderr, String context, String namespace) {
        String said = stderr == null ? "" : stderr.strip();
        String lower = said.toLowerCase(Locale.ROOT);
        String tail = said.isEmpty() ? " (kubectl exited with " + exitCode + " and said nothing)" : "\nkubectl said: " + said;
        if (lower.contains("context \"") && lower.contains("does not exist")
                || lower.contains("no context exists with the name")) {
            return new KubectlException(KubectlException.Reason.NO_SUCH_CONTEXT, "Your kubeconfig has no context "
                    + context + ". Pick one of your contexts, or set it up as your cluster's instructions say." + tail, said);
        }
        if (lower.contains("you must be logged in to the server") || lower.contains("(unauthorized)")
                || lower.contains("token has expired") || lower.contains("token is expired")
                || lower.contains("expired") && (lower.contains("token") || lower.contains("credential"))
                || lower.contains("asked for the client to provide credentials")
                || lower.contains("getting credentials") || lower.contains("failed to refresh token")
                || lower.contains("invalid bearer token")) {
            return new KubectlException(KubectlException.Reason.LOGIN_EXPIRED, "Your login to the cluster of context "
                    + context + " has expired or is not valid. Log in again (as you would before using kubectl, for"
                    + " example by renewing your token in the kubeconfig), then try again." + tail, said);
        }
        if (lower.contains("(forbidden)") || lower.contains(" is forbidden:")) {
            Matcher m = FORBIDDEN.matcher(said);
            String what = m.find() ? m.group(1) + " " + m.group(2) : "do this";
            return new KubectlException(KubectlException.Reason.FORBIDDEN, "Your account may not " + what
                    + " in namespace " + namespace + " (context " + context + "). Check that this is the right"
                    + " context and namespace, and that you are in the team that has access to it." + tail, said);
        }
        if (lower.contains("(notfound)") || lower.contains("not found")) {
            return new KubectlException(KubectlException.Reason.NOT_FOUND, "Not found in namespace " + namespace
                    + " (context " + context + ")." + tail, said);
        }
        if (lower.contains("unable to connect to the server") || lower.contains("dial tcp")
                || lower.contains("no such host") || lower.contains("i/o timeout")
                || lower.contains("connection refused")) {
            return new KubectlException(KubectlException.Reason.UNREACHABLE, "The cluster of context " + context
                    + " cannot be reached. Check your network connection, and any VPN the cluster needs." + tail, said);
        }
        return new KubectlException(KubectlException.Reason.FAILED, "kubectl failed." + tail, said);
    }

    JsonNode json(byte[] out) throws KubectlException {
        try {
            return mapper.readTree(out);
        } catch (IOException e) {
            // Never the output itself: it may be a secret.
            throw new KubectlException(KubectlException.Reason.UNEXPECTED_OUTPUT,
                    "kubectl's answer was not the JSON asked for", "");
        }
    }

    static String selector(JsonNode selector) {
        List<String> terms = new ArrayList<>();
        Map<String, String> labels = new TreeMap<>();
        selector.path("matchLabels").properties().forEach(f -> labels.put(f.getKey(), f.getValue().asText()));
        labels.forEach((k, v) -> terms.add(k + "=" + v));
        for (JsonNode e : selector.path("matchExpressions")) {
            String key = e.path("key").asText();
            List<String> values = new ArrayList<>();
            e.path("values").forEach(v -> values.add(v.asText()));
            switch (e.path("operator").asText()) {
                case "In" -> terms.add(key + " in (" + String.join(",", values) + ")");
                case "NotIn" -> terms.add(key + " notin (" + String.join(",", values) + ")");
                case "Exists" -> terms.add(key);
                case "DoesNotExist" -> terms.add("!" + key);
                default -> {
                    // An operator kubectl's -l cannot express: leave it out rather than select too few pods.
                }
            }
        }
        return String.join(",", terms);
    }

    private static PodInfo pod(JsonNode p) {
        JsonNode meta = p.path("metadata");
        JsonNode status = p.path("status");
        boolean ready = false;
        for (JsonNode c : status.path("conditions")) {
            if ("Ready".equals(c.path("type").asText())) {
                ready = "True".equals(c.path("status").asText());
            }
        }
        int restarts = 0;
        for (JsonNode c : status.path("containerStatuses")) {
            restarts += c.path("restartCount").asInt();
        }
        String owner = "";
        for (JsonNode o : meta.path("ownerReferences")) {
            if (o.path("controller").asBoolean(false) || owner.isEmpty()) {
                owner = o.path("kind").asText();
            }
        }
        JsonNode containers = p.path("spec").path("containers");
        String image = containers.size() > 0 ? containers.get(0).path("image").asText() : "";
        Instant start = status.hasNonNull("startTime") ? Instant.parse(status.get("startTime").asText()) : null;
        return new PodInfo(meta.path("name").asText(), status.path("phase").asText("Unknown"), ready, start, restarts,
                image, owner, meta.hasNonNull("deletionTimestamp"));
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a " + what + " is required");
        }
        return value;
    }

    @Override
    public void close() {
        reaper.close();
    }

    @Override
    public String toString() {
        return "Kubectl[" + executable + " --context " + context + " -n " + namespace + "]";
    }

}
