package uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for one pod of hmpps-person-record on 127.0.0.1, written to what the service really does:
 * {@code POST /admin/recluster} takes a raw JSON array, answers 200 with an empty body at once, then works through
 * the records asynchronously, writing the service's log lines. Its log file holds them as the container runtime
 * keeps them, each prefixed with an RFC3339 stamp, which the simulated kubectl strips or keeps as {@code --timestamps}
 * says.
 */
public final class SimulatedPersonRecordService implements AutoCloseable {

    private static final DateTimeFormatter APP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final String CONTROLLER = "u.g.j.d.h.p.c.a.ReclusterController$Companion";
    private static final String SERVICE = "u.g.j.d.h.p.s.AdminReclusterService      ";
    private static final Set<String> SOURCE_SYSTEMS = Set.of("NOMIS", "DELIUS", "COMMON_PLATFORM", "LIBRA");

    /** A canned answer for the next recluster request(s), instead of the real behaviour. */
    public record Canned(int status, String body, String retryAfter) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(daemon("fake-service-http"));
    private final ExecutorService runs = Executors.newCachedThreadPool(daemon("fake-service-run"));
    private final Path logFile;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicInteger reclusterRequests = new AtomicInteger();
    private final AtomicInteger healthRequests = new AtomicInteger();
    private final AtomicInteger runCounter = new AtomicInteger();
    private final List<JsonNode> acceptedBodies = new CopyOnWriteArrayList<>();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final Set<String> notFound = ConcurrentHashMap.newKeySet();
    private final Set<String> merged = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Canned> canned = new AtomicReference<>();
    private volatile Duration perRecord = Duration.ofMillis(2);
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile boolean dropAfterBody;
    private volatile java.util.function.IntPredicate beforeRequest = n -> true;
    private final Object holdLock = new Object();
    private boolean held;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int dropRequest = -1;
    private volatile boolean healthDown;
    private volatile int dieAfterItems = -1;
    private final AtomicInteger itemsLogged = new AtomicInteger();
    private volatile boolean dead;
    private volatile int dieInRun = -1;
    private volatile Runnable onDeath = () -> { };
    private volatile java.util.function.Consumer<List<String>> onReclustered = ids -> { };
    private volatile Fault fault;
    private volatile int takeDespiteRequest = -1;
    private volatile int takeDespiteStatus;
    private volatile int otherRunAfter = -1;
    private volatile int otherRunRecords;
    private volatile java.util.function.IntConsumer beforeComplete = run -> { };
    private final AtomicInteger runsGoing = new AtomicInteger();
    private final AtomicInteger sentWhileAnotherRan = new AtomicInteger();

    /** How a run of this pod ends early while the pod stays healthy, as the service's unguarded coroutine does. */
    public enum FaultKind {
        /** An uncaught exception: the JVM's default handler prints it on stderr, no logback layout, no Complete. */
        DIES_WITH_STACK_TRACE,
        /** A call that never returns: the run logs nothing more, and never completes. */
        FALLS_SILENT
    }

    /**
     * The {@code run}th run (1 is the first) ends so at {@code item} of {@code phase} ("Upsert" or "Recluster");
     * an item of 0 is half-way through that phase.
     */
    public record Fault(FaultKind kind, int run, String phase, int item) {
    }
    /** How many times each source id's recluster step ran to its end on this pod. */
    private final Map<String, Integer> reclustered = new ConcurrentHashMap<>();

