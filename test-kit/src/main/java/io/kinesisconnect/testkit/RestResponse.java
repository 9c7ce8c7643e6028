package io.kinesisconnect.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Connect REST answer: the status code and the body as sent.
 *
 * @param status the HTTP status code
 * @param body the response body, empty when there was none
 */
public record RestResponse(int status, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /**
     * Whether the worker refused because its group is rebalancing: Connect answers 409 while its
     * config is stale and 500 "a rebalance is expected" right after a change. Either passes by
     * itself, so a caller that polls asks again.
     */
    public boolean isRebalancing() {
        return status == 409 || (status == 500 && body.contains("rebalance"));
    }

    /** The body parsed as JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body.isEmpty() ? "null" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON (status " + status + "): " + body, e);
        }
    }

    /** Fails unless the status is 2xx, and returns this response. */
    public RestResponse requireSuccess(String what) {
        if (!isSuccess()) {
            throw new AssertionError(what + " failed with HTTP " + status + ": " + body);
        }
        return this;
    }
}
