package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClockReading;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectFailure;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaLag;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.SslMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/** Step 1: the read replica's address, credentials and TLS; connecting runs the replica checks. */
public final class ConnectStepViewModel implements AutoCloseable {

    private final WizardSession session;
    private final TaskRunner tasks;
    private final SettingsStore settings;
    // The hour decides whether an unreachable replica may simply be stopped for the night.
    private java.time.Clock clock = java.time.Clock.systemUTC();

    private final StringProperty host = new SimpleStringProperty(this, "host");
    private final StringProperty port = new SimpleStringProperty(this, "port");
    private final StringProperty database = new SimpleStringProperty(this, "database");
    private final StringProperty user = new SimpleStringProperty(this, "user");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>(this, "environment");
    private final ObjectProperty<SslMode> sslMode = new SimpleObjectProperty<>(this, "sslMode");
    private final StringProperty caBundle = new SimpleStringProperty(this, "caBundle", "");
    private final StringProperty tlsServerName = new SimpleStringProperty(this, "tlsServerName", "");
    private final BooleanProperty primaryAcknowledged = new SimpleBooleanProperty(this, "primaryAcknowledged");

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper primaryNeedsAcknowledgement = new ReadOnlyBooleanWrapper(this, "primaryNeedsAcknowledgement");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<ReplicaInfo> info = new ReadOnlyObjectWrapper<>(this, "info");
    private final ReadOnlyObjectWrapper<Message> tlsAdvice = new ReadOnlyObjectWrapper<>(this, "tlsAdvice");

    // event_log's clock: what the user compares event_timestamp in (the service's UK time unless chosen otherwise),
    // what the data showed at connect, and whether a disagreement between the two was accepted explicitly.
    private final ObjectProperty<EventClock> eventClock = new SimpleObjectProperty<>(this, "eventClock", EventClock.SERVICE);
    private final ReadOnlyObjectWrapper<ClockReading> clockReading = new ReadOnlyObjectWrapper<>(this, "clockReading");
    private final ReadOnlyObjectWrapper<Message> clockMessage = new ReadOnlyObjectWrapper<>(this, "clockMessage");
    private final ReadOnlyBooleanWrapper clockMismatch = new ReadOnlyBooleanWrapper(this, "clockMismatch");
    private final BooleanProperty clockConfirmed = new SimpleBooleanProperty(this, "clockConfirmed");

    // How far the replica is behind its primary: read at connect, then again every LAG_REFRESH in the background.
    private final ReadOnlyObjectWrapper<ReplicaLag> lag = new ReadOnlyObjectWrapper<>(this, "lag");
    private final ReadOnlyObjectWrapper<Message> lagMessage = new ReadOnlyObjectWrapper<>(this, "lagMessage");
    private final java.time.Duration lagThreshold;
    private java.util.concurrent.ScheduledExecutorService lagRefresh;
    private String connectionDetail = "";
    static final java.time.Duration LAG_REFRESH = java.time.Duration.ofSeconds(10);

    private final ThroughClusterViewModel throughCluster;
    private boolean sslModeChosenByUser;
    private boolean settingSslModeAutomatically;
    private long attempt;