    private SimulatedPersonRecordService(Path logFile, Clock clock) throws IOException {
        this.logFile = logFile;
        this.clock = clock;
        Files.createDirectories(logFile.getParent());
        Files.write(logFile, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(handlers);
        server.createContext("/health", this::health);
        server.createContext("/admin/recluster", this::recluster);
    }

    public static SimulatedPersonRecordService start(Path logFile) throws IOException {
        SimulatedPersonRecordService service = new SimulatedPersonRecordService(logFile, Clock.systemUTC());
        service.server.start();
        service.log(SERVICE, "main", "INFO", "Started HmppsPersonRecordKt in 12.345 seconds (process running for 13.1)");
        return service;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    public Path logFile() {
        return logFile;
    }

    public SimulatedPersonRecordService perRecord(Duration d) {
        perRecord = d;
        return this;
    }

    public SimulatedPersonRecordService notFound(String... ids) {
        notFound.addAll(List.of(ids));
        return this;
    }

    public SimulatedPersonRecordService merged(String... ids) {
        merged.addAll(List.of(ids));
        return this;
    }

    public SimulatedPersonRecordService answerNext(int status, String body) {
        canned.set(new Canned(status, body, null));
        return this;
    }

    public SimulatedPersonRecordService answerNext(int status, String body, String retryAfter) {
        canned.set(new Canned(status, body, retryAfter));
        return this;
    }

    /** Reads the whole request, then waits this long before answering. */
    public SimulatedPersonRecordService answerAfter(Duration d) {
        answerDelay = d;
        return this;
    }

    /** Reads the whole request, then drops the connection without a word. */
    public SimulatedPersonRecordService dropAfterBody(boolean drop) {
        dropAfterBody = drop;
        return this;
    }

    /** Reads the whole of the n-th recluster request (counting from 1), then drops it without a word; not others. */
    public SimulatedPersonRecordService dropAfterBodyOf(int request) {
        dropRequest = request;
        return this;
    }

    public SimulatedPersonRecordService healthDown(boolean down) {
        healthDown = down;
        return this;
    }

    /**
     * The pod dies after logging this many Processing items over all runs, while it works on the last one: that
     * item is in the log as started, and was not done.
     */
    public SimulatedPersonRecordService dieAfterItems(int items) {
        dieAfterItems = items;
        return this;
    }

    /** The pod dies half-way through the recluster phase of its {@code run}th recluster run (1 is the first). */
    public SimulatedPersonRecordService dieInRun(int run) {
        dieInRun = run;
        return this;
    }

    /**
     * Runs at the end of each run (complete, or the pod dying) with the source ids it reclustered (not those
     * merged or not found), e.g. to settle their clusters in a database.
     */
    public SimulatedPersonRecordService onReclustered(java.util.function.Consumer<List<String>> action) {
        onReclustered = action;
        return this;
    }

    /** Runs once when the pod dies, e.g. to take it out of the simulated cluster. */
    public SimulatedPersonRecordService onDeath(Runnable action) {
        onDeath = action;
        return this;
    }

    /** One run ends early, on a pod that stays healthy. */
    public SimulatedPersonRecordService fault(Fault f) {
        fault = f;
        return this;
    }

    /**
     * The n-th recluster request (from 1) is answered with this status although the service takes it: its run is
     * started and logs its Triggered line, as when something after the launch fails the answer.
     */
    public SimulatedPersonRecordService takeDespiteAnswering(int request, int status) {
        takeDespiteRequest = request;
        takeDespiteStatus = status;
        return this;
    }

    /**
     * Just before run {@code run} logs Complete, another run of {@code records} records starts on this pod (the
     * daily needs-attention job, another console): its Triggered line is in the log before our Complete.
     */
    public SimulatedPersonRecordService otherRunBeforeCompleteOf(int run, int records) {
        otherRunAfter = run;
        otherRunRecords = records;
        return this;
    }

    /** Runs just before run {@code n} logs Complete (its records are done): e.g. to drop the port-forward then. */
    public SimulatedPersonRecordService beforeComplete(java.util.function.IntConsumer action) {
        beforeComplete = action;
        return this;
    }

    /**
     * Asked with each recluster request's number (from 1) as it arrives, before it is read: false drops it unread
     * and uncounted, as a request that never left (the console was killed just before it).
     */
    public SimulatedPersonRecordService beforeRequest(java.util.function.IntPredicate arrive) {
        beforeRequest = arrive;
        return this;
    }

    /** While held, every run waits before its next item: a run still going, however long a test takes to look. */
    public SimulatedPersonRecordService hold(boolean hold) {
        synchronized (holdLock) {
            held = hold;
            holdLock.notifyAll();
        }
        return this;
    }

    /** Requests that started a run while another run was still going on this pod: two runs competing. */
    public int sentWhileAnotherRan() {
        return sentWhileAnotherRan.get();
    }

    public int reclusterRequests() {
        return reclusterRequests.get();
    }

    public int healthRequests() {
        return healthRequests.get();
    }

    /** The bodies of the requests that started a run, in order. */
    /** "METHOD PATH CONTENT-TYPE" of each request to /admin/recluster, as received. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    public List<JsonNode> acceptedBodies() {
        return List.copyOf(acceptedBodies);
    }

    public boolean isDead() {
        return dead;
    }

    /**
     * How many times each source id was reclustered to the end on this pod (merged and not-found records count too:
     * the service is done with them). A record the pod died on is not counted.
     */
    public Map<String, Integer> reclustered() {
        return Map.copyOf(reclustered);
    }

    /** Writes an unrelated line to the log, as other requests do. */
    public void logOther(String message) {
        log("o.s.web.servlet.DispatcherServlet       ", "nio-8080-exec-2", "INFO", message);
    }

    /** The pod goes away: no more answers, no more log lines. */
    public void die() {
        if (!dead) {
            dead = true;
            onDeath.run();
        }
        server.stop(0);
        runs.shutdownNow();
        handlers.shutdownNow();
    }

    private void health(HttpExchange exchange) throws IOException {
        healthRequests.incrementAndGet();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (healthDown) {
                respond(exchange, 503, "{\"status\":\"DOWN\"}", "application/json");
            } else {
                respond(exchange, 200, "{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}", "application/json");
            }
        }
    }

    private void recluster(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!beforeRequest.test(arrived.incrementAndGet())) {
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int number = reclusterRequests.incrementAndGet();
            requestLines.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, error(405, "Request method '" + exchange.getRequestMethod() + "' is not supported"), "application/json");
                return;
            }
            if (dropAfterBody || number == dropRequest) {
                // Closing without a status line is a connection lost after the request was read.
                return;
            }
            if (!answerDelay.isZero()) {
                try {
                    Thread.sleep(answerDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Canned c = canned.getAndSet(null);
            boolean takeAnyway = number == takeDespiteRequest;
            if (c != null && !takeAnyway) {
                if (c.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", c.retryAfter());
                }
                respond(exchange, c.status(), c.body(), "application/json");
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
                respond(exchange, 400, error(400, "Required request body is missing"), "application/json");
                return;
            }
            JsonNode records;
            try {
                records = mapper.readTree(body);
            } catch (IOException e) {
                respond(exchange, 400, error(400, "JSON parse error: " + e.getMessage()), "application/json");
                return;
            }
            String problem = problemWith(records);
            if (problem != null) {
                respond(exchange, 400, error(400, problem), "application/json");
                return;
            }
            acceptedBodies.add(records);
            if (runsGoing.get() > 0) {
                sentWhileAnotherRan.incrementAndGet();
            }
            String thread = "task-" + runCounter.incrementAndGet();
            List<String> ids = new ArrayList<>();
            records.forEach(r -> ids.add(r.get("source_system_id").asText()));
            int run = runCounter.get();
            runsGoing.incrementAndGet();
            // The controller logs Triggered, launches the run, then answers.
            log(CONTROLLER, "nio-8080-exec-" + (number % 10 + 1), "INFO",
                    "ADMIN RECLUSTER:  Triggered. Number of records: " + ids.size() + ".");
            runs.execute(() -> {
                try {
                    run(thread, ids, run, true);
                } finally {
                    runsGoing.decrementAndGet();
                }
            });
            if (takeAnyway) {
                respond(exchange, takeDespiteStatus, error(takeDespiteStatus, "Internal Server Error"), "application/json");
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
        }
    }

    private String problemWith(JsonNode records) {
        if (records == null || !records.isArray()) {
            return "JSON parse error: Cannot deserialize value of type `java.util.ArrayList` from Object value";
        }
        for (JsonNode r : records) {
            JsonNode system = r.get("source_system");
            JsonNode id = r.get("source_system_id");
            if (system == null || system.isNull() || id == null || id.isNull()) {
                return "JSON parse error: Instantiation of [simple type, class AdminReclusterRecord] value failed for JSON property "
                        + (system == null || system.isNull() ? "source_system" : "source_system_id")
                        + " due to missing (therefore NULL) value";
            }
            if (!SOURCE_SYSTEMS.contains(system.asText())) {
                return "JSON parse error: Cannot deserialize value of type `SourceSystemType` from String \""
                        + system.asText() + "\": not one of the values accepted for Enum class: [DELIUS, NOMIS, COMMON_PLATFORM, LIBRA]";
            }
        }
        return null;
    }

    /** @param ours a run of a request to this pod, counted in {@link #reclustered()}; not another job's run */
    private void run(String thread, List<String> ids, int run, boolean ours) {
        int n = ids.size();
        List<String> done = new ArrayList<>();
        Fault f = ours ? fault : null;
        for (String phase : List.of("Upsert", "Recluster")) {
            log(SERVICE, thread, "INFO", "Starting " + phase + " Person Records, count: " + n);
            for (int i = 1; i <= n && !dead; i++) {
                if (!pause()) {
                    return;
                }
                if (dieAfterItems >= 0 && itemsLogged.get() >= dieAfterItems) {
                    die();
                    return;
                }
                String id = ids.get(i - 1);
                int logged = itemsLogged.incrementAndGet();
                log(SERVICE, thread, "INFO", "Processing " + phase + " Person Records, item: " + i + "/" + n);
                if (f != null && f.run() == run && f.phase().equals(phase) && (f.item() > 0 ? f.item() : (n + 1) / 2) == i) {
                    // The item's work throws, or never returns: it and every record after it stay undone.
                    onReclustered.accept(List.copyOf(done));
                    endEarly(f.kind(), thread);
                    return;
                }
                // A pod dies while working on an item: after its Processing line, before its work is done, so
                // that line proves only the items before it done.
                boolean dying = (dieAfterItems >= 0 && logged >= dieAfterItems)
                        || (ours && run == dieInRun && phase.equals("Recluster") && i > (n + 1) / 2);
                boolean handled = true;
                if (merged.contains(id)) {
                    log(SERVICE, thread, "INFO", "Skipping " + phase + " Person Records, item: " + i + "/" + n + " it has been merged");
                } else if (notFound.contains(id)) {
                    log(SERVICE, thread, "ERROR", "Error " + phase + " Person Records, record not found. id: " + id + " item: " + i + "/" + n);
                } else {
                    // Its work comes after the Processing line: a pod dying now leaves it not done.
                    handled = !dying;
                }
                if (handled && ours && phase.equals("Recluster")) {
                    reclustered.merge(id, 1, Integer::sum);
                    if (!merged.contains(id) && !notFound.contains(id)) {
                        done.add(id);
                    }
                }
                if (dying) {
                    onReclustered.accept(List.copyOf(done));
                    die();
                    return;
                }
            }
            if (phase.equals("Upsert")) {
                log(CONTROLLER, thread, "INFO", "ADMIN RECLUSTER:  Records Upsert Complete.");
            }
        }
        if (!dead) {
            // What the recluster changed is in the database before the log says Complete, as in the service.
            if (ours) {
                onReclustered.accept(List.copyOf(done));
            }
            if (ours) {
                beforeComplete.accept(run);
                if (run == otherRunAfter) {
                    startOtherRun();
                }
            }
            log(CONTROLLER, thread, "INFO", "ADMIN RECLUSTER:  Complete.");
        }
    }

    private void startOtherRun() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= otherRunRecords; i++) {
            ids.add("OTHER-RUN-" + i);
        }
        runsGoing.incrementAndGet();
        log(CONTROLLER, "nio-8080-exec-9", "INFO", "ADMIN RECLUSTER:  Triggered. Number of records: " + ids.size() + ".");
        runs.execute(() -> {
            try {
                run("task-other", ids, 0, false);
            } finally {
                runsGoing.decrementAndGet();
            }
        });
    }

