package io.kinesisconnect.sink.write.sdk;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one Kinesis record in the KPL's aggregated format, which the KCL, this project's source
 * and other languages' deaggregators read: the magic bytes F3 89 9A C2, a protobuf {@code
 * AggregatedRecord}, and the MD5 of the protobuf bytes. It knows its encoded size before encoding,
 * so callers can stop adding before a limit.
 *
 * <pre>
 * message AggregatedRecord {
 *   repeated string partition_key_table = 1;
 *   repeated string explicit_hash_key_table = 2;
 *   repeated Record records = 3;
 * }
 * message Record {
 *   required uint64 partition_key_index = 1;
 *   optional uint64 explicit_hash_key_index = 2;
 *   required bytes data = 3;
 *   repeated Tag tags = 4;   // never written
 * }
 * </pre>
 */
public final class AggregateBuilder {

    /** The four bytes that open every aggregated record. */
    public static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};

    /** Magic bytes plus the MD5 trailer: what an aggregate costs beyond its protobuf message. */
    public static final int OVERHEAD = MAGIC.length + 16;

    private static final int PARTITION_KEY_TABLE = 1;
    private static final int HASH_KEY_TABLE = 2;
    private static final int RECORDS = 3;
    private static final int RECORD_PARTITION_KEY_INDEX = 1;
    private static final int RECORD_HASH_KEY_INDEX = 2;
    private static final int RECORD_DATA = 3;

    private final Map<String, Integer> partitionKeys = new HashMap<>();
    private final Map<String, Integer> hashKeys = new HashMap<>();
    private final List<String> partitionKeyTable = new ArrayList<>();
    private final List<String> hashKeyTable = new ArrayList<>();
    private final List<Entry> records = new ArrayList<>();
    private int protobufSize;

    private record Entry(int partitionKeyIndex, int hashKeyIndex, byte[] data, int size) {}

    /** How many user records are in the aggregate. */
    public int count() {
        return records.size();
    }

    /** The encoded size now: magic bytes, protobuf message and MD5 trailer. */
    public int size() {
        return OVERHEAD + protobufSize;
    }

    /** The encoded size after adding this user record, without adding it. */
    public int sizeWith(String partitionKey, String explicitHashKey, byte[] data) {
        return OVERHEAD + protobufSize + growth(partitionKey, explicitHashKey, data.length);
    }

    /** The encoded size of an aggregate that holds only this user record. */
    public static int sizeAlone(String partitionKey, String explicitHashKey, byte[] data) {
        return new AggregateBuilder().sizeWith(partitionKey, explicitHashKey, data);
    }

    /** Adds a user record; {@code explicitHashKey} may be null. */
    public void add(String partitionKey, String explicitHashKey, byte[] data) {
        append(
                partitionKey,
                explicitHashKey,
                data,
                growth(partitionKey, explicitHashKey, data.length));
    }

    /**
     * Adds a user record if the aggregate's encoded size stays at most {@code maxSize}; one size
     * computation instead of {@link #sizeWith} and then {@link #add}.
     *
     * @return whether it was added
     */
    public boolean addIfWithin(
            String partitionKey, String explicitHashKey, byte[] data, long maxSize) {
        int growth = growth(partitionKey, explicitHashKey, data.length);
        if (OVERHEAD + protobufSize + growth > maxSize) {
            return false;
        }
        append(partitionKey, explicitHashKey, data, growth);
        return true;
    }

    private void append(String partitionKey, String explicitHashKey, byte[] data, int growth) {
        protobufSize += growth;
        int pk = indexOf(partitionKey, partitionKeys, partitionKeyTable);
        int hk = explicitHashKey == null ? -1 : indexOf(explicitHashKey, hashKeys, hashKeyTable);
        records.add(new Entry(pk, hk, data, recordSize(pk, hk, data.length)));
    }

    private int growth(String partitionKey, String explicitHashKey, int dataLength) {
        int growth = 0;
        Integer pk = partitionKeys.get(partitionKey);
        if (pk == null) {
            pk = partitionKeyTable.size();
            growth += CodedOutputStream.computeStringSize(PARTITION_KEY_TABLE, partitionKey);
        }
        int hk = -1;
        if (explicitHashKey != null) {
            Integer known = hashKeys.get(explicitHashKey);
            if (known == null) {
                hk = hashKeyTable.size();
                growth += CodedOutputStream.computeStringSize(HASH_KEY_TABLE, explicitHashKey);
            } else {
                hk = known;
            }
        }
        int record = recordSize(pk, hk, dataLength);
        return growth
                + CodedOutputStream.computeTagSize(RECORDS)
                + CodedOutputStream.computeUInt32SizeNoTag(record)
                + record;
    }

    private static int recordSize(int partitionKeyIndex, int hashKeyIndex, int dataLength) {
        int size =
                CodedOutputStream.computeUInt64Size(RECORD_PARTITION_KEY_INDEX, partitionKeyIndex);
        if (hashKeyIndex >= 0) {
            size += CodedOutputStream.computeUInt64Size(RECORD_HASH_KEY_INDEX, hashKeyIndex);
        }
        return size
                + CodedOutputStream.computeTagSize(RECORD_DATA)
                + CodedOutputStream.computeUInt32SizeNoTag(dataLength)
                + dataLength;
    }

    private static int indexOf(String key, Map<String, Integer> index, List<String> table) {
        return index.computeIfAbsent(
                key,
                k -> {
                    table.add(k);
                    return table.size() - 1;
                });
    }

    /** The aggregate's bytes: magic, protobuf message, MD5 of the message. */
    public byte[] encode() {
        byte[] out = new byte[size()];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        CodedOutputStream proto = CodedOutputStream.newInstance(out, MAGIC.length, protobufSize);
        try {
            for (String key : partitionKeyTable) {
                proto.writeString(PARTITION_KEY_TABLE, key);
            }
            for (String key : hashKeyTable) {
                proto.writeString(HASH_KEY_TABLE, key);
            }
            for (Entry e : records) {
                proto.writeTag(RECORDS, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
                proto.writeUInt32NoTag(e.size());
                proto.writeUInt64(RECORD_PARTITION_KEY_INDEX, e.partitionKeyIndex());
                if (e.hashKeyIndex() >= 0) {
                    proto.writeUInt64(RECORD_HASH_KEY_INDEX, e.hashKeyIndex());
                }
                proto.writeByteArray(RECORD_DATA, e.data());
            }
            proto.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("the aggregate's size was computed wrongly", e);
        }
        MessageDigest md5 = HashKeys.md5();
        md5.update(out, MAGIC.length, protobufSize);
        byte[] digest = md5.digest();
        System.arraycopy(digest, 0, out, MAGIC.length + protobufSize, digest.length);
        return out;
    }
}
