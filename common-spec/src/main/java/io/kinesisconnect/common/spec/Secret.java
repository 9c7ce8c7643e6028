package io.kinesisconnect.common.spec;

/** A secret value; its {@code toString} never shows it. */
public record Secret(String value) {
    public static final String MASK = "********";

    @Override
    public String toString() {
        return MASK;
    }
}
