package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A secret's decoded values, held in memory only. Nothing here prints a value: not toString, not an exception. */
public final class KubeSecret {

    private final String name;
    private final Map<String, byte[]> values;

    KubeSecret(String name, Map<String, byte[]> values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = new TreeMap<>();
        values.forEach((k, v) -> this.values.put(k, v.clone()));
    }

    public String name() {
        return name;
    }

    public Set<String> keys() {
        return Set.copyOf(values.keySet());
    }

    /** The value as UTF-8 text. */
    public Optional<String> text(String key) {
        byte[] value = values.get(key);
        return value == null ? Optional.empty() : Optional.of(new String(value, StandardCharsets.UTF_8));
    }

    /** Overwrites the values in memory once they have been used. */
    public void wipe() {
        values.values().forEach(v -> Arrays.fill(v, (byte) 0));
        values.clear();
    }

    @Override
    public String toString() {
        return "KubeSecret[" + name + ", keys=" + values.keySet() + "]";
    }
}
