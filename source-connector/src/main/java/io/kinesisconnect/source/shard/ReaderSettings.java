package io.kinesisconnect.source.shard;

import java.time.Duration;

/**
 * What a shard reader needs from the configuration.
 *
 * @param connectorName for marker record keys and log lines
 * @param markerTopic where offset-only marker records go
 * @param maxRecordsPerCall GetRecords' limit, 1 to 10,000
 * @param minCallInterval the least time between two GetRecords calls on one shard; 200 ms keeps a
 *     reader within Kinesis' five calls per second per shard
 * @param idleBackoff how long to wait after an empty response at the tip of the shard
 * @param retryInitial first wait after a throttle or transient error
 * @param retryMax longest wait between retries
 * @param parentCheckInterval how often a child shard checks whether its parents are done
 */
public record ReaderSettings(
        String connectorName,
        String markerTopic,
        int maxRecordsPerCall,
        Duration minCallInterval,
        Duration idleBackoff,
        Duration retryInitial,
        Duration retryMax,
        Duration parentCheckInterval) {}
