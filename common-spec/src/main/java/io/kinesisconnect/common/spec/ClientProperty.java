package io.kinesisconnect.common.spec;

/** One entry of {@code clientConfigProperties}. */
public record ClientProperty(String key, String value, Origin origin) {
    @Override
    public String toString() {
        return key + "=<" + value.length() + " chars>";
    }
}
