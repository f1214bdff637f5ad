package io.sigil.soc.hec;

import io.sigil.soc.DeliveryResult;
import io.sigil.soc.SealedEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Sends the requests of one delivery in order with up to {@link HecAcks#maxInFlight()} of them awaiting their ack,
 * asking for all their ackIds in one ack request per poll. The delivery's confirmed part is the run of leading
 * requests that are all acknowledged; a request acknowledged out of order counts once those before it are. When
 * the oldest unacknowledged request's ack timeout passes, or a request is refused, the delivery ends with its
 * confirmed part: the caller offers the rest again, in order, which sends every unconfirmed request again (at
 * least once).
 */
final class AckWindow {

    /** Posts one request; a delivered result carries its ackId. */
    interface Poster {
        Posted post(List<SealedEvent> events) throws InterruptedException;
    }

    /** The answer to one posted request: accepted with an ackId, or a failure. */
    record Posted(DeliveryResult result, long ackId) {}

    private record InFlight(long ackId, int events, long deadlineNanos) {}

    private final HecAcks acks;
    private final AckPoller poller;
    private final Poster poster;

    AckWindow(HecAcks acks, AckPoller poller, Poster poster) {
        this.acks = acks;
        this.poller = poller;
        this.poster = poster;
    }

    DeliveryResult deliver(List<List<SealedEvent>> requests) throws InterruptedException {
        Deque<InFlight> waiting = new ArrayDeque<>(); // in send order, acknowledged ones leave at the front only
        List<Long> acknowledged = new ArrayList<>(); // out of order: acked, but behind an unacknowledged one
        int confirmed = 0;
        int next = 0;
        DeliveryResult refused = null;
        String last = "no answer yet";
        boolean polled = false;
        long lastPoll = 0;
        while (true) {
            while (refused == null
                    && next < requests.size()
                    && waiting.size() - acknowledged.size() < acks.maxInFlight()) {
                List<SealedEvent> request = requests.get(next);
                long sent = System.nanoTime();
                Posted posted = poster.post(request);
                if (!posted.result().isDelivered()) {
                    refused = posted.result();
                    break;
                }
                waiting.add(new InFlight(
                        posted.ackId(), request.size(), sent + acks.timeout().toNanos()));
                next++;
            }
            while (!waiting.isEmpty()
                    && acknowledged.remove((Long) waiting.peekFirst().ackId())) {
                confirmed += waiting.removeFirst().events();
            }
            if (waiting.isEmpty()) {
                return refused == null ? DeliveryResult.delivered(confirmed) : refused.after(confirmed);
            }
            InFlight oldest = waiting.peekFirst();
            long left = oldest.deadlineNanos() - System.nanoTime();
            // A request counts as unacknowledged only when an ack request made after its deadline says so: sending
            // the window's requests on a slow host must not use up the timeout of the first before it is asked about.
            if (left <= 0 && polled && lastPoll - oldest.deadlineNanos() >= 0) {
                return DeliveryResult.retryable("HEC did not acknowledge ackId " + oldest.ackId() + " within "
                                + acks.timeout() + " (" + last + "); it and the requests after it will be sent again")
                        .after(confirmed);
            }
            if (left > 0) {
                Thread.sleep(Math.min(acks.pollInterval().toMillis(), left / 1_000_000 + 1));
            }
            List<Long> asked = new ArrayList<>();
            for (InFlight request : waiting) {
                if (!acknowledged.contains(request.ackId())) {
                    asked.add(request.ackId());
                }
            }
            polled = true;
            lastPoll = System.nanoTime();
            AckPoller.Answer answer = poller.poll(asked);
            last = answer.note();
            Set<Long> indexed = answer.indexed();
            for (long id : asked) {
                if (indexed.contains(id)) {
                    acknowledged.add(id);
                }
            }
        }
    }
}