    public ConnectStepViewModel(WizardSession session, TaskRunner tasks, SettingsStore settings) {
        this.session = session;
        this.tasks = tasks;
        this.settings = settings;

        lagThreshold = java.time.Duration.ofSeconds(settings.get("replica.lagWarningSeconds")
                .map(Long::parseLong).orElse(ReplicaLag.DEFAULT_THRESHOLD.toSeconds()));
        host.set(settings.get("connect.host", "127.0.0.1"));
        port.set(settings.get("connect.port", "5432"));
        database.set(settings.get("connect.database", ""));
        user.set(settings.get("connect.user", ""));
        environment.set(settings.get("connect.environment").flatMap(Environment::fromLabel).orElse(Environment.DEV));
        caBundle.set(settings.get("connect.caBundle", ""));
        tlsServerName.set(settings.get("connect.tlsServerName", ""));
        settings.get("connect.sslMode").map(SslMode::valueOf).ifPresentOrElse(m -> {
            sslMode.set(m);
            sslModeChosenByUser = true;
        }, () -> sslMode.set(SslMode.defaultFor(host.get())));

        host.addListener((obs, was, now) -> {
            if (!sslModeChosenByUser) {
                settingSslModeAutomatically = true;
                sslMode.set(SslMode.defaultFor(now == null ? "" : now.trim()));
                settingSslModeAutomatically = false;
            }
        });
        sslMode.addListener((obs, was, now) -> {
            if (!settingSslModeAutomatically) {
                sslModeChosenByUser = true;
            }
        });
        tlsAdvice.bind(Bindings.createObjectBinding(this::adviseOnTls, environment, sslMode, tlsServerName, host));
        valid.bind(session.replicaProperty().isNotNull()
                .and(primaryNeedsAcknowledgement.not().or(primaryAcknowledged))
                .and(clockMismatch.not().or(clockConfirmed)));
        eventClock.addListener((obs, was, now) -> {
            session.eventClockProperty().set(now);
            clockConfirmed.set(false);
            judgeClock(true);
        });
        clockConfirmed.addListener((obs, was, now) -> {
            if (now && session.replicaProperty().get() != null) {
                recordClock();
            }
        });
        // Asked again for every new connection: an acknowledgement belongs to one server.
        session.replicaProperty().addListener((obs, was, now) -> {
            primaryAcknowledged.set(false);
            clockConfirmed.set(false);
        });
        throughCluster = new ThroughClusterViewModel(this, tasks, settings, java.time.Clock.systemUTC());
    }

    WizardSession session() {
        return session;
    }

