package dev.httpauth.adapters.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into a byte array of at most {@code maxBytes}. A longer body stops the
 * download and fails the response with {@link BodyTooLargeException}, so a misbehaving server
 * cannot make the client buffer an unbounded body.
 */
final class BoundedBodyHandler implements HttpResponse.BodyHandler<byte[]> {

    private final int maxBytes;

    BoundedBodyHandler(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo responseInfo) {
        return new BoundedSubscriber(responseInfo, maxBytes);
    }

    /** The response body is longer than the limit. Carries the status, the headers and the bytes read. */
    static final class BodyTooLargeException extends IOException {

        private final transient HttpResponse.ResponseInfo responseInfo;
        private final int maxBytes;
        private final byte[] start;

        BodyTooLargeException(HttpResponse.ResponseInfo responseInfo, int maxBytes, byte[] start) {
            super("The response body is longer than " + maxBytes + " bytes");
            this.responseInfo = responseInfo;
            this.maxBytes = maxBytes;
            this.start = start;
        }

        int status() {
            return responseInfo.statusCode();
        }

        String contentType() {
            return responseInfo.headers().firstValue("Content-Type").orElse("");
        }

        HttpHeaders headers() {
            return responseInfo.headers();
        }

        int maxBytes() {
            return maxBytes;
        }

        /** Returns the first {@link #maxBytes()} bytes of the body. */
        byte[] start() {
            return start.clone();
        }
    }

    private static final class BoundedSubscriber implements HttpResponse.BodySubscriber<byte[]> {

        private final HttpResponse.ResponseInfo responseInfo;
        private final int maxBytes;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        BoundedSubscriber(HttpResponse.ResponseInfo responseInfo, int maxBytes) {
            this.responseInfo = responseInfo;
            this.maxBytes = maxBytes;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int room = maxBytes - buffer.size();
                if (item.remaining() > room) {
                    copy(item, room);
                    subscription.cancel();
                    body.completeExceptionally(new BodyTooLargeException(responseInfo, maxBytes, buffer.toByteArray()));
                    return;
                }
                copy(item, item.remaining());
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(buffer.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        private void copy(ByteBuffer item, int length) {
            byte[] bytes = new byte[length];
            item.get(bytes);
            buffer.write(bytes, 0, length);
        }
    }
}
