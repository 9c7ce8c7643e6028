package io.kinesisconnect.source.it;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Benchmark record data: the writer's clock in epoch millis in the first eight bytes, then filler
 * up to the record size, so the latency from the write to the Kafka append can be read from every
 * record without any header.
 */
final class BenchPayloads {

    /** The write time of a probe record, which latency figures leave out. */
    static final long PROBE = 0;

    private BenchPayloads() {}

    static byte[] payload(int size, long writeMillis) {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) 'x');
        ByteBuffer.wrap(data).putLong(writeMillis);
        return data;
    }

    static long writeMillis(byte[] data) {
        return ByteBuffer.wrap(data).getLong();
    }
}
