package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;

/** A coloured strip naming where the console points; production is red so nobody on the call can miss it. */
public final class EnvironmentBanner extends HBox {

    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final PseudoClass PRESENTER = PseudoClass.getPseudoClass("presenter");

    private final Label environment = new Label();
    private final Label detail = new Label();
    // The cluster side of the target: context and pod (the namespace is beside the environment's name).
    private final Label target = new Label();
    // Said when the replica's environment and the namespace's disagree: a contradiction to resolve, never two labels.
    private final Label mismatch = new Label();
    private ClusterTarget cluster;
    private final ObservableValue<String> connectionDetail;
    private ObservableValue<String> pod;
    // In presenter mode the step is named here, large, for everyone on the call.
    private final Label step = new Label();
    private final ObservableValue<Environment> env;
    private String offline;
    private boolean rehearsal;

    public EnvironmentBanner(ObservableValue<Environment> env, ObservableValue<String> connectionDetail) {
        getStyleClass().add(Styles.BANNER);
        environment.setId("environment-banner-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        step.setId("presenter-step");
        step.getStyleClass().add(Styles.BANNER_STEP);
        // At high zoom a long step name wraps rather than pushing the window wider than the screen; the
        // environment's name is never cut.
        step.setWrapText(true);
        environment.setMinWidth(Region.USE_PREF_SIZE);
        detail.setMinWidth(0);
        // Given less room than its line, the connection detail wraps (at its bullets' spaces), never cut to "...".
        detail.setWrapText(true);
        detail.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
        detail.setId("environment-banner-detail");
        target.setId("environment-banner-target");
        target.setMinWidth(0);
        target.setWrapText(true);
        mismatch.setId("environment-banner-mismatch");
        mismatch.getStyleClass().add(Styles.BANNER_MISMATCH);
        mismatch.setWrapText(true);
        mismatch.setMinWidth(0);
        mismatch.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(step, environment, target, spacer, detail);
        this.env = env;
        this.connectionDetail = connectionDetail;
        env.addListener((obs, was, now) -> show(now));
        connectionDetail.addListener((obs, was, now) -> show(env.getValue()));
        // Connection details (user, host, database) are masked in presenter mode.
        Masked.bind(detail, connectionDetail, EnvironmentBanner::partsWhole);
        showStep(null);
        show(env.getValue());
    }

    /**
     * Shows the cluster the console sends to beside the environment, from the moment it is known, the reviewed file
     * sent with no replica connection included: {@code target}'s namespace and context, and {@code pod}, the pod a
     * run sends to (blank before one). The banner takes the colour of the most dangerous environment named.
     */
    public void follow(ClusterTarget target, ObservableValue<String> pod) {
        this.cluster = target;
        this.pod = pod;
        target.namespaceProperty().addListener(o -> show(env.getValue()));
        target.contextProperty().addListener(o -> show(env.getValue()));
        pod.addListener(o -> show(env.getValue()));
        show(env.getValue());
    }

    /**
     * The step's name keeps its whole line while the environment leaves room for it (the connection detail gives
     * way first, cut short); with less room it wraps, but never below 15 em, so its words are not stacked one a line.
     */
    @Override
    protected double computeMinWidth(double height) {
        // Never wider than the environment and the shortest the step's name goes: the window decides the width.
        return snappedLeftInset() + snappedRightInset() + environmentMin() + 2 * getSpacing()
                + (step.isManaged() ? 15 * Presenter.emFor(this) : 0);
    }

    /**
     * The narrowest the environment's label goes: all of it for an environment ("PRODUCTION"); for a screen's own
     * banner ("OFFLINE REVIEW  *  no connection is used", the rehearsal's), its name before the first bullet, the
     * rest wrapping under it: whole on one line, in presenter mode at 200 %, it made the window wider than the screen.
     */
    private double environmentMin() {
        if (!environment.isWrapText()) {
            return environment.prefWidth(-1);
        }
        javafx.scene.text.Text measure = new javafx.scene.text.Text(environment.getText().split("\u2022")[0].trim());
        measure.setFont(environment.getFont());
        return Math.min(environment.prefWidth(-1), Math.ceil(measure.getLayoutBounds().getWidth())
                + environment.snappedLeftInset() + environment.snappedRightInset() + 2);
    }

    /**
     * Where each label goes at a width: the step's name and the environment first, then the target, then the
     * connection's detail at the right. What does not fit on the line beside them without breaking a part goes on a
     * second line: the detail first (right-aligned under the rest), then the target too, and a part is broken only
     * where a whole line cannot hold it.
     */
    private record Plan(double step, double environment, double target, boolean targetBelow, double detail,
                        boolean detailBelow) {
    }

    private Plan plan(double width) {
        double gap = getSpacing();
        double em = Presenter.emFor(this);
        double inside = Math.max(0, width - snappedLeftInset() - snappedRightInset());
        // A screen's own banner (the offline review's, the rehearsal's) wraps after its name where the line is short.
        double env = Math.min(environment.prefWidth(-1), Math.max(environmentMin(),
                inside - (step.isManaged() ? Math.min(step.prefWidth(-1), 15 * em) + gap : 0)));
        double targetPref = target.isManaged() ? target.prefWidth(-1) : 0;
        double targetWord = target.isManaged() ? Math.min(targetPref, longestWord(target)) : 0;
        double detailPref = detail.isManaged() ? detail.prefWidth(-1) : 0;
        double detailWord = detail.isManaged() ? Math.min(detailPref, longestWord(detail)) : 0;
        double room = inside - env - gap;
        double stepWidth = 0;
        if (step.isManaged()) {
            // The step's name wraps before the target's longest part is broken, down to its own longest word.
            double forStep = room - targetWord - 2 * gap;
            stepWidth = Math.min(step.prefWidth(-1), Math.max(Math.min(15 * em, Math.max(longestWord(step), forStep)),
                    forStep));
            room -= stepWidth + gap;
        }
        boolean targetBelow = target.isManaged() && targetWord > room;
        double line = targetBelow ? 0 : targetWord;
        boolean detailBelow = detail.isManaged() && (targetBelow || line + detailWord + 2 * gap > room);
        double targetWidth = !target.isManaged() ? 0 : targetBelow ? Math.min(targetPref, inside)
                : detailBelow ? Math.min(targetPref, room)
                : Math.min(targetPref, Math.max(targetWord, room - Math.min(detailPref, room - targetWord - 2 * gap)
                - 2 * gap));
        double detailWidth = !detail.isManaged() ? 0 : detailBelow
                ? Math.min(detailPref, inside - (targetBelow ? targetWidth + 2 * gap : 0))
                : Math.max(detailWord, room - targetWidth - 2 * gap);
        if (targetBelow && detail.isManaged() && detailWidth < Math.min(detailWord, inside)) {
            // Two lines: the target's, then the detail's on a line of its own.
            detailWidth = Math.min(detailPref, inside);
        }
        return new Plan(stepWidth, env, targetWidth, targetBelow, detailWidth, detailBelow);
    }

    private boolean detailOnOwnLine(Plan p) {
        return p.detailBelow() && p.targetBelow() && p.target() + p.detail() + 2 * getSpacing()
                > getWidth() - snappedLeftInset() - snappedRightInset();
    }

    /** The height of the first line: the tallest of what the plan puts on it. */
    private double firstLine(Plan p) {
        double first = Math.max(step.isManaged() ? step.prefHeight(p.step()) : 0, environment.prefHeight(p.environment()));
        if (target.isManaged() && !p.targetBelow()) {
            first = Math.max(first, target.prefHeight(p.target()));
        }
        if (detail.isManaged() && !p.detailBelow()) {
            first = Math.max(first, detail.prefHeight(p.detail()));
        }
        return first;
    }

    @Override
    protected double computePrefHeight(double width) {
        if (width < 0) {
            return super.computePrefHeight(width);
        }
        Plan p = plan(width);
        double first = firstLine(p);
        double second = 0;
        double third = 0;
        if (p.targetBelow()) {
            second = target.prefHeight(p.target());
        }
        if (p.detailBelow()) {
            double h = detail.prefHeight(p.detail());
            if (detailOnOwnLine(p)) {
                third = h;
            } else {
                second = Math.max(second, h);
            }
        }
        double gap = getSpacing() / 4;
        return snappedTopInset() + first + (second > 0 ? gap + second : 0) + (third > 0 ? gap + third : 0)
                + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Plan p = plan(getWidth());
        double gap = getSpacing();
        double left = snappedLeftInset();
        double right = getWidth() - snappedRightInset();
        double y = snappedTopInset();
        double first = firstLine(p);
        double x = left;
        if (step.isManaged()) {
            layoutInArea(step, x, y, p.step(), first, 0, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.CENTER);
            x += p.step() + gap;
        }
        layoutInArea(environment, x, y, p.environment(), first, 0, javafx.geometry.HPos.LEFT,
                javafx.geometry.VPos.CENTER);
        x += p.environment() + gap;
        if (target.isManaged() && !p.targetBelow()) {
            layoutInArea(target, x, y, p.target(), first, 0, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.CENTER);
        }
        if (detail.isManaged() && !p.detailBelow()) {
            layoutInArea(detail, right - p.detail(), y, p.detail(), first, 0, javafx.geometry.HPos.RIGHT,
                    javafx.geometry.VPos.CENTER);
        }
        double small = gap / 4;
        y += first + small;
        double second = 0;
        if (p.targetBelow()) {
            second = target.prefHeight(p.target());
            layoutInArea(target, left, y, p.target(), second, 0, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
        }
        if (p.detailBelow()) {
            double h = detail.prefHeight(p.detail());
            if (detailOnOwnLine(p)) {
                y += second + small;
            } else {
                second = Math.max(second, h);
            }
            layoutInArea(detail, right - p.detail(), y, p.detail(), h, 0, javafx.geometry.HPos.RIGHT,
                    javafx.geometry.VPos.TOP);
        }
    }

    private static double longestWord(Label label) {
        String text = label.getText() == null ? "" : label.getText();
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(label.getFont());
        double widest = 0;
        for (String word : text.split("\\s+")) {
            measure.setText(word);
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest + label.snappedLeftInset() + label.snappedRightInset()) + 2;
    }

    /**
     * The strip under the banner that says the replica's environment and the namespace's disagree; the window puts
     * it there. Hidden while they agree.
     */
    public Label mismatchWarning() {
        return mismatch;
    }

    /** The environment as the banner names it ("LOCAL", "PRODUCTION", "NOT CONNECTED"). */
    public ObservableValue<String> environmentText() {
        return environment.textProperty();
    }

    /** In presenter mode, names the step shown ("Step 3 of 7: Preview affected records"); null for none. */
    public void showStep(String text) {
        step.setText(text == null ? "" : text + "  \u2022  ");
        step.setVisible(text != null && presenter);
        step.setManaged(text != null && presenter);
    }

    private boolean presenter;

    /** Presenter mode: the banner larger, with the step's name. */
    public void setPresenter(boolean on) {
        presenter = on;
        pseudoClassStateChanged(PRESENTER, on);
        boolean named = !step.getText().isEmpty();
        step.setVisible(on && named);
        step.setManaged(on && named);
        show(env.getValue());
    }

    /**
     * Says {@code text} instead of the environment while a screen that uses no connection is shown, such as the
     * offline review; null goes back to the environment. The connection stays as it was underneath.
     */
    public void showOffline(String text) {
        offline = text;
        show(env.getValue());
    }

    /**
     * Marks a rehearsal's window: the banner says REHEARSAL in its own colour whatever is connected or shown, so
     * that nobody on a shared screen takes it for a real environment.
     */
    public void showRehearsal() {
        rehearsal = true;
        show(env.getValue());
    }

    private void show(Environment shown) {
        String context = cluster == null ? "" : blankIfNull(cluster.contextProperty().get()).trim();
        // A namespace is a target once a kube context is chosen with it: the Connect form's namespace alone (its
        // default, or one left from an environment chosen before) names nothing.
        String namespace = cluster == null || context.isEmpty() ? ""
                : blankIfNull(cluster.namespaceProperty().get()).trim();
        String podName = pod == null ? "" : blankIfNull(pod.getValue()).trim();
        Environment named = Environment.fromNamespace(namespace).orElse(null);
        boolean contradicts = shown != null && named != null && named != shown && !rehearsal;
        Environment env = rehearsal ? Environment.REHEARSAL : worse(shown, named);
        pseudoClassStateChanged(OFFLINE, offline != null && !rehearsal);
        detail.setVisible(offline == null);
        // Hidden, the connection detail takes no room from the step's name either.
        detail.setManaged(offline == null);
        for (Environment e : Environment.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(e.label()), (offline == null || rehearsal) && e == env);
        }
        if (rehearsal) {
            // In presenter mode, zoomed, the mark alone (its colour says the rest) leaves the pod room.
            environment.setText(Environment.REHEARSAL_MARK + (presenter ? "" : "  \u2022  all simulated, nothing real")
                    + (offline == null ? "" : "  \u2022  " + offline));
        } else if (offline != null) {
            environment.setText(offline);
        } else if (env == null) {
            environment.setText(namespace.isEmpty() ? "NOT CONNECTED" : "UNKNOWN ENVIRONMENT");
        } else {
            environment.setText(env.isProduction() ? "PRODUCTION" : env.label().toUpperCase(java.util.Locale.ROOT));
        }
        environment.setWrapText(offline != null || rehearsal);
        // The environment's name is never cut; what follows it wraps when zoomed in.
        java.util.List<String> parts = new java.util.ArrayList<>();
        String ns = !namespace.isEmpty() ? namespace : env == null || rehearsal ? "" : env.namespace().orElse("");
        if (!ns.isEmpty() && !rehearsal) {
            parts.add(ns);
        }
        // In presenter mode, zoomed, the banner keeps to what the audience needs: the namespace and the pod.
        if (!context.isEmpty() && !presenter) {
            parts.add("context " + context);
        }
        if (!podName.isEmpty()) {
            parts.add("pod " + podName);
        }
        if (shown == null && env != null && !rehearsal && !presenter && blankIfNull(detailText()).isEmpty()) {
            parts.add("no replica connection");
        }
        // After the rehearsal's "all simulated, nothing real", a bullet keeps the context from reading as part of it.
        target.setText((rehearsal && !parts.isEmpty() ? "\u2022\u00a0\u00a0" : "") + partsWhole(String.join(SEPARATOR, parts)));
        boolean targetShown = offline == null && !parts.isEmpty();
        target.setVisible(targetShown);
        target.setManaged(targetShown);
        mismatch.setText(contradicts ? "\u26a0 MISMATCH: the replica is " + shown.label().toUpperCase(java.util.Locale.ROOT)
                + ", the namespace " + namespace + " is " + named.label().toUpperCase(java.util.Locale.ROOT)
                + ": resolve before sending" : "");
        mismatch.setVisible(contradicts && offline == null);
        mismatch.setManaged(contradicts && offline == null);
    }

    private static final String SEPARATOR = "  \u2022  ";

    /**
     * Each part between the bullets kept whole: its spaces become non-breaking, so that a banner given less room
     * than its line wraps at a bullet ("read replica  •  replica up to date"), never inside a part ("replica up" over
     * "to date"). (JavaFX wraps at white space only: a zero-width space is no break, and a word with no room is
     * cut anywhere, which is why {@link #layoutChildren} keeps the longest part's width for each label it can.)
     */
    static String partsWhole(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String[] parts = text.split(java.util.regex.Pattern.quote(SEPARATOR), -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].replace(' ', '\u00a0');
        }
        return String.join(SEPARATOR, parts);
    }

    private String detailText() {
        return connectionDetail.getValue();
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }

    /** The more dangerous of two environments (either may be null): production over preprod over dev over local. */
    static Environment worse(Environment a, Environment b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Environment e) {
        return switch (e) {
            case PROD -> 4;
            case PREPROD -> 3;
            case DEV -> 2;
            case REHEARSAL -> 1;
            case LOCAL -> 0;
        };
    }
}
