package uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder that {@link SimulatedKubectl} answers from, and the executable script that runs it. Tests write the
 * cluster's state here (deployments, pods, secrets, logs, faults) and read back every argument list kubectl got.
 */
public final class SimulatedCluster {

    public static final String CONTEXT = "live.cloud-platform.service.justice.gov.uk";
    public static final String NAMESPACE = "hmpps-person-record-preprod";
    public static final String DEPLOYMENT = "hmpps-person-record";
    public static final String IMAGE = "ghcr.io/ministryofjustice/hmpps-person-record:2025-03-04.1234.abcdef0";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().contains("win");
    private static final String JVM_OPTIONS = "-Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k";

    private final Path dir;
    private final Path executable;
    private final String namespace;
    /** When the pods made from now on started (their age in kubectl's listing). */
    private String podsStarted = "2025-03-04T08:00:00Z";

    private SimulatedCluster(Path dir, List<String> contexts, String namespace) throws IOException {
        this.dir = dir;
        this.namespace = namespace;
        Files.createDirectories(dir.resolve("pods"));
        Files.createDirectories(dir.resolve("deployments"));
        Files.createDirectories(dir.resolve("secrets"));
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("contexts"), String.join("\n", contexts) + "\n");
        // The JVM running now, with the classes the simulator needs, started by a script where kubectl would be.
        String java = Path.of(System.getProperty("java.home"), "bin", WINDOWS ? "java.exe" : "java").toString();
        if (WINDOWS) {
            executable = dir.resolve("kubectl.cmd");
            Files.writeString(executable, "@echo off\r\n"
                    + "set \"FAKE_KUBECTL_DIR=" + dir + "\"\r\n"
                    + "\"" + java + "\" " + JVM_OPTIONS + " -cp \"" + classpath() + "\" "
                    + SimulatedKubectl.class.getName() + " %*\r\n");
        } else {
            executable = dir.resolve("kubectl");
            String script = "#!/bin/sh\n"
                    + "FAKE_KUBECTL_DIR=" + quote(dir.toString()) + "\nexport FAKE_KUBECTL_DIR\n"
                    + "exec " + quote(java) + " " + JVM_OPTIONS + " -cp "
                    + quote(classpath()) + " " + SimulatedKubectl.class.getName() + " \"$@\"\n";
            Files.writeString(executable, script);
            Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwx------"));
        }
    }

    public static SimulatedCluster create(Path dir) throws IOException {
        return new SimulatedCluster(dir, List.of("docker-desktop", CONTEXT), NAMESPACE);
    }

    /** A cluster that knows only {@code context}, whose objects live in {@code namespace}. */
    public static SimulatedCluster create(Path dir, String context, String namespace) throws IOException {
        return new SimulatedCluster(dir, List.of(context), namespace);
    }

    public Path executable() {
        return executable;
    }

    public Path dir() {
        return dir;
    }

    public SimulatedCluster deployment() throws IOException {
        write(dir.resolve("deployments").resolve(DEPLOYMENT + ".json"), Map.of(
                "apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", DEPLOYMENT, "namespace", namespace),
                "spec", Map.of("replicas", 2,
                        "selector", Map.of("matchLabels", Map.of("app", DEPLOYMENT)),
                        "template", Map.of("metadata", Map.of("labels", Map.of("app", DEPLOYMENT)),
                                "spec", Map.of("containers", List.of(Map.of("name", DEPLOYMENT, "image", IMAGE,
                                        "ports", List.of(Map.of("containerPort", 8080))))))),
                "status", Map.of("replicas", 2, "readyReplicas", 2)));
        return this;
    }

    /** A deployment with a rollout history: its uid and current revision, as the API server records them. */
    public SimulatedCluster deployment(String name, String uid, long currentRevision, String image) throws IOException {
        write(dir.resolve("deployments").resolve(name + ".json"), Map.of(
                "apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", name, "namespace", namespace, "uid", uid,
                        "annotations", Map.of("deployment.kubernetes.io/revision", Long.toString(currentRevision))),
                "spec", Map.of("replicas", 2,
                        "selector", Map.of("matchLabels", Map.of("app", name)),
                        "template", Map.of("metadata", Map.of("labels", Map.of("app", name)),
                                "spec", Map.of("containers", List.of(Map.of("name", name, "image", image))))),
                "status", Map.of("replicas", 2, "readyReplicas", 2)));
        return this;
    }

    /** A ReplicaSet labelled {@code app=labelApp}, controlled by the deployment {@code owner} with {@code ownerUid}. */
    public SimulatedCluster replicaSet(String name, String labelApp, String owner, String ownerUid, long revision,
                                          String image, String created, int replicas) throws IOException {
        Files.createDirectories(dir.resolve("replicasets"));
        write(dir.resolve("replicasets").resolve(name + ".json"), Map.of(
                "apiVersion", "apps/v1", "kind", "ReplicaSet",
                "metadata", Map.of("name", name, "namespace", namespace, "creationTimestamp", created,
                        "labels", Map.of("app", labelApp),
                        "annotations", Map.of("deployment.kubernetes.io/revision", Long.toString(revision)),
                        "ownerReferences", List.of(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", owner,
                                "uid", ownerUid, "controller", true))),
                "spec", Map.of("replicas", replicas, "template", Map.of("spec", Map.of("containers",
                        List.of(Map.of("name", owner, "image", image))))),
                "status", Map.of("replicas", replicas)));
        return this;
    }

    /** A pod of the deployment, or of a CronJob's Job when ownerKind is Job; labels as the Helm chart gives both. */
    public SimulatedCluster pod(String name, String phase, boolean ready, String ownerKind, int restarts)
            throws IOException {
        return pod(DEPLOYMENT, name, IMAGE, phase, ready, ownerKind, restarts);
    }

    /** A ready, running pod of a deployment's ReplicaSet, on this image: a rollout moves pods from one to the next. */
    /** The pods made after this started at {@code at}: a rollback's pods are hours old, not years. */
    public SimulatedCluster podsStartedAt(java.time.Instant at) {
        podsStarted = at.toString();
        return this;
    }

    public SimulatedCluster podOf(String deployment, String name, String image) throws IOException {
        return pod(deployment, name, image, "Running", true, "ReplicaSet", 0);
    }

    /** Sets a deployment's replicas (0: asleep, as dev and preprod are out of hours) and its ready count. */
    public SimulatedCluster scale(String deployment, int replicas) throws IOException {
        Path file = dir.resolve("deployments").resolve(deployment + ".json");
        com.fasterxml.jackson.databind.node.ObjectNode d = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(file.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) d.path("spec")).put("replicas", replicas);
        ((com.fasterxml.jackson.databind.node.ObjectNode) d.path("status")).put("replicas", replicas).put("readyReplicas", replicas);
        write(file, d);
        return this;
    }

    public SimulatedCluster pod(String deployment, String name, String image, String phase, boolean ready,
                                String ownerKind, int restarts) throws IOException {
        write(dir.resolve("pods").resolve(name + ".json"), Map.of(
                "apiVersion", "v1", "kind", "Pod",
                "metadata", Map.of("name", name, "namespace", namespace, "labels", Map.of("app", deployment),
                        "ownerReferences", List.of(Map.of("apiVersion", "apps/v1", "kind", ownerKind,
                                "name", name.substring(0, name.lastIndexOf('-')), "controller", true))),
                "spec", Map.of("containers", List.of(Map.of("name", deployment, "image", image))),
                "status", Map.of("phase", phase, "startTime", podsStarted,
                        "conditions", List.of(Map.of("type", "Ready", "status", ready ? "True" : "False")),
                        "containerStatuses", List.of(Map.of("name", deployment, "ready", ready,
                                "restartCount", restarts, "image", image)))));
        return this;
    }

    /**
     * A relay pod as Cloud Platform's guide starts it ({@code kubectl run NAME --image=ministryofjustice/port-forward
     * --env=REMOTE_HOST=... --env=LOCAL_PORT=5432 --env=REMOTE_PORT=5432}): a bare pod, no owner, no app label.
     */
    public SimulatedCluster relayPod(String name, String remoteHost) throws IOException {
        write(dir.resolve("pods").resolve(name + ".json"), Map.of(
                "apiVersion", "v1", "kind", "Pod",
                "metadata", Map.of("name", name, "namespace", namespace, "labels", Map.of("run", name)),
                "spec", Map.of("containers", List.of(Map.of("name", name, "image", "ministryofjustice/port-forward",
                        "env", List.of(Map.of("name", "REMOTE_HOST", "value", remoteHost),
                                Map.of("name", "LOCAL_PORT", "value", "5432"),
                                Map.of("name", "REMOTE_PORT", "value", "5432"))))),
                "status", Map.of("phase", "Running", "startTime", "2025-03-01T08:00:00Z",
                        "conditions", List.of(Map.of("type", "Ready", "status", "True")),
                        "containerStatuses", List.of(Map.of("name", name, "ready", true, "restartCount", 0,
                                "image", "ministryofjustice/port-forward")))));
        return this;
    }

    public SimulatedCluster servicePod(String name) throws IOException {
        return pod(name, "Running", true, "ReplicaSet", 0);
    }

    public void removePod(String name) throws IOException {
        Files.deleteIfExists(dir.resolve("pods").resolve(name + ".json"));
    }

    public SimulatedCluster secret(String name, Map<String, String> values) throws IOException {
        Map<String, String> data = new java.util.TreeMap<>();
        values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        write(dir.resolve("secrets").resolve(name + ".json"), Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", Map.of("name", name), "type", "Opaque", "data", data));
        return this;
    }

    /**
     * One of Helm's release records, as {@code helm upgrade} writes it: the Secret
     * {@code sh.helm.release.v1.RELEASE.vN}, labelled {@code owner=helm,name=RELEASE,status,version}, whose
     * {@code data.release} is base64 (the Secret's) of base64 of gzip of the release's JSON, with the deploy's times
     * in the deploying machine's offset and the image tag under {@code generic-service}, as the deploy actions set it.
     */
    public SimulatedCluster helmRelease(String release, long version, String status, java.time.Instant firstDeployed,
                                        java.time.Instant lastDeployed, String imageTag) throws IOException {
        java.time.ZoneId deployer = java.time.ZoneId.of("Europe/London");
        Map<String, Object> json = Map.of("name", release, "version", version, "namespace", namespace,
                "info", Map.of("first_deployed", firstDeployed.atZone(deployer).toOffsetDateTime().toString(),
                        "last_deployed", lastDeployed.atZone(deployer).toOffsetDateTime().toString(),
                        "deleted", "", "description", "Upgrade complete", "status", status),
                "chart", Map.of("metadata", Map.of("name", release, "version", "0.1.0", "appVersion", "1.0")),
                "config", Map.of("generic-service", Map.of("image", Map.of("tag", imageTag))),
                "manifest", "---\n# Source: " + release + "/charts/generic-service/templates/deployment.yaml\n");
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write(JSON.writeValueAsBytes(json));
        }
        String helmText = Base64.getEncoder().encodeToString(zipped.toByteArray());
        String name = "sh.helm.release.v1." + release + ".v" + version;
        write(dir.resolve("secrets").resolve(name + ".json"), Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", Map.of("name", name, "namespace", namespace, "labels", Map.of("owner", "helm",
                        "name", release, "status", status, "version", Long.toString(version))),
                "type", "helm.sh/release.v1",
                "data", Map.of("release", Base64.getEncoder().encodeToString(helmText.getBytes(StandardCharsets.US_ASCII)))));
        return this;
    }

    /**
     * The needs-attention CronJob as the chart declares it (no time zone: the cluster's clock), its last run, and,
     * when it ran, the pod its Job left, which carries the service's labels.
     */
    public SimulatedCluster needsAttentionJob(String schedule, java.time.Instant lastScheduled) throws IOException {
        Files.createDirectories(dir.resolve("cronjobs"));
        String name = "hmpps-person-record-recluster-needs-attention-job";
        Map<String, Object> status = lastScheduled == null ? Map.of() : Map.of("lastScheduleTime", lastScheduled.toString());
        write(dir.resolve("cronjobs").resolve(name + ".json"), Map.of("apiVersion", "batch/v1", "kind", "CronJob",
                "metadata", Map.of("name", name, "namespace", namespace),
                "spec", Map.of("schedule", schedule, "concurrencyPolicy", "Replace", "suspend", false,
                        "jobTemplate", Map.of("spec", Map.of("activeDeadlineSeconds", 3600))),
                "status", status));
        return this;
    }

    /**
     * A Job the needs-attention CronJob made (or one made by hand from it, {@code byHand}): named after the CronJob
     * with its scheduled minute, started at {@code started} and complete at {@code completed} (null: still active).
     */
    public SimulatedCluster needsAttentionJobRun(java.time.Instant started, java.time.Instant completed, boolean byHand)
            throws IOException {
        Files.createDirectories(dir.resolve("jobs"));
        String cronJob = "hmpps-person-record-recluster-needs-attention-job";
        String name = cronJob + "-" + (byHand ? "manual-" : "") + started.getEpochSecond() / 60;
        Map<String, Object> metadata = byHand ? Map.of("name", name, "namespace", namespace)
                : Map.of("name", name, "namespace", namespace, "ownerReferences", List.of(Map.of("apiVersion",
                "batch/v1", "kind", "CronJob", "name", cronJob, "controller", true)));
        Map<String, Object> status = completed == null
                ? Map.of("startTime", started.toString(), "active", 1)
                : Map.of("startTime", started.toString(), "completionTime", completed.toString(), "succeeded", 1);
        write(dir.resolve("jobs").resolve(name + ".json"), Map.of("apiVersion", "batch/v1", "kind", "Job",
                "metadata", metadata, "spec", Map.of("backoffLimit", 2), "status", status));
        return this;
    }

    /** Every secret read is refused, as for an account without that permission. */
    public SimulatedCluster forbidSecrets() throws IOException {
        Files.writeString(dir.resolve("forbid-secrets"), "forbidden");
        return this;
    }

    /** Makes every command fail as kubectl does: "expired", "forbidden", "unreachable", or null to stop. */
    public SimulatedCluster failAs(String how) throws IOException {
        if (how == null) {
            Files.deleteIfExists(dir.resolve("fail"));
        } else {
            Files.writeString(dir.resolve("fail"), how);
        }
        return this;
    }

    /** Where port-forward relays to: the port of a simulated service on 127.0.0.1, standing in for the pod's 8080. */
    public SimulatedCluster forwardTo(int port) throws IOException {
        Files.writeString(dir.resolve("forward-target"), Integer.toString(port));
        return this;
    }

    /** Port-forwards to this pod relay to this port: each of the rehearsal's pods has a service of its own. */
    public SimulatedCluster forwardTo(String pod, int port) throws IOException {
        Files.writeString(dir.resolve("forward-target-" + pod), Integer.toString(port));
        return this;
    }

    /** {@code logs} of this pod reads this file, whose lines start with an RFC3339 stamp and a space. */
    public SimulatedCluster podLog(String pod, Path file) throws IOException {
        Files.writeString(dir.resolve("logs").resolve(pod + ".path"), file.toAbsolutePath().toString());
        return this;
    }

    /** The next {@code logs} of this pod ends by itself after this many lines, as a dropped stream does. */
    public SimulatedCluster cutLogAfter(String pod, int lines) throws IOException {
        Files.writeString(dir.resolve("logs").resolve(pod + ".cut-after"), Integer.toString(lines));
        return this;
    }

    /** The pid of the latest port-forward the fake started. */
    public long portForwardPid() throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("port-forward.pid")).strip());
    }

    /**
     * The latest port-forward ends, as kubectl's do after an idle timeout or a network blip; returns once its
     * process is gone. The console's supervisor then starts a new one, on another local port.
     */
    public void dropPortForward() throws IOException {
        Optional<ProcessHandle> p = ProcessHandle.of(portForwardPid());
        if (p.isPresent()) {
            p.get().destroyForcibly();
            try {
                p.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("the port-forward did not end: " + e.getMessage(), e);
            }
        }
    }

    /** Every argument list kubectl was called with, in order. */
    public List<List<String>> calls() {
        Path log = dir.resolve("argv.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log)) {
            List<List<String>> calls = new ArrayList<>();
            for (String line : lines.toList()) {
                List<String> args = new ArrayList<>();
                JSON.readTree(line).forEach(a -> args.add(a.asText()));
                calls.add(args);
            }
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, Object value) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String classpath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(SimulatedKubectl.class, ObjectMapper.class, JsonFactory.class, JsonInclude.class)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
