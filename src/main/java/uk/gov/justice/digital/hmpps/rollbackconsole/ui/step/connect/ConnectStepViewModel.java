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

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectFailure;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaInfo;
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

    private final ThroughClusterViewModel throughCluster;
    private boolean sslModeChosenByUser;
    private boolean settingSslModeAutomatically;
    private long attempt;

    public ConnectStepViewModel(WizardSession session, TaskRunner tasks, SettingsStore settings) {
        this.session = session;
        this.tasks = tasks;
        this.settings = settings;

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
                .and(primaryNeedsAcknowledgement.not().or(primaryAcknowledged)));
        // Asked again for every new connection: an acknowledgement belongs to one server.
        session.replicaProperty().addListener((obs, was, now) -> primaryAcknowledged.set(false));
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
        session.replicaProperty().set(null);
        session.environmentProperty().set(null);
        session.connectionDetailProperty().set("");
        info.set(null);
        primaryNeedsAcknowledgement.set(false);
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
        session.connectionDetailProperty().set(replica.settings().user() + "@" + replica.settings().host() + ":"
                + replica.settings().port() + "/" + replica.settings().database() + "  \u2022  PostgreSQL "
                + i.serverVersion() + (i.inRecovery() ? "  \u2022  read replica" : "  \u2022  PRIMARY"));
        if (i.inRecovery()) {
            message.set(Message.ok("Connected to a read replica. Every connection is read-only."));
        } else {
            message.set(Message.warning("This server is a primary, not a read replica (pg_is_in_recovery() is false). "
                    + "The console's connections are read-only either way, but the runbook's queries add load to the "
                    + "live database. Tick the acknowledgement to go on, or connect to the replica instead."));
        }
        session.statusProperty().set("Connected: PostgreSQL " + i.serverVersion() + ", about "
                + NumberFormat.getIntegerInstance(Locale.UK).format(i.eventLogRowEstimate()) + " event_log rows.");
        remember(replica.settings());
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