    /** The clock the out-of-hours hint reads; the system's unless a test gives another. */
    public void useClock(java.time.Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    /** Reaching the replica through the cluster's relay pod, as the runbook does by hand. */
    public ThroughClusterViewModel throughCluster() {
        return throughCluster;
    }

    /** Ends the port-forward to the relay pod, if one was started. */
    @Override
    public void close() {
        stopLagRefresh();
        throughCluster.close();
    }

    /**
     * Fills the form as the resumed incident connected: host, port, database, user, SSL mode and environment. The
     * journal never held the password, so the user types it again (or leaves it to .pgpass); the message says so.
     */
    public void restore(JournalEntry.Connected connected, Environment env) {
        restore(connected, env, null);
    }

    /** As {@link #restore(JournalEntry.Connected, Environment)}; {@code carryOnAt} names the step the console goes on to. */
    public void restore(JournalEntry.Connected connected, Environment env, String carryOnAt) {
        host.set(connected.host());
        port.set(Integer.toString(connected.port()));
        database.set(connected.database());
        user.set(connected.user());
        if (env != null) {
            environment.set(env);
        }
        try {
            sslMode.set(SslMode.fromPgValue(connected.sslMode()));
        } catch (IllegalArgumentException e) {
            // Not one this console knows: the form keeps its own, which the user sees before connecting.
        }
        password.set("");
        message.set(Message.info("Resumed: the connection is as this incident made it (" + connected.user() + "@"
                + connected.host() + ":" + connected.port() + "/" + connected.database() + ", sslmode "
                + connected.sslMode() + "). The password is never kept: type it again (or leave it empty for "
                + ".pgpass) and connect to carry on" + (carryOnAt == null ? "." : ": the console then takes you back to "
                + carryOnAt + ", where the incident stopped.")));
    }

    /**
     * Puts back the clock a resumed incident compared event_timestamp in. A journal written before the choice
     * existed compared in UTC; it is carried on in the service's clock, and the resumption says what that changes.
     */
    public void restoreClock(EventClock clock, java.util.Optional<String> change) {
        eventClock.set(clock);
        session.eventClockProperty().set(clock);
        change.ifPresent(note -> message.set(Message.warning(
                (message.get() == null ? "" : message.get().text() + "\n") + note)));
    }

    public void connect() {
        String problem = problemWithForm();
        if (problem != null) {
            message.set(Message.error(problem));
            return;
        }
        ConnectionSettings s = settingsFromForm();
        long thisAttempt = ++attempt;
        busy.set(true);
        message.set(Message.info("Connecting to " + s.host() + ":" + s.port() + " and checking the replica\u2026"));
        session.statusProperty().set("Connecting to the replica\u2026");
        tasks.run(() -> Replica.connect(s), replica -> {
            if (thisAttempt != attempt) {
                replica.close();
                return;
            }
            busy.set(false);
            connected(replica);
        }, error -> {
            if (thisAttempt != attempt) {
                return;
            }
            busy.set(false);
            failed(error);
        });
    }

    /** A connection attempt cannot be interrupted mid-handshake; its timeouts bound it, and a late result is closed. */
    public void cancel() {
        if (busy.get()) {
            attempt++;
            busy.set(false);
            message.set(Message.warning("Connection attempt cancelled."));
            session.statusProperty().set("Connection attempt cancelled.");
        }
    }

    public void disconnect() {
        stopLagRefresh();
        lag.set(null);
        lagMessage.set(null);
        session.replicaProperty().set(null);
        session.environmentProperty().set(null);
        session.connectionDetailProperty().set("");
        info.set(null);
        primaryNeedsAcknowledgement.set(false);
        clockReading.set(null);
        judgeClock(false);
        message.set(Message.info("Disconnected."));
    }

    private void connected(Replica replica) {
        ReplicaInfo i = replica.info();
        info.set(i);
        primaryNeedsAcknowledgement.set(!i.inRecovery());
        session.replicaProperty().set(replica);
        session.environmentProperty().set(replica.settings().environment());
        // The incident starts at its first connection; the journal never holds the password.
        session.incident().ifPresent(incident -> incident.start(replica.settings().environment()));
        session.record(JournalEntry.Connected.of(replica.settings()));
        if (throughCluster().forwarding()) {
            session.useClusterTarget();
        }
        connectionDetail = replica.settings().user() + "@" + replica.settings().host() + ":"
                + replica.settings().port() + "/" + replica.settings().database() + "  \u2022  PostgreSQL "
                + i.serverVersion() + (i.inRecovery() ? "  \u2022  read replica" : "  \u2022  PRIMARY");
        showLag(i.lag());
        startLagRefresh(replica);
        if (i.inRecovery()) {
            message.set(Message.ok("Connected to a read replica. Every connection is read-only."));
        } else {
            message.set(Message.warning("This server is a primary, not a read replica (pg_is_in_recovery() is false). "
                    + "The console's connections are read-only either way, but the runbook's queries add load to the "
                    + "live database. Tick the acknowledgement to go on, or connect to the replica instead."));
        }
        showClockReading(i.clock());
        session.statusProperty().set("Connected: PostgreSQL " + i.serverVersion() + ", about "
                + NumberFormat.getIntegerInstance(Locale.UK).format(i.eventLogRowEstimate()) + " event_log rows.");
        remember(replica.settings());
    }

    /**
     * Compares the chosen clock with what the data showed at connect. A disagreement must be accepted explicitly
     * (or the choice changed) before the step is complete, so nothing is exported on a clock the data contradicts.
     */
    private void judgeClock(boolean record) {
        ClockReading reading = clockReading.get();
        if (reading == null) {
            clockMismatch.set(false);
            clockMessage.set(null);
            return;
        }
        EventClock chosen = eventClock.get();
        var detected = reading.detected();
        boolean mismatch = detected.isPresent() && detected.get() != chosen;
        clockMismatch.set(mismatch);
        String explanation = reading.explanation();
        if (mismatch) {
            clockMessage.set(Message.warning(explanation + " The console is set to read event_timestamp in "
                    + chosen.label() + ": choose " + detected.get().label() + " to follow the data, or confirm "
                    + chosen.label() + " explicitly before anything is exported."));
        } else if (detected.isPresent()) {
            clockMessage.set(Message.ok(explanation + " event_timestamp is compared in " + chosen.label() + "."));
        } else {
            clockMessage.set(Message.info(explanation + " event_timestamp is compared in " + chosen.label() + "."));
        }
        if (record && session.replicaProperty().get() != null && !mismatch) {
            recordClock();
        }
    }

    /**
     * What event_log's data showed about its clock (the connect checks read it; Check again reads it anew): shown,
     * compared with the chosen clock, and journalled. A new reading asks again for a confirmation it contradicts.
     */
    public void showClockReading(ClockReading reading) {
        clockReading.set(reading);
        clockConfirmed.set(false);
        judgeClock(false);
        recordClock();
    }

    /** Reads the newest event against the replica's clock again, e.g. once events are flowing after a quiet spell. */
    public void recheckClock() {
        Replica replica = session.replicaProperty().get();
        if (replica == null) {
            return;
        }
        tasks.run(replica::clockReading, reading -> {
            if (session.replicaProperty().get() == replica) {
                showClockReading(reading);
            }
        }, error -> clockMessage.set(Message.error("Could not read event_log's clock: " + Replica.describeFailure(error))));
    }

    private void recordClock() {
        ClockReading reading = clockReading.get();
        if (reading == null || session.replicaProperty().get() == null) {
            return;
        }
        EventClock chosen = eventClock.get();
        EventClock detected = reading.detected().orElse(null);
        String how = reading.explanation() + (detected != null && detected != chosen
                ? " " + chosen.label() + " was confirmed by the user against the data."
                : chosen == EventClock.SERVICE ? "" : " " + chosen.label() + " was chosen by the user.");
        session.record(new JournalEntry.ClockChosen(chosen, detected, how));
    }

    /** Shows the replica's lag at Connect and in the banner's connection detail, warning past the threshold. */
    void showLag(ReplicaLag now) {
        lag.set(now);
        if (now == null) {
            lagMessage.set(null);
            return;
        }
        session.connectionDetailProperty().set(connectionDetail + (now.inRecovery() ? "  \u2022  " + now.shortText() : ""));
        if (now.beyond(lagThreshold)) {
            lagMessage.set(Message.warning(now.describe() + " That is more than " + lagThreshold.toSeconds()
                    + " s: a preview taken now ends " + ReplicaLag.seconds(now.lag()) + " before the replica's clock."));
        } else {
            lagMessage.set(null); // the short text in the facts says it; a message is for a lag to weigh
        }
    }

    private void startLagRefresh(Replica replica) {
        stopLagRefresh();
        if (!replica.info().inRecovery()) {
            return;
        }
        lagRefresh = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "replica-lag");
            t.setDaemon(true);
            return t;
        });
        lagRefresh.scheduleWithFixedDelay(() -> tasks.run(replica::lag, now -> {
            if (session.replicaProperty().get() == replica) {
                showLag(now);
            }
        }, error -> { }), LAG_REFRESH.toMillis(), LAG_REFRESH.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void stopLagRefresh() {
        if (lagRefresh != null) {
            lagRefresh.shutdownNow();
            lagRefresh = null;
        }
    }

    private void failed(Throwable error) {
        session.statusProperty().set("Not connected.");
        if (error instanceof ConnectFailure f) {
            message.set(Message.error(f.whatHappened() + "\n" + CredentialsHint.whatToDo(f, environment.get())
                    + ReplicaAsleepHint.of(f, environment.get(), clock).map(h -> "\n" + h).orElse("")));
        } else {
            message.set(Message.error("Could not connect: " + error.getMessage()));
        }
    }

    private void remember(ConnectionSettings s) {
        settings.put("connect.host", s.host());
        settings.put("connect.port", Integer.toString(s.port()));
        settings.put("connect.database", s.database());
        settings.put("connect.user", s.user());
        settings.put("connect.environment", s.environment().label());
        settings.put("connect.sslMode", sslModeChosenByUser ? s.sslMode().name() : null);
        settings.put("connect.caBundle", s.caBundle() == null ? null : s.caBundle().toString());
        settings.put("connect.tlsServerName", s.tlsServerName());
        try {
            settings.save();
        } catch (java.io.IOException e) {
            session.statusProperty().set("Connected, but the settings could not be saved: " + e.getMessage());
        }
    }

    // The replica is only worth trusting once its certificate is checked; a local database needs no such care.
    private Message adviseOnTls() {
        Environment env = environment.get();
        SslMode mode = sslMode.get();
        if (env == null || env == Environment.LOCAL || env.isRehearsal() || mode == null) {
            return null;
        }
        if (!mode.verifiesCertificate()) {
            return Message.warning("With sslmode " + mode.pgValue() + " the console does not check who it is talking to. "
                    + "For the " + env.label() + " replica choose verify-full, the RDS CA bundle, and, through a "
                    + "port-forward, the RDS host name as certificate host.");
        }
        if (SslMode.isLoopback(host.get() == null ? "" : host.get().trim()) && blank(tlsServerName.get())) {
            return Message.info("Through a port-forward the certificate names the RDS host, not " + host.get().trim()
                    + ": give that host name as certificate host (rds_instance_address in the secret).");
        }
        return null;
    }

    String problemWithForm() {
        if (blank(host.get())) {
            return "Host is empty: type the replica's host name, or 127.0.0.1 for a port-forward.";
        }
        int p;
        try {
            p = Integer.parseInt(port.get().trim());
        } catch (RuntimeException e) {
            return "Port \u201c" + port.get() + "\u201d is not a number: the local end of a port-forward, e.g. 5432.";
        }
        if (p < 1 || p > 65535) {
            return "Port " + p + " is out of range: use 1 to 65535.";
        }
        if (blank(database.get())) {
            return "Database is empty: the secret's database_name.";
        }
        if (blank(user.get())) {
            return "User is empty: the secret's database_username.";
        }
        if (!blank(caBundle.get()) && !Files.isReadable(Path.of(caBundle.get().trim()))) {
            return "CA bundle " + caBundle.get().trim() + " cannot be read: check the path, or leave it empty.";
        }
        return null;
    }

    ConnectionSettings settingsFromForm() {
        String pw = password.get();
        return new ConnectionSettings(host.get().trim(), Integer.parseInt(port.get().trim()), database.get().trim(),
                user.get().trim(), blank(pw) ? null : pw.toCharArray(), environment.get(), sslMode.get(),
                blank(caBundle.get()) ? null : Path.of(caBundle.get().trim()),
                blank(tlsServerName.get()) ? null : tlsServerName.get().trim());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public StringProperty hostProperty() { return host; }
    public StringProperty portProperty() { return port; }
    public StringProperty databaseProperty() { return database; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public ObjectProperty<Environment> environmentProperty() { return environment; }
    public ObjectProperty<SslMode> sslModeProperty() { return sslMode; }
    public StringProperty caBundleProperty() { return caBundle; }
    public StringProperty tlsServerNameProperty() { return tlsServerName; }
    public BooleanProperty primaryAcknowledgedProperty() { return primaryAcknowledged; }
    public ObjectProperty<EventClock> eventClockProperty() { return eventClock; }
    public ReadOnlyObjectProperty<ReplicaLag> lagProperty() { return lag.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> lagMessageProperty() { return lagMessage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ClockReading> clockReadingProperty() { return clockReading.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> clockMessageProperty() { return clockMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty clockMismatchProperty() { return clockMismatch.getReadOnlyProperty(); }
    public BooleanProperty clockConfirmedProperty() { return clockConfirmed; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty primaryNeedsAcknowledgementProperty() { return primaryNeedsAcknowledgement.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ReplicaInfo> infoProperty() { return info.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> tlsAdviceProperty() { return tlsAdvice.getReadOnlyProperty(); }

    /** Whether the current settings would verify the server's certificate (for the hint under the TLS fields). */
    public javafx.beans.binding.BooleanBinding verifiesCertificate() {
        return Bindings.createBooleanBinding(() -> sslMode.get() == SslMode.VERIFY_FULL || sslMode.get() == SslMode.VERIFY_CA, sslMode);
    }
}