    private void endEarly(FaultKind kind, String thread) {
        if (kind == FaultKind.FALLS_SILENT) {
            try {
                // Until the pod is stopped: a hung call to hmpps-person-match.
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        // The coroutine's worker is not the logging thread name; the default handler writes raw lines on stderr,
        // and other requests' lines come between them.
        String worker = "DefaultDispatcher-worker-" + (3 + thread.hashCode() % 5 + 5) % 10;
        raw("Exception in thread \"" + worker + "\" org.springframework.web.reactive.function.client."
                + "WebClientResponseException$InternalServerError: 500 Internal Server Error from POST "
                + "http://hmpps-person-match/person");
        raw("\tat org.springframework.web.reactive.function.client.WebClientResponseException.create(WebClientResponseException.java:336)");
        logOther("GET /health 200");
        raw("\tSuppressed: reactor.core.publisher.FluxOnAssembly$OnAssemblyException: ");
        raw("\tat uk.gov.justice.digital.hmpps.personrecord.service.AdminReclusterService.recluster(AdminReclusterService.kt:42)");
        raw("\tat kotlinx.coroutines.scheduling.CoroutineScheduler$Worker.run(CoroutineScheduler.kt:684)");
    }

    /** A line written on stderr, without the logback layout; the runtime stamps it as any other. */
    private synchronized void raw(String text) {
        if (dead) {
            return;
        }
        try {
            Files.writeString(logFile, clock.instant() + " " + text + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean pause() {
        synchronized (holdLock) {
            while (held) {
                try {
                    holdLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        Duration d = perRecord;
        if (!d.isZero() && d.compareTo(Duration.ofMillis(1)) < 0) {
            // Below a millisecond: a steady rate of some thousand log lines a second, for the screen's benchmark.
            java.util.concurrent.locks.LockSupport.parkNanos(d.toNanos());
            return !Thread.currentThread().isInterrupted();
        }
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized void log(String logger, String thread, String level, String message) {
        if (dead) {
            return;
        }
        Instant now = clock.instant();
        String app = APP_TIME.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC)) + " " + String.format("%5s", level)
                + " 1 --- [" + String.format("%15s", thread) + "] " + logger + " : " + message + " |";
        try {
            Files.writeString(logFile, now + " " + app + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String error(int status, String developerMessage) {
        String quoted = developerMessage.replace("\\", "\\\\").replace("\"", "\\\"");
        return "{\"status\":" + status + ",\"errorCode\":null,\"userMessage\":\"Validation failure: " + quoted
                + "\",\"developerMessage\":\"" + quoted + "\",\"moreInfo\":null}";
    }

    private static void respond(HttpExchange exchange, int status, String body, String contentType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        dead = true;
        server.stop(0);
        runs.shutdownNow();
        handlers.shutdownNow();
        try {
            runs.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
